package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.Usher;
import io.usher.application.invites.InviteRequest;
import io.usher.cli.Cli;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.RemoteDevice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Library;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
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
  void aWrongAddressIsOneSentenceWithoutThePassword() {
    DatabaseAddress nowhere =
        new DatabaseAddress(postgres.url("no_such_database"), TestPostgres.USER, "s3cret-pw");

    assertThatThrownBy(() -> Database.openPostgres(nowhere, pgFolder))
        .isInstanceOf(UsherException.class)
        .hasMessageStartingWith("Could not open the ledger at postgresql://127.0.0.1:")
        .hasMessageContaining("no_such_database")
        .hasMessageNotContaining("s3cret-pw");
  }

  @Test
  void theCommandLineKeepsTheLedgerWhereDbUrlSaysForEveryDataFolder(@TempDir Path laptop)
      throws Exception {
    String url = postgres.newDatabase() + "?user=" + TestPostgres.USER;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(Launcher::open, o -> {}, o -> {}, Launcher::restore);
    try {
      int added =
          cli.execute(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              "--data-dir",
              pgFolder.toString(),
              "--db-url",
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
      assertThat(added).as(err.toString()).isZero();
      out.getBuffer().setLength(0);
      int listed =
          cli.execute(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              "--data-dir",
              laptop.toString(),
              "--db-url=" + url,
              "plan",
              "list");
      assertThat(listed).as(err.toString()).isZero();
      assertThat(out.toString()).as("the same ledger from another data folder").contains("Basic");
      assertThat(laptop.resolve(Database.FILE_NAME)).doesNotExist();
      err.getBuffer().setLength(0);
      int restored =
          cli.execute(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              "--data-dir",
              laptop.toString(),
              "--db-url",
              url,
              "restore",
              laptop.resolve("some.zip").toString());
      assertThat(restored).isEqualTo(1);
      assertThat(err.toString()).contains("The ledger is on PostgreSQL");
      err.getBuffer().setLength(0);
      int refused =
          cli.execute(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              "--data-dir",
              laptop.toString(),
              "--db-url",
              "jdbc:mysql://127.0.0.1/usher",
              "plan",
              "list");
      assertThat(refused).isEqualTo(1);
      assertThat(err.toString()).contains("A ledger address starts with jdbc:postgresql:");
    } finally {
      System.clearProperty(Cli.DB_URL_PROPERTY);
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
