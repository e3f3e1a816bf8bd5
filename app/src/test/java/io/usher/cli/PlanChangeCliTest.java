package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** usher plan change E --plan P [--dry-run] as the contract words it, on a real ledger. */
class PlanChangeCliTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String ARITHMETIC =
      "30.00 USD for 30 days, 5 days unused → 5.00 USD credit → 10 days on Basic (15.00 USD per"
          + " 1 month)";

  @TempDir Path dataDir;
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

  void ok(String... args) {
    assertThat(usher(args)).as(err).isZero();
  }

  @BeforeEach
  void ledger() {
    for (String[] plan :
        new String[][] {
          {"Premium", "30.00", "--days", "30"}, {"Basic", "15.00", "--months", "1"}
        }) {
      ok(
          "plan",
          "add",
          "--name",
          plan[0],
          "--price",
          plan[1],
          "--currency",
          "USD",
          plan[2],
          plan[3],
          "--groups",
          "Standard",
          "--streams",
          "1");
    }
    ok("user", "add", "--email", "ann@example.com");
    ok(
        "payment",
        "add",
        "--email",
        "ann@example.com",
        "--plan",
        "Premium",
        "--txn",
        "pi_1",
        "--start",
        "2026-10-28T10:00:00Z");
  }

  @Test
  void aDryRunPrintsTheArithmeticAndTheChangeAppliesIt() {
    ok("plan", "change", "ann@example.com", "--plan", "Basic", "--dry-run");
    assertThat(out)
        .startsWith(
            ARITHMETIC
                + ". Dry run, nothing changed: ann@example.com would move from Premium to Basic"
                + " until 2026-12-02T10:00:00Z.\n");
    ok("--json", "payments");
    assertThat(out).doesNotContain("credit-pi_1");

    ok("plan", "change", "ann@example.com", "--plan", "Basic");
    assertThat(out)
        .startsWith(
            ARITHMETIC
                + ". ann@example.com moved from Premium to Basic until 2026-12-02T10:00:00Z.\n");
    ok("payments");
    assertThat(out).contains("credit-pi_1").contains("credit");
    ok("users");
    assertThat(out).contains("Basic");
  }

  @Test
  void jsonGivesTheFields() {
    ok("--json", "plan", "change", "ann@example.com", "--plan", "Basic", "--dry-run");

    assertThat(out)
        .contains("\"ok\":true")
        .contains("\"dryRun\":true")
        .contains("\"from\":\"Premium\"")
        .contains("\"to\":\"Basic\"")
        .contains("\"paid\":\"30.00\"")
        .contains("\"currency\":\"USD\"")
        .contains("\"unusedSeconds\":432000")
        .contains("\"credit\":\"5.00\"")
        .contains("\"creditTxn\":\"credit-pi_1\"")
        .contains("\"creditEnd\":\"2026-12-02T10:00:00Z\"");
  }

  @Test
  void aRefusalIsOneSentenceAndExitOne() {
    assertThat(usher("plan", "change", "ann@example.com", "--plan", "Premium")).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("ann@example.com is already on Premium.");
    assertThat(usher("plan", "change", "bob@example.com", "--plan", "Basic")).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("There is no user with email bob@example.com.");
    assertThat(usher("plan", "change", "ann@example.com")).isEqualTo(2);
    assertThat(err).contains("--plan");
  }
}
