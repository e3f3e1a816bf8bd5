package io.usher.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.money.Money;
import io.usher.domain.payments.CheckoutOrder;
import io.usher.domain.payments.CheckoutSession;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.testing.FakeStripe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real provider (and so the real SDK) against {@link FakeStripe}, without a browser: the fake's
 * stateful flows and its signatures are checked here, where a mismatch is quick to read.
 */
class StripeProviderOnFakeStripeTest {
  static final String KEY = "sk_test_51FakeStripeKey";
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  FakeStripe stripe;
  StripeProvider provider;

  @BeforeEach
  void start() throws Exception {
    stripe = FakeStripe.start(KEY);
    provider = new StripeProvider(stripe::url, stripe::url, () -> KEY, 0);
  }

  @AfterEach
  void stop() {
    stripe.close();
    http.close();
  }

  static CheckoutOrder order(String reference, String priceId) {
    return new CheckoutOrder(
        reference,
        "alice@example.com",
        "Monthly",
        new Money(1250, Money.currency("USD")),
        priceId,
        "https://shop.example/checkout/return?session_id={CHECKOUT_SESSION_ID}",
        "https://shop.example/checkout/cancel",
        null,
        null);
  }

  /** What the buyer's Pay button does; returns where the browser is sent. */
  String pay(CheckoutSession session) throws Exception {
    assertThat(get(session.url()).body()).contains("12.50 USD").contains("id=\"pay\"");
    HttpResponse<String> paid =
        http.send(
            HttpRequest.newBuilder(URI.create(session.url()))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).isEqualTo(303);
    return paid.headers().firstValue("Location").orElseThrow();
  }

  HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPaidOneTimeSessionIsOneEventKeyedByItsPaymentIntentAndTheCursorMovesPastIt()
      throws Exception {
    CheckoutSession session = provider.createSession(order("ord_1", null));
    assertThat(session.url()).isEqualTo(stripe.url() + "/pay/" + session.id());
    assertThat(provider.eventsAfter(null)).isEmpty();

    assertThat(pay(session))
        .isEqualTo("https://shop.example/checkout/return?session_id=" + session.id());

    List<PaymentEvent> events = provider.eventsAfter(null);
    String pi = stripe.session(session.id()).orElseThrow().get("payment_intent").stringValue();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(PaymentEvent.Kind.PAID);
              assertThat(e.transactionId()).isEqualTo(pi).startsWith("pi_");
              assertThat(e.reference()).isEqualTo("ord_1");
              assertThat(e.email()).isEqualTo("alice@example.com");
              assertThat(e.amount()).isEqualTo(new Money(1250, Money.currency("USD")));
            });
    assertThat(provider.eventsAfter(events.getFirst().eventId())).isEmpty();
    assertThat(get(session.url()).body()).contains("no longer open");
  }

  @Test
  void eventsAfterACursorComeOldestFirst() throws Exception {
    for (String ref : List.of("ord_1", "ord_2", "ord_3")) {
      pay(provider.createSession(order(ref, null)));
    }
    String first = provider.eventsAfter(null).getFirst().eventId();

    assertThat(provider.eventsAfter(first))
        .extracting(PaymentEvent::reference)
        .containsExactly("ord_2", "ord_3");
  }

  @Test
  void aSubscriptionsSessionAndItsFirstInvoiceAreKeyedByTheSameInvoice() throws Exception {
    stripe.price("price_monthly", 1250, "usd", "month");

    pay(provider.createSession(order("ord_9", "price_monthly")));

    List<PaymentEvent> events = provider.eventsAfter(null);
    assertThat(events).hasSize(2);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.transactionId()).startsWith("in_");
              assertThat(e.subscriptionId()).startsWith("sub_");
              assertThat(e.reference()).isEqualTo("ord_9");
            });
    assertThat(events.get(0).transactionId()).isEqualTo(events.get(1).transactionId());
  }

  @Test
  void aChargeMadeOutsideTheCheckoutIsAPaymentButAnInvoicesOwnPaymentIntentIsNot()
      throws Exception {
    stripe.price("price_monthly", 1250, "usd", "month");
    pay(provider.createSession(order("ord_9", "price_monthly")));
    String outside = stripe.chargeOutside("Walk.In@example.com", 2000, "usd");

    List<PaymentEvent> events = provider.eventsAfter(null);

    // The session and its first invoice share the invoice's key; the invoice's own payment
    // intent is not a third payment.
    assertThat(events)
        .extracting(PaymentEvent::transactionId)
        .filteredOn(t -> t.startsWith("in_"))
        .hasSize(2);
    assertThat(events.stream().filter(e -> e.transactionId().startsWith("pi_")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.transactionId()).isEqualTo(outside);
              assertThat(e.reference()).isNull();
              assertThat(e.subscriptionId()).isNull();
              assertThat(e.email()).isEqualTo("Walk.In@example.com");
              assertThat(e.amount()).isEqualTo(new Money(2000, Money.currency("USD")));
            });
    assertThat(stripe.calls()).contains("GET /v1/invoice_payments");
  }

  @Test
  void aSubscriptionOnAnUnknownPriceIsRefusedWithStripesSentence() {
    assertThatThrownBy(() -> provider.createSession(order("ord_1", "price_nope")))
        .isInstanceOf(PaymentProviderException.class)
        .hasMessageContaining("No such price: 'price_nope'");
  }

  @Test
  void theKeysAreCheckedAgainstTheBalance() {
    assertThat(provider.test()).isEqualTo("Stripe accepts the secret key (test mode).");
    assertThatThrownBy(
            () -> new StripeProvider(stripe::url, stripe::url, () -> "sk_test_wrong", 0).test())
        .isInstanceOf(PaymentProviderException.class)
        .hasMessageStartingWith("Stripe refused the secret key");
  }

  @Test
  void theFakesWebhookSignatureIsOneTheProductAccepts() throws Exception {
    pay(provider.createSession(order("ord_1", null)));
    String body =
        stripe.events().stream()
            .filter(e -> e.contains("\"checkout.session.completed\""))
            .findFirst()
            .orElseThrow();
    String header = FakeStripe.signature(body, "whsec_x", Instant.now());

    assertThat(new StripeWebhooks(Clock.systemUTC()).verify(body, header, "whsec_x"))
        .hasValueSatisfying(e -> assertThat(e.reference()).isEqualTo("ord_1"));
    assertThatThrownBy(() -> new StripeWebhooks(Clock.systemUTC()).verify(body, header, "whsec_y"))
        .isInstanceOf(PaymentProviderException.class);
  }
}
