package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.plans.PlanDuration;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code usher import} end to end against a temp data folder with servers Tower and Den. */
class ImportCliTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;
  @TempDir Path files;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  String out;
  String err;

  @BeforeEach
  void serversAndPlans() {
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    media.server("http://tower:32400").library("1", "Movies");
    media.server("http://den:8096").library("f1", "Movies");
    try (AppContext usher = new AppContext(dataDir, clock, settings -> media)) {
      usher.servers().addPlex("good-token", null, "abc123", null, null);
      usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "key");
      Fixtures.monthly(usher, "Monthly", "12.50");
      usher.plans().create(Fixtures.plan("Yearly", "100", PlanDuration.months(12)));
      Fixtures.everyLibraryIn(usher, "Standard");
    }
  }

  int usher(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Cli cli = new Cli(option -> new AppContext(dataDir, clock, settings -> media), option -> {});
    int code = cli.execute(new PrintWriter(o), new PrintWriter(e), args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  Path csv(String name, String text) throws Exception {
    return Files.writeString(files.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void anInvalidFileExitsOneWithASummaryLineThenOneLinePerProblem() throws Exception {
    Path file =
        csv(
            "users.csv",
            "Email,Server Name,Plan Name\n"
                + "alice@example.com,Tower,Monthly\n"
                + "bob@example,Towr,Monthly\n"
                + "alice@example.com,Den,Gold\n");

    assertThat(usher("import", file.toString())).isEqualTo(1);

    assertThat(err)
        .isEqualTo(
            "users.csv has 4 problems; nothing was imported.\n"
                + "Line 3: 'bob@example' is not a valid email address.\n"
                + "Line 3: there is no server named 'Towr'. Servers: Den, Tower.\n"
                + "Line 4: alice@example.com is already on line 2.\n"
                + "Line 4: there is no plan named 'Gold'. Plans: Monthly, Yearly.\n");
    assertThat(out).isEmpty();
    assertThat(usher("users")).isZero();
    assertThat(out).isEqualTo("(none)\n");
  }

  @Test
  void aDryRunPrintsWhatEachRowWouldDoAndInvitesNobody() throws Exception {
    Path file =
        csv(
            "users.csv",
            "Email,Server Name,Plan Name,Transaction ID\n"
                + "alice@example.com,Tower,Monthly,t-1\n"
                + "bob@example.com,Tower,Yearly,t-2\n"
                + "carol@example.com,Den,Monthly,t-3\n");

    assertThat(usher("import", file.toString(), "--dry-run")).as(err).isZero();

    assertThat(out)
        .isEqualTo(
            "Line 2: alice@example.com → Tower, plan Monthly, 1 month from 2026-11-22, 12.50 USD,"
                + " txn t-1\n"
                + "Line 3: bob@example.com → Tower, plan Yearly, 12 months from 2026-11-22, 100.00"
                + " USD, txn t-2\n"
                + "Line 4: carol@example.com → Den, plan Monthly, 1 month from 2026-11-22, 12.50"
                + " USD, txn t-3\n"
                + "3 rows would be invited, 2 of them on Plex servers; nothing was imported.\n");
    assertThat(err).startsWith("Inviting many Plex users at once risks a ban from Plex");
    assertThat(usher("users")).isZero();
    assertThat(out).isEqualTo("(none)\n");
  }

  @Test
  void aJsonDryRunListsTheRows() throws Exception {
    Path file =
        csv("one.csv", "email,server name,plan name,amount\nalice@example.com,Den,Monthly,5\n");

    assertThat(usher("--json", "import", file.toString(), "--dry-run")).as(err).isZero();

    JsonNode json = JsonMapper.builder().build().readTree(out);
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("dryRun").asBoolean()).isTrue();
    JsonNode row = json.get("rows").get(0);
    assertThat(row.get("line").asInt()).isEqualTo(2);
    assertThat(row.get("email").asString()).isEqualTo("alice@example.com");
    assertThat(row.get("amount").asString()).isEqualTo("5.00");
    assertThat(row.get("currency").asString()).isEqualTo("USD");
    assertThat(row.get("start").asString()).isEqualTo("2026-11-22T10:00:00Z");
  }

  @Test
  void exampleWritesAFileThatChecksClean() throws Exception {
    Path file = files.resolve("example.csv");

    assertThat(usher("import", "--example", file.toString())).as(err).isZero();

    assertThat(out).isEqualTo("Wrote " + file + ".\n");
    assertThat(Files.readString(file))
        .startsWith(
            "Email,Server Name,Plan Name,Transaction ID,Sequence,Quantity,Amount,Paid At,End"
                + " Date,PayPal Email,Subscription ID,Username\n");
    assertThat(usher("import", file.toString(), "--dry-run")).as(err).isZero();
    assertThat(out)
        .endsWith("3 rows would be invited, 2 of them on Plex servers; nothing was imported.\n");
  }

  @Test
  void noFileIsAMalformedCommandLine() {
    assertThat(usher("import")).isEqualTo(2);
    assertThat(err).startsWith("Missing the CSV file");
  }

  @Test
  void aMissingFileIsRefusedInOneSentence() {
    assertThat(usher("import", files.resolve("nope.csv").toString())).isEqualTo(1);
    assertThat(err).isEqualTo("There is no file " + files.resolve("nope.csv") + ".\n");
  }
}
