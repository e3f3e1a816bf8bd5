package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.cli.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 11 §4: usher backup, backup list and restore through the real command line. */
class BackupRestoreTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path dataDir;
  @TempDir Path elsewhere;
  String out;
  String err;

  @Test
  void aRestoredLedgerIsTheLedgerThatWasBackedUpAndTheReplacedOneIsKept() throws IOException {
    ledgerWithAliceAndBob();
    String before = dump();
    assertThat(usher("--json", "backup")).as(err).isZero();
    String file = JSON.readTree(out).get("file").asString();
    assertThat(Path.of(file)).startsWith(dataDir.resolve("backups")).exists();

    usher("user", "add", "--email", "carol@example.com");
    usher("payment", "add", "--email", "carol@example.com", "--plan", "Monthly", "--txn", "t-3");
    usher("settings", "set", "smtp.host", "changed.example.com");
    assertThat(dump()).isNotEqualTo(before);

    assertThat(usher("restore", file)).as(err).isZero();
    assertThat(out).startsWith("Restored the ledger from " + file);
    assertThat(dump()).isEqualTo(before);
    assertThat(usher("settings", "get", "stripe.secret-key")).isZero();
    assertThat(out).as("secrets come back, sealed with the same key").contains("••••5678");

    assertThat(usher("--json", "backup", "list")).isZero();
    JsonNode list = JSON.readTree(out);
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("file").asString()).endsWith("-before-restore.zip");
    assertThat(list.get(0).get("schema").asInt()).isEqualTo(Database.SCHEMA);
    assertThat(list.get(1).get("file").asString()).isEqualTo(file);
    assertThat(list.get(1).get("bytes").asLong()).isPositive();

    assertThat(usher("restore", list.get(0).get("file").asString())).as(err).isZero();
    assertThat(usher("users")).isZero();
    assertThat(out)
        .as("restoring the kept ledger undoes the restore")
        .contains("carol@example.com");
  }

  @Test
  void aBackupTakenWhileServeRunsIsWholeAndRestoreIsRefusedUntilItStops() throws Exception {
    ledgerWithAliceAndBob();
    String before = dump();
    try (InstanceLock window = InstanceLock.acquire(dataDir);
        AppContext running = new AppContext(dataDir, Clock.systemUTC())) {
      assertThat(usher("--json", "backup", elsewhere.resolve("mine.zip").toString()))
          .as(err)
          .isZero();
      assertThat(usher("restore", elsewhere.resolve("mine.zip").toString())).isEqualTo(1);
      assertThat(err.strip())
          .startsWith("Usher is already running on this data")
          .endsWith("Close the window or stop usher serve, then restore.");
    }
    usher("user", "add", "--email", "carol@example.com");
    assertThat(usher("restore", elsewhere.resolve("mine.zip").toString())).as(err).isZero();
    assertThat(dump()).isEqualTo(before);
  }

  @Test
  void aBackupFromANewerUsherOrNotABackupAtAllIsRefusedAndChangesNothing() throws IOException {
    ledgerWithAliceAndBob();
    String before = dump();
    Path newer = elsewhere.resolve("newer.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(newer))) {
      zip.putNextEntry(new ZipEntry(Database.FILE_NAME));
      zip.write(new byte[] {1, 2, 3});
      zip.putNextEntry(new ZipEntry(LedgerBackups.DESCRIPTION));
      zip.write("created=2027-01-01T00:00:00Z\nschema=99\n".getBytes());
    }
    assertThat(usher("restore", newer.toString())).isEqualTo(1);
    assertThat(err.strip())
        .isEqualTo(
            newer
                + " was taken by a newer Usher (ledger schema 99; this one knows up to "
                + Database.SCHEMA
                + "): install that version to restore it.");

    Path notOurs = elsewhere.resolve("photos.zip");
    try (OutputStream o = Files.newOutputStream(notOurs)) {
      o.write("not a zip".getBytes());
    }
    assertThat(usher("restore", notOurs.toString())).isEqualTo(1);
    assertThat(err.strip())
        .isEqualTo(notOurs + " is not an Usher backup (a zip made by usher backup).");
    assertThat(dump()).isEqualTo(before);
    assertThat(dataDir.resolve("backups")).doesNotExist();
  }

  @Test
  void theDailyJobBacksUpAndKeepsTheNewestAsManyAsTheSettingSays() {
    ledgerWithAliceAndBob();
    usher("settings", "set", "backup.keep", "2");
    for (int i = 0; i < 4; i++) {
      assertThat(usher("jobs", "run", "backup")).as(err).isZero();
    }
    assertThat(out).startsWith("Backed up to ").contains("removed 1 older");
    assertThat(usher("--json", "backup", "list")).isZero();
    assertThat(JSON.readTree(out)).hasSize(2);
  }

  @Test
  void aLedgerFromAnOlderUsherIsBackedUpBeforeItsSchemaChanges() throws IOException {
    JdbcConnectionPool pool = JdbcConnectionPool.create(Database.url(dataDir, false), "usher", "");
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .target(Integer.toString(Database.SCHEMA - 1))
        .load()
        .migrate();
    pool.dispose();

    new AppContext(dataDir, Clock.systemUTC()).close();

    assertThat(LedgerBackups.list(dataDir))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.file()).endsWith("-before-v" + Database.SCHEMA + ".zip");
              assertThat(b.schema()).isEqualTo(Database.SCHEMA - 1);
            });
    new AppContext(dataDir, Clock.systemUTC()).close();
    assertThat(LedgerBackups.list(dataDir)).as("only before a migration").hasSize(1);
  }

  @Test
  void aDamagedLedgerIsNeverOpenedSilentlyAndTheNewestBackupIsNamed() throws IOException {
    ledgerWithAliceAndBob();
    usher("backup");
    Path db = dataDir.resolve(Database.FILE_NAME);
    byte[] bytes = Files.readAllBytes(db);
    for (int i = 0; i < bytes.length; i += 97) {
      bytes[i] ^= (byte) 0x5A;
    }
    Files.write(db, bytes);

    assertThat(usher("users")).isEqualTo(1);
    String newest = LedgerBackups.list(dataDir).getFirst().file();
    assertThat(err.strip())
        .startsWith("The ledger file " + db + " is damaged (")
        .endsWith(
            "The newest backup is "
                + newest
                + ", taken "
                + LedgerBackups.list(dataDir)
                    .getFirst()
                    .created()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + ": run usher restore "
                + newest
                + " (the damaged file is kept beside the backups).");

    assertThat(usher("restore", newest)).as(err).isZero();
    assertThat(usher("users")).isZero();
    assertThat(out).contains("alice@example.com");
    try (Stream<Path> kept = Files.list(dataDir.resolve("backups"))) {
      assertThat(kept.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith("-damaged.mv.db"));
    }
  }

  @Test
  void theSchemaVersionUsherKnowsIsItsNewestMigration() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest =
          files
              .map(p -> p.getFileName().toString())
              .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max(Integer::compare)
              .orElseThrow();
      assertThat(Database.SCHEMA).isEqualTo(newest);
    }
  }

  private void ledgerWithAliceAndBob() {
    usher(
        "plan",
        "add",
        "--name",
        "Monthly",
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
    usher("user", "add", "--email", "alice@example.com", "--name", "Alice");
    usher("user", "add", "--email", "bob@example.com");
    usher("payment", "add", "--email", "alice@example.com", "--plan", "Monthly", "--txn", "t-1");
    usher("payment", "add", "--email", "bob@example.com", "--plan", "Monthly", "--txn", "t-2");
    usher("settings", "set", "stripe.secret-key", "sk_test_12345678");
    assertThat(usher("settings", "set", "smtp.host", "mail.example.com")).as(err).isZero();
  }

  /** What the owner sees of the ledger: users, payments and settings, as JSON. */
  private String dump() {
    List<String> parts = new ArrayList<>();
    for (String[] command :
        List.of(
            new String[] {"--json", "users"},
            new String[] {"--json", "payments"},
            new String[] {"--json", "settings", "list"},
            new String[] {"--json", "plan", "list"})) {
      assertThat(usher(command)).as(err).isZero();
      parts.add(out);
    }
    return String.join("\n", parts);
  }

  private int usher(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    int code =
        new Cli(
                option -> new AppContext(Path.of(option), Clock.systemUTC()),
                option -> {},
                option -> {},
                (option, file) -> Restore.run(Path.of(option), Path.of(file), Clock.systemUTC()))
            .execute(new PrintWriter(o), new PrintWriter(e), all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }
}
