package io.usher.application.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.checkout.CheckoutForm;
import io.usher.application.payments.RecordProviderPayment.Outcome.Kind;
import io.usher.domain.ledger.Payment;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.UnmatchedPayment;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.servers.Library;
import io.usher.domain.users.User;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provider events on a real ledger; the share goes through the invite outbox. */
class RecordProviderPaymentTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Money TEN = new Money(1000, Money.currency("USD"));

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  final FakePaymentProvider provider = new FakePaymentProvider();
  AppContext usher;
  ProviderWebhooks record;
  FakeMediaServers.Fake den;

  @BeforeEach
  void open() {
    usher = new AppContext(dataDir, clock, s -> media, s -> provider);
    Fixtures.monthly(usher, "Monthly", "10");
    den = media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    Library l = usher.servers().libraries("Den").getFirst();
    usher.servers().setGroup(l.id(), "Standard");
    record = usher.webhooks();
  }

  @AfterEach
  void close() {
    usher.close();
  }

  static PaymentEvent paid(String evt, String txn, String email, String sub) {
    return new PaymentEvent(evt, PaymentEvent.Kind.PAID, txn, null, email, sub, TEN, NOW);
  }

  /** A payment for an order placed at Usher's checkout page by this email. */
  PaymentEvent ordered(String evt, String txn, String email, String sub) {
    return ordered(evt, txn, email, sub, "Monthly");
  }

  PaymentEvent ordered(String evt, String txn, String email, String sub, String plan) {
    usher.checkout().start(new CheckoutForm(email, plan, null, null));
    String reference = provider.orders.getLast().reference();
    return new PaymentEvent(evt, PaymentEvent.Kind.PAID, txn, reference, email, sub, TEN, NOW);
  }

  List<Payment> paymentsOf(String email) {
    User u = usher.users().byEmail(email);
    return usher.payments().forUser(u.id());
  }

  @Test
  void aCheckoutOrdersPaymentLandsOnceCreatesItsCustomerAndQueuesTheShare() {
    PaymentEvent e = ordered("evt_1", "pi_1", "New@Example.com", null);

    assertThat(record.apply(e).kind()).isEqualTo(Kind.RECORDED);
    assertThat(record.apply(e).kind()).isEqualTo(Kind.ALREADY_RECORDED);

    assertThat(paymentsOf("new@example.com"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.ref().txnId()).isEqualTo("pi_1");
              assertThat(p.spec().source().code()).isEqualTo("stripe");
              assertThat(p.period().start()).isEqualTo(NOW);
              assertThat(p.period().end()).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
            });
    assertThat(usher.outbox().pending())
        .singleElement()
        .satisfies(i -> assertThat(i.kind()).isEqualTo("invite"));
    assertThat(usher.outbox().runDue()).isEqualTo(1);
    assertThat(den.shared)
        .singleElement()
        .satisfies(r -> assertThat(r.username()).isEqualTo("new"));
  }

  @Test
  void aSubscriptionsCompletedSessionAndItsFirstInvoiceLandOnceBetweenThem() {
    // checkout.session.completed: transaction = the session's invoice.
    PaymentEvent completed = ordered("evt_1", "in_first", "bob@example.com", "sub_1");
    assertThat(record.apply(completed).kind()).isEqualTo(Kind.RECORDED);
    // invoice.paid of that same invoice.
    assertThat(record.apply(paid("evt_2", "in_first", "bob@example.com", "sub_1")).kind())
        .isEqualTo(Kind.ALREADY_RECORDED);

    assertThat(paymentsOf("bob@example.com")).hasSize(1);
  }

  @Test
  void aRenewalInvoiceExtendsFromTheCurrentExpiryAndFindsTheUserBySubscription() {
    record.apply(ordered("evt_1", "in_first", "bob@example.com", "sub_1"));
    clock.advance(Duration.ofDays(29));

    // The renewal's invoice carries another email: the subscription decides who paid.
    assertThat(record.apply(paid("evt_3", "in_2", "billing@corp.example", "sub_1")).kind())
        .isEqualTo(Kind.RECORDED);

    assertThat(paymentsOf("bob@example.com"))
        .extracting(p -> p.period().start())
        .containsExactly(NOW, Instant.parse("2026-12-22T10:00:00Z"));
    assertThat(usher.outbox().pending()).hasSize(1);
  }

  @Test
  void aKnownPaypalEmailMatchesTheUser() {
    usher
        .users()
        .create(
            new io.usher.domain.users.UserSpec(
                "carol@example.com",
                null,
                false,
                false,
                "carol.pays@example.com",
                null,
                null,
                null));

    record.apply(paid("evt_1", "pi_9", "carol.pays@example.com", null));

    assertThat(paymentsOf("carol@example.com")).hasSize(1);
  }

  @Test
  void aKnownPayersPaymentAtNoPlansPriceWaitsUnmatchedAndRecordsNothing() {
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("dan@example.com"));
    PaymentEvent odd =
        new PaymentEvent(
            "evt_1",
            PaymentEvent.Kind.PAID,
            "pi_odd",
            null,
            "dan@example.com",
            null,
            new Money(777, Money.currency("USD")),
            NOW);

    RecordProviderPayment.Outcome o = record.apply(odd);

    assertThat(o.kind()).isEqualTo(Kind.UNMATCHED);
    assertThat(o.sentence()).contains("pi_odd").contains("no plan matches");
    assertThat(paymentsOf("dan@example.com")).isEmpty();
    assertThat(usher.unmatched().waiting())
        .singleElement()
        .satisfies(u -> assertThat(u.payerEmail()).isEqualTo("dan@example.com"));
  }

  @Test
  void aCancelledSubscriptionLeavesTheCustomerPayingAsTheyGo() {
    record.apply(ordered("evt_1", "in_first", "bob@example.com", "sub_1"));

    assertThat(
            record
                .apply(
                    new PaymentEvent(
                        "evt_9", PaymentEvent.Kind.CANCELLED, null, null, null, "sub_1", null, NOW))
                .kind())
        .isEqualTo(Kind.CANCELLED);

    Payment p = paymentsOf("bob@example.com").getFirst();
    assertThat(p.spec().subscriptionId()).isNull();
    assertThat(p.spec().notes()).contains("subscription sub_1 cancelled");
  }

  /** Both threads check for the payment before either writes, as a webhook and a poll can. */
  @Test
  void theSameEventArrivingByWebhookAndPollingAtOnceLandsOnceWithoutAFailure() throws Exception {
    for (int i = 0; i < 20; i++) {
      PaymentEvent e = ordered("evt_" + i, "pi_" + i, "race" + i + "@example.com", null);
      CyclicBarrier start = new CyclicBarrier(2);
      Callable<Kind> apply =
          () -> {
            start.await();
            return record.apply(e).kind();
          };
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        var first = pool.submit(apply);
        var second = pool.submit(apply);
        assertThat(List.of(first.get(), second.get()))
            .containsExactlyInAnyOrder(Kind.RECORDED, Kind.ALREADY_RECORDED);
      }
      assertThat(paymentsOf("race" + i + "@example.com")).hasSize(1);
    }
  }

  @Test
  void aStrangersPaymentWaitsUnmatchedTellsTheOwnerOnceAndCreatesNoUser() {
    usher.settings().set("owner.email", "owner@example.com");
    PaymentEvent e = paid("evt_1", "pi_stranger", "Stranger@Example.com", "sub_x");

    RecordProviderPayment.Outcome first = record.apply(e);
    RecordProviderPayment.Outcome again = record.apply(paid("evt_2", "pi_stranger", null, null));

    assertThat(first.kind()).isEqualTo(Kind.UNMATCHED);
    assertThat(first.sentence())
        .contains("from stranger@example.com")
        .contains("no user has the payer's email");
    assertThat(again.kind()).isEqualTo(Kind.ALREADY_RECORDED);
    assertThat(usher.queries().users()).isEmpty();
    assertThat(usher.unmatched().waiting())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.txn()).isEqualTo("pi_stranger");
              assertThat(u.payerEmail()).isEqualTo("stranger@example.com");
              assertThat(u.subscriptionId()).isEqualTo("sub_x");
              assertThat(u.amount()).isEqualTo(TEN);
              assertThat(u.status()).isEqualTo(UnmatchedPayment.Status.WAITING);
            });
    assertThat(usher.outbox().pending())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo("mail");
              assertThat(i.payload()).contains("pi_stranger");
            });
  }

  @Test
  void aRenewalOfAMastersSubscriptionLandsOnTheMasterNotOnALinkedUsersCopy() {
    PlanSpec m = Fixtures.plan("Family", "10", PlanDuration.months(1));
    usher
        .plans()
        .create(
            new PlanSpec(
                m.name(),
                m.price(),
                m.duration(),
                m.groups(),
                m.maxStreams(),
                m.downloads(),
                m.transcode(),
                m.maxDevices(),
                false,
                false,
                false,
                1,
                null));
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("master@example.com"));
    usher
        .payments()
        .record(
            new ManualPayment(
                "master@example.com", "Family", null, "in_first", null, "sub_m", null, null, null));
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("kid@example.com"));
    usher.links().link("master@example.com", "kid@example.com");
    record.apply(ordered("evt_2", "in_second", "master@example.com", "sub_m", "Family"));
    clock.advance(Duration.ofDays(29));

    assertThat(record.apply(paid("evt_3", "in_third", "billing@corp.example", "sub_m")).kind())
        .isEqualTo(Kind.RECORDED);

    assertThat(paymentsOf("master@example.com"))
        .extracting(p -> p.ref().txnId())
        .containsExactlyInAnyOrder("in_first", "in_second", "in_third");
    assertThat(paymentsOf("kid@example.com"))
        .extracting(p -> p.ref().seq())
        .allMatch(seq -> seq > 1);
  }

  /** Seed 002: the owner types the subscription id on a payment recorded by hand. */
  @Test
  void aSubscriptionIdEditedOntoAManualPaymentMakesItsRenewalsFindTheUser() {
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("erin@example.com"));
    usher
        .payments()
        .record(
            new ManualPayment(
                "erin@example.com", "Monthly", null, "manual_1", null, null, null, null, null));
    Payment manual = paymentsOf("erin@example.com").getFirst();

    usher
        .payments()
        .edit(
            manual.ref(),
            new PaymentEdit(null, null, null, null, "I-RENEW42", "Subscribed by PayPal"));
    clock.advance(Duration.ofDays(29));

    assertThat(
            record.apply(paid("evt_r", "pp_r1", "erin.pays@elsewhere.example", "I-RENEW42")).kind())
        .isEqualTo(Kind.RECORDED);
    assertThat(paymentsOf("erin@example.com"))
        .extracting(p -> p.ref().txnId())
        .containsExactly("manual_1", "pp_r1");
    assertThat(paymentsOf("erin@example.com").getFirst().spec().notes())
        .isEqualTo("Subscribed by PayPal");
  }

  /** Seed FAQ: 30.00 a month with 5 days left is 5.00, which runs on at the new plan's price. */
  @Test
  void buyingAnotherPlanMidTermAddsTheUnusedValueAsCreditBeforeTheNewPeriod() {
    Fixtures.monthly(usher, "Premium", "30");
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("fay@example.com"));
    usher.payments().record(ManualPayment.of("fay@example.com", "Premium"));
    clock.advance(Duration.ofDays(25));
    Instant now = clock.instant();

    RecordProviderPayment.Outcome o =
        record.apply(ordered("evt_b", "pi_buy", "fay@example.com", null));

    assertThat(o.sentence()).contains("moved from Premium with a credit of 5.00 USD");
    List<Payment> all =
        paymentsOf("fay@example.com").stream()
            .sorted(java.util.Comparator.comparing((Payment p) -> p.period().start()))
            .toList();
    assertThat(all)
        .extracting(p -> p.spec().source().code())
        .containsExactly("manual", "credit", "stripe");
    assertThat(all.get(0).period().end()).isEqualTo(now);
    assertThat(all.get(1).period().start()).isEqualTo(now);
    // 5.00 at 10.00 for the month from now (31 days): 15.5 days.
    assertThat(Duration.between(all.get(1).period().start(), all.get(1).period().end()))
        .isEqualTo(Duration.ofHours(15 * 24 + 12));
    assertThat(all.get(2).period().start()).isEqualTo(all.get(1).period().end());
  }
}
