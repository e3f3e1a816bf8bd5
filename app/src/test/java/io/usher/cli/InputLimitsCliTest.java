package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §2: a value the ledger cannot hold, or that makes no sense, is refused at the command
 * line with one sentence naming the field, and nothing accepted breaks a later list or job.
 */
class InputLimitsCliTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String LONG = "x".repeat(10_000);

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  String out;
  String err;

  AppContext context;

  int usher(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Cli cli = new Cli(option -> OpenLedger.keptOpen(context), option -> {});
    int code = cli.execute(new PrintWriter(o), new PrintWriter(e), args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  @BeforeEach
  void aPlanAndAUser() {
    context = new AppContext(dataDir, clock);
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
    assertThat(usher("user", "add", "--email", "bob@example.com")).as(err).isZero();
  }

  @AfterEach
  void close() {
    context.close();
  }

  /** Refused with exit 1 and exactly this sentence, and every list and job still runs. */
  void refused(String sentence, String... args) {
    String before = ledger();
    assertThat(usher(args)).as(err).isEqualTo(1);
    assertThat(err).isEqualTo(sentence + "\n");
    assertThat(ledger()).isEqualTo(before);
  }

  /** What the lists print, after checking that each of them and each job's dry run still runs. */
  String ledger() {
    StringBuilder all = new StringBuilder();
    for (String[] read :
        new String[][] {
          {"--json", "users"},
          {"--json", "payments"},
          {"--json", "plan", "list"},
          {"--json", "discount", "list"},
          {"--json", "settings", "list"},
          {"jobs", "run", "expire", "--dry-run"},
          {"jobs", "run", "remind", "--dry-run"}
        }) {
      assertThat(usher(read)).as(String.join(" ", read) + ": " + err).isZero();
      if (!read[0].equals("jobs")) {
        all.append(out);
      }
    }
    return all.toString();
  }

  String[] payment(String... more) {
    String[] base = {"payment", "add", "--email", "bob@example.com", "--plan", "Basic"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void farInstantsAreRefusedAndTheUserCanStillPay() {
    refused(
        "The start -999999999-01-01 is out of range: use a date in the years 2000 to 2199.",
        payment("--start", "-999999999-01-01T00:00:00Z"));
    refused(
        "The start +1000000000-01-01 is out of range: use a date in the years 2000 to 2199.",
        payment("--start", "+1000000000-01-01T00:00:00Z"));
    refused(
        "The end 9999-12-31 is out of range: use a date in the years 2000 to 2199.",
        payment("--end", "9999-12-31"));
    refused(
        "The start 1999-12-31 is out of range: use a date in the years 2000 to 2199.",
        payment("--start", "1999-12-31T23:59:59Z"));
    refused(
        "The end 2200-01-15 is out of range: use a date in the years 2000 to 2199.",
        payment("--start", "2199-12-15"));

    assertThat(usher(payment("--start", "2000-01-01", "--end", "2000-02-01"))).as(err).isZero();
    assertThat(usher(payment())).as(err).isZero();
    ledger();
  }

  @Test
  void textLongerThanItsColumnIsRefusedWithASentence() {
    refused("The notes can be at most 4000 characters long.", payment("--notes", LONG));
    refused("The subscription id can be at most 255 characters long.", payment("--sub", LONG));
    refused("The transaction id is too long (at most 255 characters).", payment("--txn", LONG));
  }

  @Test
  void anAmountIsAsciiDigitsAndAnEmptyOneIsNotTheDefault() {
    refused("Enter an amount, for example 12.50.", payment("--amount", ""));
    refused("Enter an amount, for example 12.50.", payment("--amount", "  "));
    refused("'١٢' is not an amount: write it like 12.50.", payment("--amount", "١٢"));
    refused("'1e3' is not an amount: write it like 12.50.", payment("--amount", "1e3"));
    refused(
        "The transaction id is empty: give one, or leave it out for the default.",
        payment("--txn", ""));
  }

  @Test
  void anEditIsHeldToTheSameRules() {
    assertThat(usher(payment("--txn", "pi_1"))).as(err).isZero();
    refused(
        "The end 9999-12-31 is out of range: use a date in the years 2000 to 2199.",
        "payment",
        "edit",
        "--txn",
        "pi_1",
        "--end",
        "9999-12-31");
    refused(
        "The start -999999999-01-01 is out of range: use a date in the years 2000 to 2199.",
        "payment",
        "edit",
        "--txn",
        "pi_1",
        "--start",
        "-999999999-01-01T00:00:00Z");
    refused(
        "Enter an amount, for example 12.50.", "payment", "edit", "--txn", "pi_1", "--amount", "");
    refused(
        "The plan is empty: give one, or leave it out for the default.",
        "payment",
        "edit",
        "--txn",
        "pi_1",
        "--plan",
        "");
  }

  @Test
  void usersPlansAndCodesKeepToTheirColumnsAndSaneNumbers() {
    refused(
        "The name is too long: keep it under 200 characters.",
        "user",
        "add",
        "--email",
        "amy@example.com",
        "--name",
        LONG);
    refused(
        "'" + "a".repeat(400) + "@example.com' is not a valid email address.",
        "user",
        "set",
        "bob@example.com",
        "--email",
        "a".repeat(400) + "@example.com");
    refused(
        "A plan lasts at most 36500 days (100 years).",
        "plan",
        "set",
        "Basic",
        "--days",
        "99999999");
    refused(
        "'١' is not a whole number: enter the number of streams.",
        "plan",
        "set",
        "Basic",
        "--streams",
        "١");
    refused(
        "The Stripe price id can be at most 200 characters long.",
        "plan",
        "set",
        "Basic",
        "--stripe-price",
        "price_" + LONG);
    refused("'١٢' is not an amount: write it like 12.50.", "plan", "set", "Basic", "--price", "١٢");
    refused(
        "The expiry date 9999-12-31 is out of range: use a date in the years 2000 to 2199.",
        "discount",
        "add",
        "SPRING",
        "--percent",
        "20",
        "--expires",
        "9999-12-31");
  }

  @Test
  void unicodeDigitsInANumericOptionAreAMalformedCommandLine() {
    String before = ledger();
    assertThat(usher(payment("--seq", "١"))).isEqualTo(2);
    assertThat(err).contains("'١' is not a whole number");
    assertThat(ledger()).isEqualTo(before);
  }

  @Test
  void settingsAreCheckedByTypeWhenSet() {
    refused(
        "checkout.port takes a whole number from 1 to 65535, not '99999'.",
        "settings",
        "set",
        "checkout.port",
        "99999");
    refused(
        "smtp.port takes a whole number from 1 to 65535, not '0'.",
        "settings",
        "set",
        "smtp.port",
        "0");
    refused(
        "stripe.poll-seconds takes a whole number from 1 to 86400, not '0'.",
        "settings",
        "set",
        "stripe.poll-seconds",
        "0");
    refused(
        "reminders.days takes a whole number from 0 to 365, not '99999'.",
        "settings",
        "set",
        "reminders.days",
        "7,99999");
    refused(
        "checkout.bind is an IP address or host name, like 127.0.0.1 or 0.0.0.0.",
        "settings",
        "set",
        "checkout.bind",
        "not a host");
    refused(
        "checkout.public-url must be an http:// or https:// address.",
        "settings",
        "set",
        "checkout.public-url",
        "https://shop.example.com:70000");
    refused(
        "The value of smtp.host can be at most 4000 characters long.",
        "settings",
        "set",
        "smtp.host",
        LONG);
    assertThat(usher("settings", "set", "checkout.port", "65535")).as(err).isZero();
  }
}
