package io.usher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.Database;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.PaymentSpec;
import io.usher.domain.ledger.Period;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PayerMatching;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.store.JooqPayerDirectory;
import io.usher.store.JooqPaymentStore;
import io.usher.store.JooqPlanStore;
import io.usher.store.JooqUserStore;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's figure: matching 10,000 incoming payments against 50,000 users (target ≤ 500 ms),
 * reading the ledger's emails, PayPal emails and subscriptions once, then deciding each payment. A
 * quarter of the payments renew a subscription, a quarter come from a PayPal email, a quarter from
 * the user's own email and a quarter from strangers.
 */
class MatchingBench {
  static final int USERS = 50_000;
  static final int PAYMENTS = 10_000;
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;

  @Test
  void tenThousandPaymentsAgainstFiftyThousandUsers() {
    MutableClock clock = new MutableClock(NOW);
    try (Database db = Database.open(dataDir)) {
      JooqUserStore users = new JooqUserStore(db.dsl(), clock);
      List<UserSpec> specs = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        specs.add(
            new UserSpec(
                "user" + i + "@example.com",
                null,
                false,
                false,
                i % 2 == 0 ? "pays" + i + "@paypal.example" : null,
                null,
                null,
                null));
      }
      List<User> stored = users.insertAll(specs);
      long plan =
          new JooqPlanStore(db.dsl(), clock)
              .insert(Fixtures.plan("Monthly", "10", PlanDuration.months(1)))
              .id();
      List<PaymentSpec> payments = new ArrayList<>();
      for (int i = 0; i < USERS; i += 5) {
        payments.add(
            new PaymentSpec(
                stored.get(i).id(),
                plan,
                new Money(1000, Money.currency("USD")),
                Period.checked(NOW, NOW.plusSeconds(86_400 * 30)),
                new TxnRef("pi_" + i, 1),
                "I-SUB" + i,
                PaymentSource.PAYPAL,
                null));
      }
      new JooqPaymentStore(db.dsl(), clock).insertAll(payments);

      Random random = new Random(12);
      List<PayerMatching.Payer> incoming = new ArrayList<>();
      for (int i = 0; i < PAYMENTS; i++) {
        int u = random.nextInt(USERS / 10) * 10;
        incoming.add(
            switch (i % 4) {
              case 0 -> new PayerMatching.Payer(null, "I-SUB" + u, "billing@corp.example");
              case 1 -> new PayerMatching.Payer(null, null, "pays" + u + "@paypal.example");
              case 2 -> new PayerMatching.Payer(null, null, "user" + u + "@example.com");
              default -> new PayerMatching.Payer(null, null, "stranger" + i + "@example.com");
            });
      }
      JooqPayerDirectory directory = new JooqPayerDirectory(db.dsl());

      int[] unmatched = new int[1];
      for (int round = 0; round < 7; round++) {
        long start = System.nanoTime();
        PayerMatching.Snapshot snapshot = directory.snapshot();
        long read = System.nanoTime();
        unmatched[0] = 0;
        for (PayerMatching.Payer p : incoming) {
          if (PayerMatching.match(p, snapshot) instanceof PayerMatching.Unmatched) {
            unmatched[0]++;
          }
        }
        long done = System.nanoTime();
        System.out.printf(
            "BENCH match 10,000 payments vs 50,000 users (round %d)   read %6.1f ms, match %6.1f"
                + " ms, total %6.1f ms%n",
            round, (read - start) / 1e6, (done - read) / 1e6, (done - start) / 1e6);
      }
      assertThat(unmatched[0]).isEqualTo(PAYMENTS / 4);
    }
  }
}
