package io.usher.application.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.application.jobs.JobResult;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePayPal;
import io.usher.testing.FakePayPal.Txn;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payments job reading PayPal back by time, through the real adapter, against a fake that
 * answers in PayPal's wire shapes: who each payment lands on, the 3-hour overlap, a second account,
 * and a refusal that changes nothing.
 */
class PayPalSyncTest {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path dataDir;
  @StartStop final MockWebServer server = new MockWebServer();
  final FakePayPal paypal = new FakePayPal(server);
  final MutableClock clock = new MutableClock(NOW);
  AppContext usher;

  @BeforeEach
  void open() {
    usher =
        new AppContext(dataDir, clock, s -> new FakeMediaServers(), s -> new FakePaymentProvider());
    Fixtures.monthly(usher, "Monthly", "10");
    usher
        .users()
        .create(
            new UserSpec(
                "ann@example.com",
                null,
                false,
                false,
                "ann.pays@paypal.example",
                null,
                null,
                null));
    usher.users().create(UserSpec.withEmail("bob@example.com"));
    usher.settings().set("paypal.api-url", paypal.url());
    usher.settings().set("paypal.client-id", FakePayPal.CLIENT_ID);
    usher.settings().set("paypal.secret", FakePayPal.SECRET);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  List<String> txnsOf(String email) {
    return usher.payments().forUser(usher.users().byEmail(email).id()).stream()
        .map(p -> p.ref().txnId())
        .toList();
  }

  @Test
  void paymentsLandOnTheirUsersOrWaitAndAReadAgainNeverDoublesThem() {
    paypal.add(
        Txn.paid("1AB00001", NOW.minus(Duration.ofDays(3)), "10.00")
            .email("ann.pays@paypal.example"));
    paypal.add(
        Txn.paid("1AB00002", NOW.minus(Duration.ofDays(2)), "10.00").email("bob@example.com"));
    paypal.add(
        Txn.paid("1AB00003", NOW.minus(Duration.ofDays(1)), "10.00").email("who@else.example"));
    paypal.add(
        Txn.paid("1AB00004", NOW.minus(Duration.ofHours(5)), "-10.00").email("bob@example.com"));

    JobResult first = usher.jobs().run("payments", false);

    assertThat(first.summary())
        .contains("Stripe is not set up.")
        .contains("PayPal: 3 payment(s) read, 2 recorded, 1 waiting among the unmatched payments.");
    assertThat(txnsOf("ann@example.com")).containsExactly("1AB00001");
    assertThat(txnsOf("bob@example.com")).containsExactly("1AB00002");
    assertThat(usher.queries().payments(PaymentFilter.ALL))
        .allSatisfy(p -> assertThat(p.source().code()).isEqualTo("paypal"));
    assertThat(usher.unmatched().waiting())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.txn()).isEqualTo("1AB00003");
              assertThat(u.provider().code()).isEqualTo("paypal");
              assertThat(u.payerEmail()).isEqualTo("who@else.example");
            });

    // An hour later: a payment PayPal lists late (inside the 3-hour overlap) and a new one.
    clock.advance(Duration.ofHours(1));
    paypal.add(
        Txn.paid("1AB00005", NOW.minus(Duration.ofHours(2)), "10.00").email("bob@example.com"));
    paypal.add(
        Txn.paid("1AB00006", NOW.plus(Duration.ofMinutes(30)), "10.00")
            .email("ann.pays@paypal.example"));
    JobResult second = usher.jobs().run("payments", false);

    assertThat(second.summary()).contains("2 recorded");
    assertThat(txnsOf("bob@example.com")).containsExactlyInAnyOrder("1AB00002", "1AB00005");
    assertThat(txnsOf("ann@example.com")).containsExactlyInAnyOrder("1AB00001", "1AB00006");
    assertThat(usher.unmatched().waiting()).hasSize(1);
    assertThat(paypal.searches().getLast()).startsWith("2026-11-20T07:00:00Z 2026-11-20T11:00:00Z");
  }

  @Test
  void aSecondAccountSeeingTheSameTransactionsRecordsNothingTwice() {
    paypal.add(
        Txn.paid("1AB00001", NOW.minus(Duration.ofDays(3)), "10.00").email("bob@example.com"));
    usher.settings().set("paypal.secondary-client-id", FakePayPal.CLIENT_ID);
    usher.settings().set("paypal.secondary-secret", FakePayPal.SECRET);

    JobResult result = usher.jobs().run("payments", false);

    assertThat(result.summary())
        .contains("PayPal: 1 payment(s) read, 1 recorded.")
        .contains("PayPal (second account): 1 payment(s) read, 0 recorded.");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(1);
  }

  @Test
  void wrongKeysFailTheRunWithOneSentenceAndMoveNothing() {
    paypal.add(
        Txn.paid("1AB00001", NOW.minus(Duration.ofDays(3)), "10.00").email("bob@example.com"));
    usher.settings().set("paypal.secret", "wrong");

    assertThatThrownBy(() -> usher.jobs().run("payments", false))
        .isInstanceOf(UsherException.class)
        .hasMessageContaining("Stripe is not set up.")
        .hasMessageContaining("paypal.client-id")
        .hasMessageNotContaining("wrong");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();

    usher.settings().set("paypal.secret", FakePayPal.SECRET);
    assertThat(usher.jobs().run("payments", false).summary()).contains("1 recorded");
    assertThat(txnsOf("bob@example.com")).containsExactly("1AB00001");
  }

  @Test
  void theTimerReadsPayPalOnlyEveryPollMinutesButARunByHandAlways() {
    usher.jobs().run("payments", false);
    int searches = paypal.searches().size();

    clock.advance(Duration.ofMinutes(10));
    usher.jobs().runScheduled("payments");
    assertThat(paypal.searches()).hasSize(searches);
    usher.jobs().run("payments", false);
    assertThat(paypal.searches().size()).isGreaterThan(searches);

    int afterHand = paypal.searches().size();
    clock.advance(Duration.ofMinutes(61));
    usher.jobs().runScheduled("payments");
    assertThat(paypal.searches().size()).isGreaterThan(afterHand);
  }

  @Test
  void testingTheKeysAsksPayPalForEachConfiguredAccount() {
    assertThat(usher.tests().payPal()).isEqualTo("PayPal answered: the keys work (live).");
    usher.settings().set("paypal.secondary-client-id", FakePayPal.CLIENT_ID);
    usher.settings().set("paypal.secondary-secret", "wrong");

    assertThatThrownBy(() -> usher.tests().payPal())
        .isInstanceOf(UsherException.class)
        .hasMessageContaining("paypal.secondary-")
        .hasMessageNotContaining("wrong");
  }
}
