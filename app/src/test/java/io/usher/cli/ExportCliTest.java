package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** usher export users|payments FILE.csv on a real ledger, read back as a spreadsheet would. */
class ExportCliTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dataDir;
  @TempDir Path files;
  final MutableClock clock = new MutableClock(NOW);
  String out;
  String err;

  int usher(String... args) {
    CliRun run = new CliRun(dataDir, clock);
    int code = run.usher(args);
    out = run.out;
    err = run.err;
    return code;
  }

  @BeforeEach
  void ledger() {
    assertThat(
            usher(
                "plan",
                "add",
                "--name",
                "Monthly",
                "--price",
                "12.50",
                "--currency",
                "EUR",
                "--months",
                "1",
                "--groups",
                "Standard",
                "--streams",
                "2"))
        .as(err)
        .isZero();
    assertThat(usher("user", "add", "--email", "ann@example.com", "--name", "=HYPERLINK(\"x\")"))
        .as(err)
        .isZero();
    assertThat(
            usher(
                "payment",
                "add",
                "--email",
                "ann@example.com",
                "--plan",
                "Monthly",
                "--txn",
                "pi_1",
                "--notes",
                "+1 month, paid in cash",
                "--start",
                "2026-11-15"))
        .as(err)
        .isZero();
  }

  static List<CSVRecord> read(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }

  @Test
  void usersAndPaymentsAreWrittenWithAHeaderAndFormulasKeptAsText() throws Exception {
    Path users = files.resolve("users.csv");
    Path payments = files.resolve("payments.csv");

    assertThat(usher("export", "users", users.toString())).as(err).isZero();
    assertThat(out).isEqualTo("Exported 1 user to " + users + ".\n");
    assertThat(usher("--json", "export", "payments", payments.toString())).as(err).isZero();
    assertThat(out).contains("\"rows\":1");

    CSVRecord ann = read(users).getFirst();
    assertThat(ann.get("email")).isEqualTo("ann@example.com");
    assertThat(ann.get("name")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(ann.get("plan")).isEqualTo("Monthly");
    assertThat(ann.get("status")).isEqualTo("active");
    CSVRecord pi = read(payments).getFirst();
    assertThat(pi.get("txn")).isEqualTo("pi_1");
    assertThat(pi.get("amount")).isEqualTo("12.50");
    assertThat(pi.get("currency")).isEqualTo("EUR");
    assertThat(pi.get("start")).isEqualTo("2026-11-15T00:00:00Z");
    assertThat(pi.get("notes")).isEqualTo("'+1 month, paid in cash");
    assertThat(pi.get("source")).isEqualTo("manual");
    assertThat(Files.readString(payments)).startsWith("\"txn\",\"seq\",\"email\"");
  }

  @Test
  void aWrongKindOrAMissingFolderIsOneSentenceAndNoFile() {
    assertThat(usher("export", "plans", files.resolve("p.csv").toString())).isEqualTo(1);
    assertThat(err).contains("Export users or payments.");
    Path nowhere = files.resolve("missing").resolve("users.csv");
    assertThat(usher("export", "users", nowhere.toString())).isEqualTo(1);
    assertThat(err).contains("There is no folder").contains("choose a file in a folder");
    assertThat(files.resolve("p.csv")).doesNotExist();
  }
}
