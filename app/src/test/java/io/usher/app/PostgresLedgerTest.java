package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.Usher;
import io.usher.application.invites.InviteRequest;
import io.usher.cli.Cli;
import io.usher.domain.backups.LedgerCopy;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.RemoteDevice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Library;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on a real PostgreSQL (issue 16 §1): the migrations make it, and the same day of an
 * owner's work gives the same answers there as on the embedded H2 file.
 */
class PostgresLedgerTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static TestPostgres postgres;

  @TempDir Path h2Folder;
  @TempDir Path pgFolder;

  @BeforeAll
  static void start() throws Exception {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  DatabaseAddress fresh() throws Exception {
    return new DatabaseAddress(postgres.newDatabase(), TestPostgres.USER, null);
  }

  @Test
  void theMigrationsMakeTheLedgerAndASecondOpenFindsItCurrent() throws Exception {
    DatabaseAddress ledger = fresh();
    try (Database db = Database.openPostgres(ledger, pgFolder)) {
      assertThat(db.postgres()).isTrue();
    }
    try (Database again = Database.openPostgres(ledger, pgFolder);
        Connection c = DriverManager.getConnection(ledger.url(), TestPostgres.USER, null);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT MAX(CAST(version AS INT)), COUNT(*) FROM flyway_schema_history"
                    + " WHERE success")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(Database.SCHEMA);
      assertThat(r.getInt(2)).isEqualTo(Database.SCHEMA);
      assertThat(again.postgres()).isTrue();
    }
  }

  @Test
  void aWindowSeesWhatAnotherMachineWroteAtItsNextLook(@TempDir Path laptop) throws Exception {
    DatabaseAddress ledger = fresh();
    MutableClock clock = new MutableClock(NOW);
    try (AppContext server = new AppContext(pgFolder, ledger, clock, s -> new FakeMediaServers())) {
      Files.copy(pgFolder.resolve(DataFolder.KEY_FILE), laptop.resolve(DataFolder.KEY_FILE));
      try (AppContext window = new AppContext(laptop, ledger, clock, s -> new FakeMediaServers())) {
        String before = window.queries().changeMark();

        Fixtures.monthly(server, "Monthly", "10");
        server.users().create(UserSpec.withEmail("alice@example.com"));

        // The window's LedgerWatch asks for the change mark every 2 s and reloads when it moved.
        assertThat(window.queries().changeMark()).isNotEqualTo(before);
        assertThat(window.queries().users())
            .extracting(UserRow::email)
            .contains("alice@example.com");
        server.settings().set("stripe.secret-key", "sk_test_shared");
        assertThat(window.settings().value("stripe.secret-key"))
            .as("a secret sealed on the server opens on the laptop with the same usher.key")
            .isEqualTo("sk_test_shared");
      }
    }
  }

  @Test
  void aWrongAddressIsOneSentenceWithoutThePassword() {
    DatabaseAddress nowhere =
        new DatabaseAddress(postgres.url("no_such_database"), TestPostgres.USER, "s3cret-pw");

    assertThatThrownBy(() -> Database.openPostgres(nowhere, pgFolder))
        .isInstanceOf(UsherException.class)
        .hasMessageStartingWith("Could not open the ledger at postgresql://127.0.0.1:")
        .hasMessageContaining("no_such_database")
        .hasMessageNotContaining("s3cret-pw");
  }

  /** One command line through the real launcher's opener; its exit code, output and errors. */
  record Ran(int code, String out, String err) {}

  static Ran usher(Path dataDir, String url, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--db-url", url));
    all.addAll(List.of(args));
    try {
      int code =
          new Cli(Launcher::open, o -> {}, o -> {}, Launcher::restore)
              .execute(
                  new PrintWriter(out, true),
                  new PrintWriter(err, true),
                  all.toArray(String[]::new));
      return new Ran(code, out.toString(), err.toString());
    } finally {
      System.clearProperty(Cli.DB_URL_PROPERTY);
    }
  }

  @Test
  void theCommandLineKeepsTheLedgerWhereDbUrlSaysForEveryDataFolder(@TempDir Path laptop)
      throws Exception {
    String url = postgres.newDatabase() + "?user=" + TestPostgres.USER;
    Ran added =
        usher(
            pgFolder,
            url,
            "plan",
            "add",
            "--name",
            "Basic",
            "--price",
            "12.50",
            "--currency",
            "USD",
            "--months",
            "1",
            "--groups",
            "Standard",
            "--streams",
            "2");
    assertThat(added.code()).as(added.err()).isZero();

    Ran listed = usher(laptop, url, "plan", "list");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).as("the same ledger from another data folder").contains("Basic");
    assertThat(laptop.resolve(Database.FILE_NAME)).doesNotExist();

    Path copy = laptop.resolve("copy");
    Ran copied = usher(laptop, url, "db", "copy", "--to", copy.toString());
    assertThat(copied.code()).as(copied.err()).isZero();
    assertThat(copied.out())
        .startsWith("Copied ")
        .contains(" tables to " + copy)
        .contains("every row compared and the same");
    assertThat(copy.resolve(Database.FILE_NAME)).exists();

    Ran restored = usher(laptop, url, "restore", laptop.resolve("some.zip").toString());
    assertThat(restored.code()).isEqualTo(1);
    assertThat(restored.err()).contains("The ledger is on PostgreSQL");

    Ran refused = usher(laptop, "jdbc:mysql://127.0.0.1/usher", "plan", "list");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("A ledger address starts with jdbc:postgresql:");
  }

  @Test
  void dbCopyMovesAnOwnersLedgerToPostgresAndBackRowForRow(@TempDir Path back) throws Exception {
    MutableClock clock = new MutableClock(NOW);
    FakeMediaServers media = new FakeMediaServers();
    DatabaseAddress ledger = fresh();
    String target = ledger.url() + "?user=" + TestPostgres.USER;
    String users;
    String payments;
    try (AppContext h2 = new AppContext(h2Folder, clock, s -> media)) {
      day(h2, media, clock);
      // Alice (user 1) under Bob (user 2): a row that refers to one copied after it.
      var monthly = h2.plans().byName("Monthly");
      var spec = monthly.spec();
      h2.plans()
          .update(
              monthly.id(),
              new io.usher.domain.plans.PlanSpec(
                  spec.name(),
                  spec.price(),
                  spec.duration(),
                  spec.groups(),
                  spec.maxStreams(),
                  spec.downloads(),
                  spec.transcode(),
                  spec.maxDevices(),
                  spec.trial(),
                  spec.isDefault(),
                  spec.hidden(),
                  1,
                  spec.stripePriceId(),
                  spec.paypalPlanId()));
      h2.links().link("bob@example.com", "alice@example.com");
      users = h2.queries().users().toString();
      payments = h2.queries().payments(PaymentFilter.ALL).toString();

      LedgerCopy copied = h2.backups().copyTo(target);

      assertThat(copied.rows()).isGreaterThan(20);
      assertThat(copied.tables()).isEqualTo(LedgerCopier.inOrder().size());
      assertThat(copied.target()).startsWith("postgresql://127.0.0.1:").doesNotContain("user=");
      assertThatThrownBy(() -> h2.backups().copyTo(target))
          .isInstanceOf(UsherException.class)
          .hasMessageContaining("is not empty")
          .hasMessageEndingWith("copy only into an empty one.");
    }
    try (AppContext pg = new AppContext(h2Folder, ledger, clock, s -> media)) {
      assertThat(pg.queries().users().toString()).isEqualTo(users);
      assertThat(pg.queries().payments(PaymentFilter.ALL).toString()).isEqualTo(payments);
      assertThat(pg.settings().value("stripe.secret-key"))
          .as("a secret copied sealed opens with the same key")
          .isEqualTo("sk_test_4eC39HqLyjWDarjtT1zdp7dc");
      User carol = pg.users().create(UserSpec.withEmail("carol@example.com"));
      assertThat(carol.id()).as("new ids follow the copied ones").isEqualTo(3);

      assertThat(pg.backups().copyTo(back.toString()).target()).isEqualTo(back.toString());
    }
    try (AppContext again = new AppContext(back, clock, s -> media)) {
      assertThat(again.queries().users())
          .extracting(UserRow::email)
          .containsExactlyInAnyOrder("alice@example.com", "bob@example.com", "carol@example.com");
      assertThat(again.settings().value("stripe.secret-key"))
          .isEqualTo("sk_test_4eC39HqLyjWDarjtT1zdp7dc");
      assertThat(again.users().create(UserSpec.withEmail("dave@example.com")).id()).isEqualTo(4);
    }
  }

  @Test
  void aFolderWithAnotherKeyIsRefusedBeforeAnythingIsCopied(@TempDir Path other) throws Exception {
    try (AppContext elsewhere =
        new AppContext(other, new MutableClock(NOW), s -> new FakeMediaServers())) {
      elsewhere.plans().list();
    }
    try (AppContext h2 =
        new AppContext(h2Folder, new MutableClock(NOW), s -> new FakeMediaServers())) {
      assertThatThrownBy(() -> h2.backups().copyTo(other.toString()))
          .isInstanceOf(UsherException.class)
          .hasMessage(
              other.toAbsolutePath()
                  + " holds another usher.key: the copied secrets would not open there. Copy"
                  + " into an empty folder.");
    }
  }

  @Test
  void aDayOfAnOwnersWorkReadsTheSameOnPostgresAsOnH2() throws Exception {
    List<String> onH2;
    MutableClock h2Clock = new MutableClock(NOW);
    FakeMediaServers h2Media = new FakeMediaServers();
    try (AppContext h2 = new AppContext(h2Folder, h2Clock, s -> h2Media)) {
      onH2 = day(h2, h2Media, h2Clock);
    }
    List<String> onPostgres;
    MutableClock pgClock = new MutableClock(NOW);
    FakeMediaServers pgMedia = new FakeMediaServers();
    try (AppContext pg = new AppContext(pgFolder, fresh(), pgClock, s -> pgMedia)) {
      onPostgres = day(pg, pgMedia, pgClock);
    }
    assertThat(pgFolder.resolve(Database.FILE_NAME))
        .as("no H2 file beside a PostgreSQL ledger")
        .doesNotExist();
    assertThat(h2Folder.resolve(Database.FILE_NAME)).exists();
    assertThat(onPostgres).hasSize(onH2.size()).hasSize(15);
    for (int i = 0; i < onH2.size(); i++) {
      assertThat(random(onPostgres.get(i))).as("step %d", i).isEqualTo(random(onH2.get(i)));
    }
  }

  /** The text with what is random on every run (an invite's transaction id) masked. */
  private static String random(String step) {
    return step.replaceAll("invite-[0-9a-f]{8}-[0-9a-f]{4}", "invite-…");
  }

  /**
   * Plans, a server and its libraries, invites that pay, a secret setting, streams enforced,
   * devices held, sharing judged, expiry looked at: what each step reads back, as text.
   */
  private static List<String> day(Usher usher, FakeMediaServers media, MutableClock clock) {
    List<String> seen = new ArrayList<>();
    Fixtures.monthly(usher, "Monthly", "10");
    seen.add(usher.plans().list().toString());
    FakeMediaServers.Fake attic = media.server("http://attic:8096").library("b8f1", "Movies");
    attic.controlsDevices = true;
    usher.servers().addMediaBrowser(ServerKind.EMBY, "Attic", "http://attic:8096", "k3y");
    Library movies = usher.servers().libraries("Attic").getFirst();
    usher.servers().setGroup(movies.id(), "Standard");
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Attic"));
    usher.invites().invite(InviteRequest.of("bob@example.com", "Monthly", "Attic"));
    usher.settings().set("stripe.secret-key", "sk_test_4eC39HqLyjWDarjtT1zdp7dc");
    seen.add(usher.settings().value("stripe.secret-key"));
    seen.add(usher.queries().users().toString());
    seen.add(usher.queries().payments(PaymentFilter.ALL).toString());
    seen.add(usher.queries().totals(PaymentFilter.ALL).toString());
    seen.add(usher.queries().counts().toString());
    for (String session : List.of("a1", "a2", "a3")) {
      attic.stream(
          new ActiveStream(
              session,
              "acct-1",
              "alice",
              "TV " + session,
              session.equals("a3") ? "198.51.100.4" : "203.0.113.7",
              "directplay",
              "1080",
              "Pilot",
              false));
    }
    seen.add(usher.jobs().run("enforce", false).summary());
    seen.add(usher.activity().recent(10).toString());
    for (int i = 0; i < 3; i++) {
      attic.devices.add(
          new RemoteDevice("d" + i, "r" + i, "TV " + i, null, "acct-1", NOW.plusSeconds(i)));
    }
    seen.add(usher.jobs().run("devices", false).summary());
    seen.add(usher.sharing().suspects(30).rows().toString());
    clock.advance(Duration.ofDays(40));
    var expiry = usher.jobs().run("expire", true);
    seen.add(expiry.summary() + " " + expiry.details());
    seen.add(usher.jobs().run("expire", false).summary());
    seen.add(usher.queries().users().toString());
    var overview = usher.dashboard().overview(ZoneOffset.UTC);
    seen.add(
        List.of(
                overview.counts(),
                overview.revenue(),
                overview.activeUsers(),
                overview.signUps(),
                overview.expiring(),
                overview.recent(),
                overview.problems())
            .toString());
    seen.add(usher.jobs().list().toString());
    return seen;
  }
}
