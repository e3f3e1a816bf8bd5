package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** usher unmatched, assign and dismiss, as the contract names them, on a real ledger. */
class UnmatchedCliTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

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

  /** Two strangers paid through Stripe; Ann is a customer without a payment yet. */
  @BeforeEach
  void strangersPaid() {
    try (AppContext usher = new AppContext(dataDir, clock)) {
      Fixtures.monthly(usher, "Monthly", "10");
      usher.users().create(UserSpec.withEmail("ann@example.com"));
      Money ten = new Money(1000, Money.currency("USD"));
      for (String txn : new String[] {"pi_a", "in_b"}) {
        usher
            .webhooks()
            .apply(
                new PaymentEvent(
                    "evt_" + txn,
                    PaymentEvent.Kind.PAID,
                    txn,
                    null,
                    txn + "@payer.example",
                    txn.startsWith("in_") ? "sub_b" : null,
                    ten,
                    NOW));
      }
    }
  }

  @Test
  void theOwnerListsAssignsAndDismissesWhatMatchedNoUser() throws Exception {
    assertThat(usher("--json", "unmatched")).as(err).isZero();
    JsonNode rows = JsonMapper.builder().build().readTree(out);
    assertThat(rows).hasSize(2);
    JsonNode first = rows.get(0);
    assertThat(first.get("provider").asString()).isEqualTo("stripe");
    assertThat(first.get("txn").asString()).isEqualTo("pi_a");
    assertThat(first.get("payerEmail").asString()).isEqualTo("pi_a@payer.example");
    assertThat(first.get("amount").asString()).isEqualTo("10.00");
    assertThat(first.get("currency").asString()).isEqualTo("USD");
    assertThat(first.get("paidAt").asString()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(rows.get(1).get("subscriptionId").asString()).isEqualTo("sub_b");
    String a = first.get("id").asString();
    String b = rows.get(1).get("id").asString();

    assertThat(usher("unmatched", "assign", a, "--email", "ann@example.com")).isEqualTo(1);
    assertThat(err).contains("has no plan yet");
    assertThat(
            usher(
                "unmatched",
                "assign",
                a,
                "--email",
                "ann@example.com",
                "--plan",
                "Monthly",
                "--remember"))
        .as(err)
        .isZero();
    assertThat(out).startsWith("Recorded pi_a for ann@example.com (Monthly, 10.00 USD)");
    assertThat(usher("unmatched", "dismiss", b)).isEqualTo(2);
    assertThat(usher("unmatched", "dismiss", b, "--reason", "Another shop's customer"))
        .as(err)
        .isZero();
    assertThat(out).isEqualTo("Dismissed in_b: Another shop's customer.\n");

    assertThat(usher("--json", "unmatched")).isZero();
    assertThat(out.strip()).isEqualTo("[]");
    assertThat(usher("--json", "payments")).isZero();
    assertThat(out).contains("\"txn\":\"pi_a\"").doesNotContain("in_b");
    assertThat(usher("--json", "users")).isZero();
    assertThat(out).doesNotContain("\"email\":\"pi_a@payer.example\"").contains("ann@example.com");
    assertThat(usher("unmatched", "dismiss", a, "--reason", "late")).isEqualTo(1);
    assertThat(err).contains("already assigned");
  }
}
