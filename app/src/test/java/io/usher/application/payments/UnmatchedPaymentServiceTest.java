package io.usher.application.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.application.payments.RecordProviderPayment.Outcome.Kind;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.Payment;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.UnmatchedPayment;
import io.usher.domain.servers.Library;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner assigns or dismisses what matched no user, on a real ledger. */
class UnmatchedPaymentServiceTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Money TEN = new Money(1000, Money.currency("USD"));

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  UnmatchedPaymentService unmatched;

  @BeforeEach
  void open() {
    usher = new AppContext(dataDir, clock, s -> media, s -> new FakePaymentProvider());
    Fixtures.monthly(usher, "Monthly", "10");
    media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    Library l = usher.servers().libraries("Den").getFirst();
    usher.servers().setGroup(l.id(), "Standard");
    usher.users().create(UserSpec.withEmail("ann@example.com"));
    unmatched = usher.unmatched();
  }

  @AfterEach
  void close() {
    usher.close();
  }

  Kind pay(String txn, String payer, String sub) {
    return usher
        .webhooks()
        .apply(
            new PaymentEvent("evt_" + txn, PaymentEvent.Kind.PAID, txn, null, payer, sub, TEN, NOW))
        .kind();
  }

  long waitingId(String txn) {
    return unmatched.waiting().stream()
        .filter(u -> u.txn().equals(txn))
        .findFirst()
        .orElseThrow()
        .id();
  }

  List<Payment> paymentsOf(String email) {
    return usher.payments().forUser(usher.users().byEmail(email).id());
  }

  @Test
  void assigningRecordsThePaymentOnTheUserQueuesTheShareAndIsNeverImportedAgain() {
    assertThat(pay("pi_1", "friend@example.com", null)).isEqualTo(Kind.UNMATCHED);
    long id = waitingId("pi_1");

    assertThatThrownBy(() -> unmatched.assign(id, "ann@example.com", null, false))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("has no plan yet");
    String sentence = unmatched.assign(id, "ann@example.com", "Monthly", false);

    assertThat(sentence).contains("Recorded pi_1 for ann@example.com (Monthly, 10.00 USD)");
    assertThat(paymentsOf("ann@example.com"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.ref().txnId()).isEqualTo("pi_1");
              assertThat(p.spec().source().code()).isEqualTo("stripe");
              assertThat(p.spec().amount()).isEqualTo(TEN);
              assertThat(p.spec().notes()).contains("unmatched payment #" + id);
            });
    assertThat(usher.outbox().pending()).extracting(i -> i.kind()).contains("invite");
    assertThat(unmatched.waiting()).isEmpty();
    assertThat(pay("pi_1", "friend@example.com", null)).isEqualTo(Kind.ALREADY_RECORDED);
    assertThatThrownBy(() -> unmatched.assign(id, "ann@example.com", "Monthly", false))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already assigned");
    assertThat(paymentsOf("ann@example.com")).hasSize(1);
  }

  @Test
  void rememberingThePayerMakesTheNextPaymentMatchByItself() {
    pay("pi_1", "friend@example.com", null);
    pay("in_1", "other@example.com", "sub_9");

    unmatched.assign(waitingId("pi_1"), "ann@example.com", "Monthly", true);
    unmatched.assign(waitingId("in_1"), "ann@example.com", null, true);

    assertThat(usher.users().byEmail("ann@example.com").spec().paypalEmail())
        .isEqualTo("friend@example.com");
    assertThat(pay("in_2", "nobody@example.com", "sub_9")).isEqualTo(Kind.RECORDED);
    assertThat(pay("pi_3", "friend@example.com", null)).isEqualTo(Kind.RECORDED);
    assertThat(paymentsOf("ann@example.com"))
        .extracting(p -> p.ref().txnId())
        .containsExactlyInAnyOrder("pi_1", "in_1", "in_2", "pi_3");
  }

  @Test
  void assigningToSomeoneUnknownChangesNothing() {
    pay("pi_1", "friend@example.com", null);
    long id = waitingId("pi_1");

    assertThatThrownBy(() -> unmatched.assign(id, "nobody@example.com", "Monthly", false))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("No user has the email nobody@example.com");
    assertThatThrownBy(() -> unmatched.assign(id, "ann@example.com", "Gold", false))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("No plan is named Gold");

    assertThat(unmatched.waiting()).extracting(UnmatchedPayment::id).containsExactly(id);
    assertThat(paymentsOf("ann@example.com")).isEmpty();
  }

  @Test
  void dismissingKeepsItWithTheReasonAndItIsNeverImportedAgain() {
    pay("pi_1", "friend@example.com", null);
    long id = waitingId("pi_1");

    assertThatThrownBy(() -> unmatched.dismiss(id, "  "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Say why");
    assertThatThrownBy(() -> unmatched.dismiss(id, "x".repeat(501)))
        .isInstanceOf(ValidationException.class);
    assertThat(unmatched.dismiss(id, "A refund for the old shop")).contains("Dismissed pi_1");

    assertThat(unmatched.waiting()).isEmpty();
    assertThat(unmatched.waitingCount()).isZero();
    assertThat(pay("pi_1", "friend@example.com", null)).isEqualTo(Kind.ALREADY_RECORDED);
    assertThat(unmatched.waiting()).isEmpty();
    assertThatThrownBy(() -> unmatched.dismiss(id, "again"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already dismissed");
  }
}
