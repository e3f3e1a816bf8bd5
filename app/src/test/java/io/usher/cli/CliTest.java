package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands end to end: parsing, the services, a real ledger in a temp data dir, output. */
class CliTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  String out;
  String err;
  String openedWindowOn;

  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Cli cli =
        new Cli(
            option -> new AppContext(option == null ? dataDir : Path.of(option), clock),
            option -> openedWindowOn = option);
    int code = cli.execute(new PrintWriter(o), new PrintWriter(e), args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  int usher(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return run(all);
  }

  JsonNode json(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--json";
    System.arraycopy(args, 0, all, 1, args.length);
    assertThat(usher(all)).as(err).isZero();
    return JSON.readTree(out);
  }

  void basicPlan() {
    assertThat(
            usher(
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
                "2"))
        .as(err)
        .isZero();
  }

  @Test
  void aPlanAUserAndAPaymentMakeTheUserActive() {
    basicPlan();
    assertThat(out).isEqualTo("Created plan Basic (the default plan).\n");
    assertThat(usher("user", "add", "--email", "Bob@Example.com", "--name", "Bob")).isZero();
    assertThat(
            usher(
                "payment", "add", "--email", "bob@example.com", "--plan", "Basic", "--txn", "pi_1"))
        .as(err)
        .isZero();
    JsonNode users = json("users");
    assertThat(users).hasSize(1);
    JsonNode bob = users.get(0);
    assertThat(bob.get("email").asString()).isEqualTo("bob@example.com");
    assertThat(bob.get("status").asString()).isEqualTo("active");
    assertThat(bob.get("plan").asString()).isEqualTo("Basic");
    assertThat(bob.get("expires").asString()).isEqualTo("2026-12-22T10:00:00Z");
    assertThat(bob.get("permanent").asBoolean()).isFalse();
    assertThat(bob.get("mustChangeAccount").asBoolean()).isFalse();
    assertThat(bob.get("servers")).isEmpty();
  }

  @Test
  void listsPrintTablesForPeopleAndJsonForScripts() {
    basicPlan();
    assertThat(usher("plan", "list")).isZero();
    assertThat(out.lines().toList()).hasSize(2);
    assertThat(out).startsWith("NAME").contains("Basic  12.50");
    JsonNode plans = json("plan", "list");
    assertThat(plans.get(0).get("price").asString()).isEqualTo("12.50");
    assertThat(plans.get(0).get("currency").asString()).isEqualTo("USD");
    assertThat(plans.get(0).get("months").asInt()).isEqualTo(1);
    assertThat(plans.get(0).has("days")).isFalse();
    assertThat(plans.get(0).get("groups").get(0).asString()).isEqualTo("Standard");
    assertThat(plans.get(0).get("default").asBoolean()).isTrue();
  }

  @Test
  void paymentsListInTheContractsShape() {
    basicPlan();
    usher("user", "add", "--email", "bob@example.com");
    usher(
        "payment",
        "add",
        "--email",
        "bob@example.com",
        "--plan",
        "Basic",
        "--txn",
        "pi_1",
        "--amount",
        "10",
        "--start",
        "2026-11-01",
        "--sub",
        "sub_9");
    JsonNode p = json("payments", "--user", "BOB@example.com").get(0);
    assertThat(p.get("txn").asString()).isEqualTo("pi_1");
    assertThat(p.get("seq").asInt()).isEqualTo(1);
    assertThat(p.get("amount").asString()).isEqualTo("10.00");
    assertThat(p.get("start").asString()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(p.get("end").asString()).isEqualTo("2026-12-01T00:00:00Z");
    assertThat(p.get("subscriptionId").asString()).isEqualTo("sub_9");
    assertThat(p.get("source").asString()).isEqualTo("manual");
  }

  @Test
  void aSecondDefaultPlanExitsOneWithOneSentenceAndWritesNothing() {
    basicPlan();
    int code =
        usher(
            "plan",
            "add",
            "--name",
            "Gold",
            "--price",
            "20",
            "--currency",
            "USD",
            "--months",
            "1",
            "--groups",
            "Standard",
            "--streams",
            "2",
            "--default");
    assertThat(code).isEqualTo(1);
    assertThat(err.lines().toList())
        .containsExactly(
            "'Basic' is already the default plan: create this one without the default flag, then make it the default by editing it.");
    assertThat(out).isEmpty();
    assertThat(json("plan", "list")).hasSize(1);
  }

  @Test
  void userExtendGivesDaysToSeveralUsersAfterADryRunThatChangesNothing() {
    basicPlan();
    for (String email : new String[] {"ann@example.com", "bob@example.com"}) {
      assertThat(usher("user", "add", "--email", email)).as(err).isZero();
    }
    assertThat(usher("payment", "add", "--email", "ann@example.com", "--plan", "Basic"))
        .as(err)
        .isZero();

    assertThat(
            usher(
                "user", "extend", "ann@example.com", "bob@example.com", "--days", "7", "--dry-run"))
        .as(err)
        .isZero();
    assertThat(out.lines())
        .containsExactly(
            "would: ann@example.com, +7 days of Basic, until 29 December 2026",
            "skipped: bob@example.com, has never paid, so there is no plan to extend");
    assertThat(json("payments")).hasSize(1);

    assertThat(usher("user", "extend", "ann@example.com", "--days", "7")).as(err).isZero();
    assertThat(out).startsWith("done: ann@example.com, +7 days of Basic");
    assertThat(json("payments")).hasSize(2);
    assertThat(usher("user", "extend", "ann@example.com", "--days", "0")).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("Give from 1 to 3650 days, not 0.");
    assertThat(usher("user", "remind", "ann@example.com", "--dry-run")).as(err).isZero();
    assertThat(out.strip())
        .isEqualTo("would: ann@example.com, reminded that access ends on 29 December 2026");
  }

  @Test
  void userDeleteOnlyPreviewsWithoutYesThenDeletesTheUserAndTheirPayments() {
    basicPlan();
    assertThat(usher("user", "add", "--email", "bob@example.com")).as(err).isZero();
    assertThat(usher("payment", "add", "--email", "bob@example.com", "--plan", "Basic"))
        .as(err)
        .isZero();

    assertThat(usher("user", "remove-access", "bob@example.com")).as(err).isZero();
    assertThat(out.strip()).isEqualTo("skipped: bob@example.com, has no access on any server");
    assertThat(usher("user", "delete", "bob@example.com")).isEqualTo(1);
    assertThat(out.strip()).isEqualTo("would: bob@example.com, is deleted with 1 payment ($12.50)");
    assertThat(err.strip()).isEqualTo("Nothing was deleted: add --yes to delete them.");
    assertThat(json("payments")).hasSize(1);

    assertThat(usher("user", "delete", "bob@example.com", "--yes")).as(err).isZero();
    assertThat(out.strip()).isEqualTo("done: bob@example.com, deleted with 1 payment ($12.50)");
    assertThat(json("payments")).isEmpty();
    assertThat(usher("user", "delete", "bob@example.com", "--yes")).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("There is no user with email bob@example.com.");
  }

  @Test
  void planSetMovesTheDefault() {
    basicPlan();
    usher(
        "plan",
        "add",
        "--name",
        "Gold",
        "--price",
        "20",
        "--currency",
        "USD",
        "--days",
        "30",
        "--groups",
        "Standard",
        "--streams",
        "4");
    assertThat(usher("plan", "set", "gold", "--default", "--price", "25")).as(err).isZero();
    JsonNode plans = json("plan", "list");
    assertThat(plans.get(0).get("name").asString()).isEqualTo("Basic");
    assertThat(plans.get(0).get("default").asBoolean()).isFalse();
    assertThat(plans.get(1).get("default").asBoolean()).isTrue();
    assertThat(plans.get(1).get("price").asString()).isEqualTo("25.00");
  }

  @Test
  void badValuesExitOneWithTheSentence() {
    assertThat(
            usher(
                "plan",
                "add",
                "--name",
                "X",
                "--price",
                "-3",
                "--currency",
                "USD",
                "--days",
                "30",
                "--groups",
                "Standard",
                "--streams",
                "1"))
        .isEqualTo(1);
    assertThat(err).isEqualTo("The amount cannot be negative.\n");
    assertThat(
            usher(
                "plan",
                "add",
                "--name",
                "X",
                "--price",
                "3",
                "--currency",
                "USD",
                "--days",
                "0",
                "--groups",
                "Standard",
                "--streams",
                "1"))
        .isEqualTo(1);
    assertThat(err).isEqualTo("The duration must be at least 1 day.\n");
    assertThat(
            usher(
                "plan",
                "add",
                "--name",
                "X",
                "--price",
                "3",
                "--currency",
                "ZZZ",
                "--days",
                "3",
                "--groups",
                "Standard",
                "--streams",
                "1"))
        .isEqualTo(1);
    assertThat(err).isEqualTo("'ZZZ' is not a known currency code.\n");
    assertThat(usher("user", "add", "--email", "not-an-email")).isEqualTo(1);
    assertThat(err).isEqualTo("'not-an-email' is not a valid email address.\n");
    assertThat(json("plan", "list")).isEmpty();
    assertThat(json("users")).isEmpty();
  }

  @Test
  void aDuplicateTransactionExitsOneAndTheLedgerKeepsOneRow() {
    basicPlan();
    usher("user", "add", "--email", "bob@example.com");
    usher("payment", "add", "--email", "bob@example.com", "--plan", "Basic", "--txn", "pi_1");
    assertThat(
            usher(
                "payment", "add", "--email", "bob@example.com", "--plan", "Basic", "--txn", "pi_1"))
        .isEqualTo(1);
    assertThat(err).isEqualTo("Transaction pi_1 (sequence 1) is already in the ledger.\n");
    assertThat(
            usher(
                "payment",
                "add",
                "--email",
                "bob@example.com",
                "--plan",
                "Basic",
                "--txn",
                "pi_2",
                "--start",
                "2026-12-01",
                "--end",
                "2026-11-01"))
        .isEqualTo(1);
    assertThat(err).isEqualTo("The end must be after the start.\n");
    assertThat(json("payments")).hasSize(1);
  }

  @Test
  void paymentEditCorrectsTheRow() {
    basicPlan();
    usher("user", "add", "--email", "bob@example.com");
    usher("payment", "add", "--email", "bob@example.com", "--plan", "Basic", "--txn", "pi_1");
    assertThat(
            usher(
                "payment",
                "edit",
                "--txn",
                "pi_1",
                "--end",
                "2027-03-01T00:00:00Z",
                "--amount",
                "30"))
        .as(err)
        .isZero();
    JsonNode p = json("payments").get(0);
    assertThat(p.get("end").asString()).isEqualTo("2027-03-01T00:00:00Z");
    assertThat(p.get("amount").asString()).isEqualTo("30.00");
  }

  @Test
  void userSetChangesFlagsAndStatusFilterSeesThem() {
    basicPlan();
    usher("user", "add", "--email", "bob@example.com");
    usher("user", "add", "--email", "amy@example.com");
    assertThat(
            usher(
                "user",
                "set",
                "bob@example.com",
                "--permanent",
                "true",
                "--must-change-account",
                "true",
                "--paypal-email",
                "Pay@Example.com"))
        .as(err)
        .isZero();
    JsonNode active = json("users", "--status", "active");
    assertThat(active).hasSize(1);
    assertThat(active.get(0).get("email").asString()).isEqualTo("bob@example.com");
    assertThat(active.get(0).get("mustChangeAccount").asBoolean()).isTrue();
    assertThat(json("users", "--status", "expired").get(0).get("email").asString())
        .isEqualTo("amy@example.com");
  }

  @Test
  void settingsMaskSecretsAndNameKnownKeys() {
    assertThat(usher("settings", "set", "smtp.password", "hunter2-very-secret")).isZero();
    assertThat(out).isEqualTo("smtp.password = ••••cret\n");
    assertThat(usher("settings", "get", "smtp.password")).isZero();
    assertThat(out).isEqualTo("••••cret\n");
    assertThat(usher("settings", "list")).isZero();
    assertThat(out).doesNotContain("hunter2").contains("reminders.days").contains("7,3,1");
    assertThat(usher("settings", "get", "smtp.pass")).isEqualTo(1);
    assertThat(err).startsWith("Unknown setting 'smtp.pass'. Known settings:");
    assertThat(json("settings", "get", "smtp.port").get("value").asString()).isEqualTo("587");
  }

  @Test
  void aPlanRenewsThroughPayPalWithItsPayPalPlanIdAndABadOneIsExplained() {
    basicPlan();

    assertThat(usher("plan", "set", "Basic", "--paypal-plan", "P-5ML4271244454362WXNWU5NQ"))
        .as(err)
        .isZero();
    assertThat(usher("plan", "set", "Basic", "--paypal-plan", "I-BW452GLLEP1G")).isEqualTo(1);
    assertThat(err).contains("A PayPal plan id looks like P-");

    try (AppContext usher = new AppContext(dataDir, clock)) {
      assertThat(usher.plans().list().getFirst().spec().paypalPlanId())
          .isEqualTo("P-5ML4271244454362WXNWU5NQ");
    }
  }

  @Test
  void jsonIsAcceptedAfterTheCommandToo() {
    basicPlan();

    assertThat(usher("plan", "list", "--json")).as(err).isZero();
    JsonNode after = JSON.readTree(out);
    assertThat(after.get(0).get("name").asString()).isEqualTo("Basic");
    assertThat(json("plan", "list")).isEqualTo(after);
  }

  @Test
  void aMalformedCommandLineExitsTwo() {
    assertThat(usher("plan", "frobnicate")).isEqualTo(2);
    assertThat(usher("users", "--status", "sleepy")).isEqualTo(2);
    assertThat(usher("plan", "add", "--name", "X")).isEqualTo(2);
    assertThat(err)
        .as("every missing option in one sentence")
        .contains("Missing required options: '--price', '--currency', '--groups', '--streams'");
    assertThat(usher("plan", "add", "--name", "X", "--price", "5", "--currency", "USD"))
        .isEqualTo(2);
    assertThat(err).contains("Missing required options: '--groups', '--streams'");
    assertThat(usher("payment", "add", "--email", "a@b.co", "--plan", "P", "--start", "yesterday"))
        .isEqualTo(2);
    assertThat(err).contains("'yesterday' is not a date or time");
    assertThat(usher("--no-such-flag")).isEqualTo(2);
  }

  @Test
  void versionAndHelpNeedNoDatabase() {
    assertThat(run("--version")).isZero();
    assertThat(out).startsWith("usher ");
    assertThat(run("--help")).isZero();
    assertThat(out).contains("plan").contains("payments").contains("settings");
    assertThat(dataDir.toFile().list()).isEmpty();
  }

  @Test
  void helpDescribesNestedCommandsAndEveryCommandTakesHelp() {
    assertThat(run("help", "payment", "add")).isZero();
    assertThat(out).startsWith("Usage: usher payment add").contains("--email=E");
    assertThat(run("discount", "add", "--help")).isZero();
    assertThat(out).startsWith("Usage: usher discount add").contains("--percent=N");
    assertThat(run("help", "payment", "nope")).isEqualTo(2);
    assertThat(err).contains("Unknown command: 'usher payment nope'");
    assertThat(err).contains("The commands of 'usher payment' are: add, edit");
    assertThat(run("help", "nope")).isEqualTo(2);
    assertThat(err)
        .contains("The commands of 'usher' are: plan, discount")
        .doesNotContain("--help");
    assertThat(dataDir.toFile().list()).isEmpty();
  }

  @Test
  void noCommandOpensTheWindowOnTheChosenDataDir() {
    assertThat(run("--data-dir", "/tmp/somewhere")).isEqualTo(Cli.WINDOW_OPENED);
    assertThat(openedWindowOn).isEqualTo("/tmp/somewhere");
  }

  @Test
  void aWindowThatCannotOpenExitsOneWithItsReason() {
    Cli cli =
        new Cli(
            option -> new AppContext(dataDir, clock),
            option -> {
              throw new io.usher.domain.common.UsherException(
                  "Usher is already running on this data (pid 42).");
            });
    StringWriter e = new StringWriter();
    int code = cli.execute(new PrintWriter(new StringWriter()), new PrintWriter(e));

    assertThat(code).isEqualTo(1);
    assertThat(e.toString().strip()).isEqualTo("Usher is already running on this data (pid 42).");
  }

  @Test
  void aCommandLineThatNamesACommandBuildsOnlyThatOneAndHelpOrAMistakeBuildsAll() {
    assertThat(Cli.commandsFor("--data-dir", "/d", "--json", "plan", "list"))
        .containsExactly("plan");
    assertThat(Cli.commandsFor("--data-dir=/d", "users")).containsExactly("users");
    assertThat(Cli.commandsFor("--data-dir", "/d")).isEmpty();
    assertThat(Cli.commandsFor("help", "plan")).containsAll(RootCommand.COMMANDS.keySet());
    assertThat(Cli.commandsFor("--help")).containsAll(RootCommand.COMMANDS.keySet());
    assertThat(Cli.commandsFor("plna", "list")).containsAll(RootCommand.COMMANDS.keySet());
    // --data-dir takes the next word as its value, even one that is also a command's name.
    assertThat(Cli.commandsFor("--data-dir", "plan", "users")).containsExactly("users");
  }

  @Test
  void everyListedCommandCarriesTheNameItIsListedUnder() {
    RootCommand.COMMANDS.forEach(
        (name, type) ->
            assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name())
                .isEqualTo(name));
  }

  @Test
  void aMisspelledCommandIsAnsweredWithTheCommandsThatExist() {
    assertThat(usher("plna", "list")).isEqualTo(2);
    assertThat(err).contains("'plna'").contains("Did you mean: plan");
  }

  @Test
  void aCommandNamedAloneStillHonoursTheSharedConvertersAndCaseRules() {
    assertThat(usher("plan", "list", "--help")).isZero();
    assertThat(out).startsWith("Usage: usher plan list");
    assertThat(usher("user", "extend", "someone", "--days", "١")).isEqualTo(2);
    assertThat(err).contains("'١' is not a whole number");
    assertThat(usher("users", "--status", "ACTIVE")).isZero();
  }
}
