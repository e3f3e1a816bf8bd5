package io.usher.application.discounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.application.checkout.CheckoutForm;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.UsherException;
import io.usher.domain.discounts.Discount;
import io.usher.domain.discounts.DiscountSpec;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.payments.CheckoutOrder;
import io.usher.domain.payments.PaymentEvent;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discount codes from the owner's list through the checkout to the ledger, on a real database. */
class DiscountCodesTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final Money USD_10 = new Money(1000, Money.currency("USD"));

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  final FakePaymentProvider provider = new FakePaymentProvider();
  AppContext usher;
  DiscountService discounts;

  @BeforeEach
  void open() {
    usher = new AppContext(dataDir, clock, s -> media, s -> provider);
    discounts = usher.discounts();
    Fixtures.monthly(usher, "Monthly", "10");
  }

  @AfterEach
  void close() {
    usher.close();
  }

  void server() {
    media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");
  }

  static DiscountSpec code(String code, int percent, Integer maxUses, String onlyEmail) {
    return new DiscountSpec(code, percent, null, null, maxUses, onlyEmail, true);
  }

  CheckoutOrder single() {
    assertThat(provider.orders).hasSize(1);
    return provider.orders.getFirst();
  }

  URI buy(String email, String code) {
    return usher.checkout().start(new CheckoutForm(email, "Monthly", "", code));
  }

  /** What Stripe reports once the customer paid the order the provider was last given. */
  void paysLastOrder(String txn) {
    CheckoutOrder o = provider.orders.getLast();
    usher
        .webhooks()
        .apply(
            new PaymentEvent(
                "evt_" + txn,
                PaymentEvent.Kind.PAID,
                txn,
                o.reference(),
                o.email(),
                null,
                o.amount(),
                NOW));
  }

  @Test
  void aCodeTakesItsShareOffThePriceAndCountsOnceThePaymentLands() {
    discounts.create(code("spring20", 20, null, null));

    buy("alice@example.com", " Spring20 ");

    CheckoutOrder sent = single();
    assertThat(sent.amount()).isEqualTo(new Money(800, USD_10.currency()));
    assertThat(sent.discount().code()).isEqualTo("SPRING20");
    assertThat(usher.checkout().order(sent.reference()).orElseThrow().discount())
        .isEqualTo("SPRING20");
    assertThat(discounts.byCode("SPRING20").uses()).as("not used until paid").isZero();

    paysLastOrder("pi_1");

    assertThat(discounts.byCode("SPRING20").uses()).isEqualTo(1);
    assertThat(usher.payments().forUser(usher.users().byEmail("alice@example.com").id()))
        .singleElement()
        .satisfies(p -> assertThat(p.spec().amount()).isEqualTo(new Money(800, USD_10.currency())));
  }

  @Test
  void aCustomerUsesACodeOnceEvenWhenStripeRepeatsTheEvent() {
    discounts.create(code("ONCE", 10, null, null));
    buy("alice@example.com", "ONCE");
    paysLastOrder("pi_1");
    paysLastOrder("pi_1");

    assertThat(discounts.byCode("ONCE").uses()).isEqualTo(1);
    assertThatThrownBy(() -> buy("ALICE@example.com", "once"))
        .hasMessage("You have used that discount code already.");
    assertThat(provider.orders).hasSize(1);
  }

  @Test
  void aCodeIsUsedUpAtItsLimit() {
    discounts.create(code("FIRST1", 10, 1, null));
    buy("alice@example.com", "FIRST1");
    paysLastOrder("pi_1");

    assertThatThrownBy(() -> buy("bob@example.com", "FIRST1"))
        .hasMessage("That discount code has been used up.");
    assertThat(discounts.byCode("FIRST1").status(NOW)).isEqualTo(Discount.Status.USED_UP);
  }

  @Test
  void anUnpaidOrderHoldsTheLastUseForHalfAnHourAndItsPagePassesNoLater() {
    discounts.create(code("LAST", 10, 1, null));
    buy("alice@example.com", "LAST");
    assertThat(single().expiresAt()).isEqualTo(NOW.plus(DiscountService.PAYMENT_PAGE));

    assertThatThrownBy(() -> buy("bob@example.com", "LAST"))
        .hasMessage(
            "The last uses of that discount code are being paid for right now; try again in half"
                + " an hour.");
    buy("alice@example.com", "LAST");
    assertThat(provider.orders).as("the holder may open the page again").hasSize(2);

    clock.advance(DiscountService.HOLD);
    buy("bob@example.com", "LAST");
    assertThat(provider.orders).hasSize(3);
  }

  @Test
  void oncePaidTheHeldUseIsUsedUp() {
    discounts.create(code("LAST", 10, 1, null));
    buy("alice@example.com", "LAST");
    paysLastOrder("pi_1");

    assertThatThrownBy(() -> buy("bob@example.com", "LAST"))
        .hasMessage("That discount code has been used up.");
  }

  @Test
  void anOrderWhosePaymentPageCouldNotBeMadeHoldsNothing() {
    discounts.create(code("LAST", 10, 1, null));
    provider.failure =
        new io.usher.domain.payments.PaymentProviderException(
            io.usher.domain.payments.PaymentProviderException.Kind.UNAVAILABLE, "Stripe is down");
    assertThatThrownBy(() -> buy("alice@example.com", "LAST")).isInstanceOf(UsherException.class);
    provider.failure = null;

    buy("bob@example.com", "LAST");
    assertThat(single().email()).isEqualTo("bob@example.com");
  }

  @Test
  void codesWithoutALimitHoldNothingAndKeepStripesDefaultPage() {
    discounts.create(code("MANY", 10, null, null));
    buy("alice@example.com", "MANY");
    buy("bob@example.com", "MANY");

    assertThat(provider.orders).hasSize(2).allSatisfy(o -> assertThat(o.expiresAt()).isNull());
  }

  @Test
  void aCodeForOneCustomerRefusesOthers() {
    discounts.create(code("VIP", 50, null, "vip@example.com"));

    assertThatThrownBy(() -> buy("bob@example.com", "VIP"))
        .hasMessage("That discount code is not valid for this email address.");
    buy("vip@example.com", "VIP");
    assertThat(single().amount().minor()).isEqualTo(500);
  }

  @Test
  void anExpiredOrSwitchedOffCodeIsRefusedAndNothingIsOrdered() {
    discounts.create(
        new DiscountSpec("LATE", 10, null, NOW.plus(Duration.ofDays(1)), null, null, true));
    discounts.create(code("PAUSED", 10, null, null));
    discounts.setEnabled("paused", false);
    clock.advance(Duration.ofDays(1));

    assertThatThrownBy(() -> buy("a@example.com", "LATE"))
        .hasMessage("That discount code has expired.");
    assertThatThrownBy(() -> buy("a@example.com", "PAUSED")).hasMessage(Discount.UNKNOWN);
    assertThatThrownBy(() -> buy("a@example.com", "NOSUCH")).hasMessage(Discount.UNKNOWN);
    assertThat(provider.orders).isEmpty();
  }

  @Test
  void aCodeThatTakesTheWholePriceOffInvitesWithoutAPaymentPage() {
    server();
    discounts.create(code("GIFT", 100, 5, null));

    URI back = buy("friend@example.com", "GIFT");

    assertThat(provider.orders).isEmpty();
    assertThat(back.toString()).contains("/checkout/return?session_id=free_ord_");
    assertThat(usher.checkout().paid(back.getQuery().substring("session_id=".length())))
        .hasValue(true);
    assertThat(usher.queries().users())
        .singleElement()
        .satisfies(u -> assertThat(u.servers()).containsExactly("Den"));
    assertThat(discounts.byCode("GIFT").uses()).isEqualTo(1);
    assertThatThrownBy(() -> buy("friend@example.com", "GIFT"))
        .hasMessage("You have used that discount code already.");
  }

  @Test
  void customersRacingForTheLastFreeUseGetOneAccessBetweenThem() throws Exception {
    server();
    discounts.create(code("LASTONE", 100, 1, null));
    int racers = 6;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(racers);
    java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
    for (int i = 0; i < racers; i++) {
      String email = "friend" + i + "@example.com";
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  buy(email, "LASTONE");
                  return "in";
                } catch (io.usher.domain.common.ValidationException e) {
                  return e.getMessage();
                }
              }));
    }
    java.util.List<String> said = new java.util.ArrayList<>();
    for (var o : outcomes) {
      said.add(o.get(30, java.util.concurrent.TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(said).filteredOn("in"::equals).hasSize(1);
    assertThat(said)
        .filteredOn(s -> !s.equals("in"))
        .containsOnly("That discount code has been used up.");
    assertThat(discounts.byCode("LASTONE").uses()).isEqualTo(1);
    assertThat(usher.queries().users()).hasSize(1);
  }

  @Test
  void aFreeCodeWhoseInviteFailsIsNotUsedUp() {
    discounts.create(code("GIFT", 100, 1, null));

    assertThatThrownBy(() -> buy("friend@example.com", "GIFT"))
        .isInstanceOf(UsherException.class)
        .hasMessage("There is no room for new customers right now; please try again later.");

    assertThat(discounts.byCode("GIFT").uses()).isZero();
    assertThat(usher.queries().users()).isEmpty();
  }

  @Test
  void aSubscriptionPlanHandsTheCodeToTheProvider() {
    usher
        .plans()
        .create(
            Fixtures.plan(
                "Yearly",
                "100",
                io.usher.domain.plans.PlanDuration.months(12),
                false,
                "price_yearly"));
    discounts.create(code("YEAR10", 10, null, null));

    usher.checkout().start(new CheckoutForm("a@example.com", "Yearly", "", "YEAR10"));

    assertThat(single().priceId()).isEqualTo("price_yearly");
    assertThat(single().discount().percentOff()).isEqualTo(10);
  }

  @Test
  void codesAreUniqueAndAUsedOneCanOnlyBeSwitchedOff() {
    discounts.create(code("SAVE", 10, null, null));
    assertThatThrownBy(() -> discounts.create(code("save", 20, null, null)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("A discount code SAVE already exists.");

    buy("alice@example.com", "SAVE");
    paysLastOrder("pi_1");

    assertThatThrownBy(() -> discounts.remove("SAVE"))
        .hasMessage(
            "SAVE has been used once: switch it off instead, so the payments keep their history.");
    discounts.create(code("UNUSED", 10, null, null));
    discounts.remove("unused");
    assertThat(discounts.list()).extracting(Discount::code).containsExactly("SAVE");
  }

  @Test
  void editingACodeKeepsItsUses() {
    Discount d = discounts.create(code("SAVE", 10, null, null));
    buy("alice@example.com", "SAVE");
    paysLastOrder("pi_1");

    Discount after = discounts.update(d.id(), code("SAVE", 15, 3, null));

    assertThat(discounts.byCode("SAVE").spec().percentOff()).isEqualTo(15);
    assertThat(after.uses()).isEqualTo(1);
  }
}
