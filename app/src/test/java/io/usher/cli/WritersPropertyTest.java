package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.Usher;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.media.ServerKind;
import io.usher.domain.settings.SettingDefaults;
import io.usher.domain.settings.SettingKey;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Issue 11 §2, as a property: whatever values reach the commands that write, each command is either
 * refused (exit 1 with one sentence, or exit 2) and the ledger is as it was, or accepted and every
 * list and job still runs. Each property works on one ledger, changed by the commands it accepts.
 */
class WritersPropertyTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String[][] READS = {
    {"users"},
    {"payments"},
    {"unmatched"},
    {"plan", "list"},
    {"template", "list"},
    {"jobs", "run", "expire", "--dry-run"},
    {"jobs", "run", "remind", "--dry-run"}
  };

  Path dataDir;
  AppContext context;
  final FakeMediaServers media = new FakeMediaServers();
  String out;
  String err;
  int customers;

  @BeforeProperty
  void aLedgerWithAPlanAUserAPaymentAndACode() throws IOException {
    dataDir = Files.createTempDirectory("usher-property");
    context = new AppContext(dataDir, new MutableClock(NOW), settings -> media);
    media.server("http://den:8096").library("f1", "Movies");
    context.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "key");
    context.servers().libraries("Den").forEach(l -> context.servers().setGroup(l.id(), "Standard"));
    ok(
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
    ok("user", "add", "--email", "bob@example.com");
    ok("payment", "add", "--email", "bob@example.com", "--plan", "Basic", "--txn", "pi_1");
    ok("discount", "add", "WELCOME", "--percent", "10");
    context
        .webhooks()
        .apply(
            new io.usher.domain.payments.PaymentEvent(
                "evt_stranger",
                io.usher.domain.payments.PaymentEvent.Kind.PAID,
                "pi_stranger",
                null,
                "stranger@example.com",
                "sub_stranger",
                io.usher.domain.money.Money.parse(
                    "12.50", io.usher.domain.money.Money.currency("USD")),
                NOW));
  }

  @AfterProperty
  void removeTheLedger() throws IOException {
    context.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 80)
  void paymentsAndInvites(@ForAll("paymentCommands") List<String> command) {
    refusedOrReadable(command);
  }

  @Property(tries = 100)
  void usersPlansAndCodes(@ForAll("catalogueCommands") List<String> command) {
    refusedOrReadable(command);
  }

  @Property(tries = 60)
  void settings(@ForAll("settingCommands") List<String> command) {
    refusedOrReadable(command);
    // What was accepted is what the code reading it needs, checked here without Usher's rules.
    for (String port : List.of("checkout.port", "smtp.port")) {
      assertThat(Integer.parseInt(context.settings().value(port))).isBetween(1, 65_535);
    }
    assertThat(Integer.parseInt(context.settings().value("stripe.poll-seconds"))).isPositive();
    for (String url : List.of("checkout.public-url", "plex.tv-url", "stripe.api-url")) {
      String value = context.settings().value(url);
      if (!value.isEmpty()) {
        assertThat(URI.create(value).getPort()).isBetween(-1, 65_535);
        assertThat(URI.create(value).getHost()).isNotNull();
      }
    }
  }

  @Property(tries = 40)
  void aFileThatPassesTheDryRunImportsCompletely(@ForAll("importRows") Map<String, String> row)
      throws IOException {
    // A new customer each time: the dry run cannot know a customer's expiry, which a renewal in the
    // file extends (see the report of issue 11).
    row.put("Email", "customer" + ++customers + "@example.com");
    Path file = dataDir.resolve("users.csv");
    Files.writeString(file, csv(row), StandardCharsets.UTF_8);
    String before = ledger();
    int dryRun = usher("import", file.toString(), "--dry-run");
    assertThat(err).doesNotContain("unexpected error");
    assertThat(ledger()).isEqualTo(before);
    if (dryRun == 0) {
      assertThat(usher("import", file.toString())).as(err).isZero();
      assertThat(ledger()).isNotEqualTo(before);
      everyListAndJobRuns();
    } else {
      assertThat(dryRun).isEqualTo(1);
    }
  }

  void refusedOrReadable(List<String> command) {
    String before = ledger();
    int code = usher(command.toArray(String[]::new));
    assertThat(err).as(String.join(" ", command)).doesNotContain("unexpected error");
    if (code == 0) {
      everyListAndJobRuns();
    } else {
      assertThat(code).as(err).isIn(1, 2);
      assertThat(ledger()).as(err).isEqualTo(before);
    }
  }

  /**
   * Everything a command could have written, read through the services the lists use (reading it
   * through the command line each time would make the tries too slow), and the shares on Den.
   */
  String ledger() {
    return List.of(
            context.queries().users(),
            context.queries().payments(PaymentFilter.ALL),
            context.plans().list(),
            context.discounts().list(),
            context.settings().list(),
            context.servers().groups(),
            context.servers().locations(),
            context.mail().templates(),
            media.server("http://den:8096").shared)
        .toString();
  }

  void everyListAndJobRuns() {
    for (String[] read : READS) {
      assertThat(usher(read)).as(String.join(" ", read) + ": " + err).isZero();
    }
  }

  void ok(String... args) {
    assertThat(usher(args)).as(err).isZero();
  }

  int usher(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Usher kept = OpenLedger.keptOpen(context);
    int code =
        new Cli(option -> kept, option -> {}).execute(new PrintWriter(o), new PrintWriter(e), args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  static String csv(Map<String, String> row) {
    StringBuilder text = new StringBuilder(String.join(",", row.keySet())).append('\n');
    text.append(String.join(",", row.values().stream().map(WritersPropertyTest::quoted).toList()));
    return text.append('\n').toString();
  }

  static String quoted(String cell) {
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  @Provide
  Arbitrary<List<String>> paymentCommands() {
    return Arbitraries.oneOf(
        Adversarial.command(
            List.of("payment", "add", "--email", "bob@example.com", "--plan", "Basic"),
            List.of("--amount", "--txn", "--seq", "--sub", "--start", "--end", "--notes")),
        Adversarial.command(
            List.of("payment", "edit", "--txn", "pi_1"),
            List.of("--seq", "--start", "--end", "--amount", "--plan", "--sub", "--notes")),
        Adversarial.command(
            List.of("unmatched", "assign", "1", "--email", "bob@example.com"),
            List.of("--plan", "--remember!")),
        Adversarial.command(List.of("unmatched", "dismiss", "1"), List.of("--reason")),
        Adversarial.command(
            List.of("user", "extend", "bob@example.com"), List.of("--days", "--dry-run!")),
        Adversarial.values()
            .flatMap(
                who -> Adversarial.command(List.of("user", "remind", who), List.of("--dry-run!"))),
        Adversarial.values()
            .flatMap(
                who ->
                    Adversarial.command(
                        List.of("user", "remove-access", who), List.of("--dry-run!"))),
        Adversarial.values()
            .flatMap(
                who ->
                    Adversarial.command(
                        List.of("user", "restore-access", who), List.of("--dry-run!"))),
        Adversarial.values()
            .flatMap(
                who -> Adversarial.command(List.of("user", "delete", who), List.of("--dry-run!"))),
        Adversarial.values()
            .flatMap(
                plan ->
                    Adversarial.command(
                        List.of("plan", "change", "bob@example.com", "--plan", plan),
                        List.of("--dry-run!"))),
        Adversarial.values()
            .flatMap(
                email ->
                    Adversarial.command(
                        List.of("plan", "change", email, "--plan", "Basic"),
                        List.of("--dry-run!"))),
        Adversarial.command(
            List.of("invite", "--email", "new@example.com", "--plan", "Basic", "--server", "Den"),
            List.of(
                "--username",
                "--txn",
                "--seq",
                "--sub",
                "--amount",
                "--paid-at",
                "--paypal-email",
                "--location")));
  }

  @Provide
  Arbitrary<List<String>> catalogueCommands() {
    return Arbitraries.oneOf(
        Adversarial.command(
            List.of("user", "add", "--email", "amy@example.com"),
            List.of("--name", "--permanent!")),
        Adversarial.values()
            .flatMap(
                email ->
                    Adversarial.command(
                        List.of("user", "add", "--email", email), List.of("--name"))),
        Adversarial.command(
            List.of("user", "set", "bob@example.com"),
            List.of(
                "--email",
                "--name",
                "--permanent",
                "--must-change-account",
                "--paypal-email",
                "--discord-id",
                "--discord-name",
                "--notes")),
        // Issue 13 §7: a user is named by email, #ID / id:ID or name wherever one is taken.
        users()
            .flatMap(
                user ->
                    Adversarial.command(
                        List.of("user", "set", user),
                        List.of("--name", "--notes", "--discord-name", "--permanent"))),
        users()
            .flatMap(
                user ->
                    Adversarial.command(
                        List.of("payment", "add", "--email", user, "--plan", "Basic"),
                        List.of("--amount", "--notes"))),
        events()
            .flatMap(
                event ->
                    Adversarial.command(
                        List.of("template", "set", event),
                        List.of("--subject", "--body", "--body-file"))),
        events().map(event -> List.of("template", "reset", event)),
        Adversarial.command(
            List.of("plan", "set", "Basic"),
            List.of(
                "--name",
                "--price",
                "--currency",
                "--days",
                "--months",
                "--groups",
                "--streams",
                "--hidden",
                "--downloads",
                "--transcode",
                "--devices",
                "--subs",
                "--stripe-price")),
        Adversarial.values()
            .flatMap(
                name ->
                    Adversarial.command(
                        List.of(
                            "plan",
                            "add",
                            "--name",
                            name,
                            "--price",
                            "5",
                            "--currency",
                            "USD",
                            "--groups",
                            "Standard",
                            "--streams",
                            "1"),
                        List.of(
                            "--days",
                            "--months",
                            "--devices",
                            "--subs",
                            "--stripe-price",
                            "--trial!"))),
        Adversarial.values()
            .flatMap(
                code ->
                    Adversarial.command(
                        List.of("discount", "add", code),
                        List.of(
                            "--percent",
                            "--amount",
                            "--currency",
                            "--expires",
                            "--max-uses",
                            "--email"))),
        Adversarial.command(
            List.of("discount", "set", "WELCOME"),
            List.of("--percent", "--amount", "--currency", "--expires", "--max-uses", "--email")),
        Adversarial.values().map(name -> List.of("group", "add", name)),
        Adversarial.values().map(name -> List.of("location", "add", name)));
  }

  /** What a person may type for a user: an email, an id either way, a name, or worse. */
  static Arbitrary<String> users() {
    return Arbitraries.oneOf(
        Adversarial.values(),
        Arbitraries.of(
            "#1", "id:1", "ID:1", "#2", "#0", "#", "id:", "#-1", "bob", "BOB@example.com"));
  }

  /** A mail's code, in any case, or worse. */
  static Arbitrary<String> events() {
    return Arbitraries.oneOf(
        Adversarial.values(),
        Arbitraries.of(io.usher.domain.notify.MailEvent.values())
            .map(io.usher.domain.notify.MailEvent::code),
        Arbitraries.of("WELCOME-PLEX", "Expired", "welcome_plex", "account-link"));
  }

  @Provide
  Arbitrary<List<String>> settingCommands() {
    // Mostly the keys whose value code reads as more than text.
    Arbitrary<String> keys =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.of(SettingDefaults.ALL).map(SettingKey::key)),
            Tuple.of(
                3,
                Arbitraries.of(
                    "checkout.port",
                    "smtp.port",
                    "stripe.poll-seconds",
                    "reminders.days",
                    "expiry.grace-days",
                    "checkout.public-url",
                    "plex.tv-url",
                    "checkout.bind")));
    Arbitrary<String> settingValues =
        Arbitraries.oneOf(
            Adversarial.values(),
            Arbitraries.integers().between(-10, 200_000).map(String::valueOf),
            Arbitraries.integers().between(0, 200_000).map(p -> "https://shop.example.com:" + p));
    return Combinators.combine(keys, settingValues)
        .as((key, value) -> List.of("--json", "settings", "set", key, value));
  }

  @Provide
  Arbitrary<Map<String, String>> importRows() {
    List<String> optional =
        List.of(
            "Transaction ID",
            "Sequence",
            "Quantity",
            "Amount",
            "Paid At",
            "End Date",
            "PayPal Email",
            "Subscription ID",
            "Username");
    return Combinators.combine(
            Arbitraries.of(optional).set().ofMaxSize(4), Adversarial.cells().list().ofSize(4))
        .as(
            (columns, picked) -> {
              Map<String, String> row = new LinkedHashMap<>();
              row.put("Email", "");
              row.put("Server Name", "Den");
              row.put("Plan Name", "Basic");
              int i = 0;
              for (String column : columns) {
                row.put(column, picked.get(i++));
              }
              return row;
            });
  }
}
