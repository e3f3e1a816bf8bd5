package io.usher.application.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.application.checkout.CheckoutForm;
import io.usher.application.payments.ManualPayment;
import io.usher.application.payments.ProviderWebhooks;
import io.usher.application.payments.RecordProviderPayment;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.servers.Library;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Referral codes at the checkout and the days they earn, on a real ledger. */
class ReferralsTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Money TEN = new Money(1000, Money.currency("USD"));
  static final Duration DAY = Duration.ofDays(1);

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  final FakePaymentProvider provider = new FakePaymentProvider();
  AppContext usher;
  ProviderWebhooks stripe;
  int events;

  @BeforeEach
  void open() {
    usher = new AppContext(dataDir, clock, s -> media, s -> provider);
    Fixtures.monthly(usher, "Monthly", "10");
    media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    Library l = usher.servers().libraries("Den").getFirst();
    usher.servers().setGroup(l.id(), "Standard");
    stripe = usher.webhooks();
    usher.settings().set("referral.percent", "10");
    usher.users().create(UserSpec.withEmail("alice@example.com"));
    usher.payments().record(ManualPayment.of("alice@example.com", "Monthly"));
  }

  @AfterEach
  void close() {
    usher.close();
  }

  String codeOf(String email) {
    return usher.referrals().summary(email).code();
  }

  /**
   * The customer orders at the checkout page with {@code referral}, then Stripe reports it paid.
   */
  PaymentEvent ordered(String email, String referral) {
    usher.checkout().start(new CheckoutForm(email, "Monthly", null, null, null, referral));
    String reference = provider.orders.getLast().reference();
    events++;
    return new PaymentEvent(
        "evt_" + events, PaymentEvent.Kind.PAID, "pi_" + events, reference, email, null, TEN, NOW);
  }

  List<Payment> credits(String email) {
    return usher.payments().forUser(usher.users().byEmail(email).id()).stream()
        .filter(p -> p.spec().source() == PaymentSource.CREDIT)
        .toList();
  }

  @Test
  void aFriendsFirstPaymentThroughTheCodeEarnsTheReferrerDaysAfterTheirPaidTime() {
    String code = codeOf("alice@example.com");
    assertThat(code).hasSize(8);
    assertThat(codeOf("alice@example.com")).as("the code is kept").isEqualTo(code);

    RecordProviderPayment.Outcome out =
        stripe.apply(ordered("bob@example.com", code.toLowerCase(java.util.Locale.ROOT)));

    // 10% of 10.00 = 1.00 → a tenth of a month on Monthly at 10.00, from the end of what alice
    // paid: the month from 22 December has 31 days, so 3.1 days.
    assertThat(out.sentence()).contains("alice@example.com earned 3 days 2 hours for the referral");
    assertThat(credits("alice@example.com"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.spec().amount().minor()).isZero();
              assertThat(p.period().start()).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
              assertThat(p.period().end()).isEqualTo(Instant.parse("2026-12-25T12:24:00Z"));
              assertThat(p.spec().notes()).contains("referral bonus for bob@example.com");
            });
    ReferralService.Summary alice = usher.referrals().summary("alice@example.com");
    assertThat(alice.referred())
        .singleElement()
        .satisfies(r -> assertThat(r.who()).isEqualTo("bob@example.com"));
    assertThat(alice.bonusSeconds())
        .isEqualTo(Duration.ofHours(3 * 24 + 2).plusMinutes(24).toSeconds());
    assertThat(usher.referrals().summary("bob@example.com").referredBy())
        .contains("alice@example.com");
  }

  @Test
  void aPaymentSeenTwiceAndTheFriendsRenewalEarnTheBonusOnce() {
    String code = codeOf("alice@example.com");
    PaymentEvent first = ordered("bob@example.com", code);
    stripe.apply(first);
    stripe.apply(first);
    clock.advance(Duration.ofDays(20));
    stripe.apply(ordered("bob@example.com", code));

    assertThat(credits("alice@example.com")).hasSize(1);
    assertThat(usher.referrals().all()).hasSize(1);
  }

  @Test
  void aCustomerWhoPaidBeforeBringsNoBonus() {
    usher.users().create(UserSpec.withEmail("carol@example.com"));
    usher.payments().record(ManualPayment.of("carol@example.com", "Monthly"));

    RecordProviderPayment.Outcome out =
        stripe.apply(ordered("carol@example.com", codeOf("alice@example.com")));

    assertThat(out.kind()).isEqualTo(RecordProviderPayment.Outcome.Kind.RECORDED);
    assertThat(out.sentence()).doesNotContain("referral");
    assertThat(credits("alice@example.com")).isEmpty();
    assertThat(usher.referrals().all()).isEmpty();
  }

  @Test
  void anUnknownMalformedOrOwnCodeIsRefusedWithASentenceAndNoOrder() {
    String own = codeOf("alice@example.com");
    int before = provider.orders.size();

    assertThatThrownBy(() -> ordered("bob@example.com", "ZZZZ2222"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("No one has the referral code ZZZZ2222");
    assertThatThrownBy(() -> ordered("bob@example.com", "0O1I"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("8 letters and digits");
    assertThatThrownBy(() -> ordered("Alice@Example.com", own))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("your own referral code");
    assertThat(provider.orders).hasSize(before);
  }

  @Test
  void withReferralsOffACodeIsIgnoredAndEarnsNothing() {
    String code = codeOf("alice@example.com");
    usher.settings().set("referral.percent", "0");

    stripe.apply(ordered("bob@example.com", "not even a code"));
    stripe.apply(ordered("dan@example.com", code));

    assertThat(credits("alice@example.com")).isEmpty();
    assertThat(usher.referrals().all()).isEmpty();
  }

  @Test
  void theMinimumAndMaximumHoldTheBonus() {
    usher.settings().set("referral.percent", "100");
    usher.settings().set("referral.max-days", "7");
    stripe.apply(ordered("bob@example.com", codeOf("alice@example.com")));
    assertThat(credits("alice@example.com"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.period().end())
                    .isEqualTo(p.period().start().plus(DAY.multipliedBy(7))));

    usher.settings().set("referral.percent", "1");
    usher.settings().set("referral.min-days", "2");
    stripe.apply(ordered("carl@example.com", codeOf("alice@example.com")));
    assertThat(credits("alice@example.com"))
        .hasSize(2)
        .last()
        .satisfies(
            p ->
                assertThat(p.period().end())
                    .isEqualTo(p.period().start().plus(DAY.multipliedBy(2))));
  }

  @Test
  void anExpiredReferrerIsCreditedFromNowAndTheirShareIsQueuedAgain() {
    clock.advance(Duration.ofDays(40));
    usher.outbox().runDue();
    int queued = usher.outbox().pending().size();

    stripe.apply(ordered("bob@example.com", codeOf("alice@example.com")));

    assertThat(credits("alice@example.com"))
        .singleElement()
        .satisfies(p -> assertThat(p.period().start()).isEqualTo(NOW.plus(Duration.ofDays(40))));
    // bob's invite and alice's share both wait in the outbox.
    assertThat(usher.outbox().pending()).hasSize(queued + 2);
  }

  @Test
  void aPermanentReferrerIsRecordedWithoutDays() {
    usher
        .users()
        .create(new UserSpec("perm@example.com", null, true, false, null, null, null, null));

    RecordProviderPayment.Outcome out =
        stripe.apply(ordered("bob@example.com", codeOf("perm@example.com")));

    assertThat(out.sentence()).contains("perm@example.com referred them but earned no time");
    assertThat(credits("perm@example.com")).isEmpty();
    assertThat(usher.referrals().all())
        .singleElement()
        .satisfies(r -> assertThat(r.bonusSeconds()).isZero());
  }

  @Test
  void aLinkedSubAccountsReferralCreditsItsMasterAndReachesTheSubThroughTheCopy() {
    usher
        .plans()
        .create(
            Fixtures.plan(
                "Family", new Money(2000, Money.currency("USD")), PlanDuration.months(1), 1, null));
    usher.users().create(UserSpec.withEmail("master@example.com"));
    usher.users().create(UserSpec.withEmail("kid@example.com"));
    usher.payments().record(ManualPayment.of("master@example.com", "Family"));
    usher.links().link("master@example.com", "kid@example.com");

    stripe.apply(ordered("bob@example.com", codeOf("kid@example.com")));

    assertThat(credits("master@example.com")).hasSize(1);
    assertThat(usher.payments().forUser(usher.users().byEmail("kid@example.com").id()))
        .anySatisfy(p -> assertThat(p.ref().txnId()).startsWith("referral-"));
    assertThat(usher.referrals().summary("kid@example.com").referred()).hasSize(1);
  }
}
