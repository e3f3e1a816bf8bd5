package io.usher.application.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.servers.ServerSettings;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkout's use cases on a real ledger, with a fake provider recording each order. */
class CheckoutServiceTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  final FakePaymentProvider provider = new FakePaymentProvider();
  AppContext usher;
  CheckoutService checkout;

  @BeforeEach
  void open() {
    usher = new AppContext(dataDir, clock, s -> media, s -> provider);
    checkout = usher.checkout();
    Fixtures.monthly(usher, "Monthly", "10");
    Plan secret = Fixtures.monthly(usher, "Secret", "1");
    usher.plans().setHidden(secret.id(), true);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  CheckoutForm form(String email, String plan) {
    return new CheckoutForm(email, plan, "", "");
  }

  @Test
  void offersOnlyVisiblePlansWithWhatEachIncludes() {
    assertThat(checkout.offer())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("Monthly");
              assertThat(p.price()).isEqualTo("$10");
              assertThat(p.duration()).isEqualTo("1 month");
              assertThat(p.per()).isEqualTo("/month");
              assertThat(p.perMonth()).isEmpty();
              assertThat(p.streams()).isEqualTo(2);
              assertThat(p.transcoding()).isTrue();
              assertThat(p.downloads()).isFalse();
              assertThat(p.trial()).isFalse();
            });
  }

  @Test
  void offersOnlyLocationsWithAServerThatHasRoom() {
    usher.servers().addLocation("Europe");
    usher.servers().addLocation("Asia");
    usher.servers().addLocation("Nowhere");
    media.server("http://eu:8096");
    media.server("http://asia:8096");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Eu", "http://eu:8096", "k");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Asia", "http://asia:8096", "k");
    usher.servers().update("Eu", new ServerSettings("Europe", true, true, true, false, null, true));
    usher.servers().update("Asia", new ServerSettings("Asia", true, true, true, false, 0, true));

    assertThat(checkout.locations()).containsExactly("Europe");
  }

  @Test
  void startingRecordsTheOrderAndSendsTheProviderEverythingItNeeds() {
    URI page = checkout.start(new CheckoutForm(" Alice@Example.com ", "monthly", "", " "));

    assertThat(page).isEqualTo(URI.create(FakePaymentProvider.URL));
    assertThat(provider.orders)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.reference()).matches("ord_[0-9a-f]{32}");
              assertThat(o.email()).isEqualTo("alice@example.com");
              assertThat(o.plan()).isEqualTo("Monthly");
              assertThat(o.amount()).isEqualTo(Money.parse("10", Money.currency("USD")));
              assertThat(o.priceId()).isNull();
              assertThat(o.successUrl()).isEqualTo("http://127.0.0.1:8765/checkout/return");
              assertThat(o.cancelUrl()).isEqualTo("http://127.0.0.1:8765/checkout/cancel");
            });
    String reference = provider.orders.getFirst().reference();
    assertThat(checkout.order(reference))
        .hasValueSatisfying(
            o -> {
              assertThat(o.email()).isEqualTo("alice@example.com");
              assertThat(o.plan()).isEqualTo("Monthly");
              assertThat(o.location()).isNull();
              assertThat(o.sessionId()).isEqualTo("cs_test_1");
              assertThat(o.created()).isEqualTo(NOW);
            });
  }

  @Test
  void theReturnAddressesUseThePublicUrlWhenSet() {
    usher.settings().set("checkout.public-url", "https://buy.example.com/");

    checkout.start(form("a@example.com", "Monthly"));

    assertThat(provider.orders.getFirst().cancelUrl())
        .isEqualTo("https://buy.example.com/checkout/cancel");
  }

  @Test
  void eachOrderGetsAFreshReference() {
    checkout.start(form("a@example.com", "Monthly"));
    checkout.start(form("a@example.com", "Monthly"));

    assertThat(provider.orders.get(0).reference()).isNotEqualTo(provider.orders.get(1).reference());
  }

  @Test
  void aHiddenOrUnknownPlanIsRefused() {
    assertThatThrownBy(() -> checkout.start(form("a@example.com", "Secret")))
        .hasMessage("Choose one of the plans on this page.");
    assertThatThrownBy(() -> checkout.start(form("a@example.com", "Nope")))
        .hasMessage("Choose one of the plans on this page.");
    assertThat(provider.orders).isEmpty();
  }

  @Test
  void everyWrongFieldIsReportedAtOnce() {
    assertThatThrownBy(() -> checkout.start(new CheckoutForm("not-an-email", "", "Mars", "SAVE10")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field() + ": " + f.message())
                    .containsExactly(
                        "email: 'not-an-email' is not a valid email address.",
                        "plan: Choose one of the plans on this page.",
                        "location: Choose one of the locations on this page.",
                        "discount: That discount code is not valid: check it and try again."));
    assertThat(provider.orders).isEmpty();
  }

  @Test
  void aKnownLocationIsTakenAsTheOwnerSpelledIt() {
    usher.servers().addLocation("Europe");

    checkout.start(new CheckoutForm("a@example.com", "Monthly", "europe", ""));

    assertThat(checkout.order(provider.orders.getFirst().reference()))
        .hasValueSatisfying(o -> assertThat(o.location()).isEqualTo("Europe"));
  }

  @Test
  void aProviderThatIsNotSetUpSaysSo() {
    provider.failure =
        new UsherException("Payments are not set up yet: the owner must add Stripe keys.");

    assertThatThrownBy(() -> checkout.start(form("a@example.com", "Monthly")))
        .hasMessage("Payments are not set up yet: the owner must add Stripe keys.");
    assertThat(provider.orders).isEmpty();
  }

  @Test
  void theDefaultWiringRefusesUntilStripeIsSetUp() {
    usher.close();
    usher = new AppContext(dataDir, clock, s -> media);

    assertThatThrownBy(() -> usher.checkout().start(form("a@example.com", "Monthly")))
        .isInstanceOf(UsherException.class)
        .hasMessage("Payments are not set up yet: the owner must add payment keys.");
  }

  void freeTrialPlanAndServer() {
    usher
        .plans()
        .create(
            Fixtures.plan("Trial", "0", io.usher.domain.plans.PlanDuration.days(3), true, null));
    media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");
  }

  @Test
  void aFreeTrialNeedsNoPaymentPageAndTheCustomerIsInAtOnce() {
    freeTrialPlanAndServer();

    java.net.URI back = checkout.start(form("new@example.com", "Trial"));

    assertThat(provider.orders).as("no payment page for a free trial").isEmpty();
    assertThat(back.toString()).contains("/checkout/return?session_id=trial_ord_");
    String session = back.getQuery().substring("session_id=".length());
    assertThat(checkout.paid(session)).hasValue(true);
    assertThat(usher.queries().users())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.plan()).isEqualTo("Trial");
              assertThat(u.servers()).containsExactly("Den");
            });
  }

  @Test
  void oneTrialPerEmail() {
    freeTrialPlanAndServer();
    checkout.start(form("new@example.com", "Trial"));

    assertThatThrownBy(() -> checkout.start(form("NEW@example.com", "Trial")))
        .hasMessage("This email has had a trial already: choose one of the paid plans.");
  }

  @Test
  void trialsStopAtTheCap() {
    freeTrialPlanAndServer();
    usher.settings().set("trial.max-users", "1");
    checkout.start(form("first@example.com", "Trial"));

    assertThatThrownBy(() -> checkout.start(form("second@example.com", "Trial")))
        .hasMessage("Trials are full right now: choose one of the paid plans or try again later.");
    assertThat(usher.queries().users()).hasSize(1);
  }
}
