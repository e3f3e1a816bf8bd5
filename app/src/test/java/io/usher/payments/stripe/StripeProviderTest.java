package io.usher.payments.stripe;

import static io.usher.payments.stripe.StripeJson.event;
import static io.usher.payments.stripe.StripeJson.invoice;
import static io.usher.payments.stripe.StripeJson.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.discounts.DiscountSpec;
import io.usher.domain.money.Money;
import io.usher.domain.payments.CheckoutOrder;
import io.usher.domain.payments.CheckoutSession;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider against a fake Stripe answering in Stripe's own shapes. */
class StripeProviderTest {
  static final String KEY = "sk_test_51SecretKey9876";
  static final String CHECKOUT = "https://checkout.stripe.com";
  final MockWebServer stripe = new MockWebServer();
  String key = KEY;
  StripeProvider provider;

  @BeforeEach
  void start() throws IOException {
    stripe.start();
    String base = stripe.url("/").toString().replaceAll("/$", "");
    provider = new StripeProvider(() -> base, () -> CHECKOUT, () -> key, 0);
  }

  @AfterEach
  void stop() {
    stripe.close();
  }

  static MockResponse reply(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "req_123")
        .body(body)
        .build();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = stripe.takeRequest(2, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the fake Stripe").isNotNull();
    return r;
  }

  static Map<String, String> form(RecordedRequest r) {
    Map<String, String> out = new HashMap<>();
    for (String pair : r.getBody().utf8().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static CheckoutOrder order(String priceId) {
    return order(priceId, null);
  }

  @Test
  void theReturnAddressCarriesStripesSessionPlaceholder() {
    assertThat(
            new StripeProvider(() -> "http://unused", () -> "https://checkout.stripe.com", () -> "")
                .returnUrl("https://shop.example/checkout/return"))
        .isEqualTo("https://shop.example/checkout/return?session_id={CHECKOUT_SESSION_ID}");
  }

  static CheckoutOrder order(String priceId, DiscountSpec discount) {
    return new CheckoutOrder(
        "ord-1",
        "alice@example.com",
        "Monthly",
        new Money(1250, Money.currency("EUR")),
        priceId,
        "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}",
        "https://shop.example/",
        discount,
        null);
  }

  @Test
  void aOneTimeOrderIsAPaymentSessionWithThePriceInMinorUnits() throws Exception {
    stripe.enqueue(
        reply(
            200,
            "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"mode\":\"payment\","
                + "\"url\":\"https://checkout.stripe.com/c/pay/cs_test_1\",\"status\":\"open\"}"));

    CheckoutSession session = provider.createSession(order(null));

    assertThat(session)
        .isEqualTo(new CheckoutSession("cs_test_1", "https://checkout.stripe.com/c/pay/cs_test_1"));
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/checkout/sessions");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> f = form(r);
    assertThat(f)
        .containsEntry("mode", "payment")
        .containsEntry("line_items[0][price_data][unit_amount]", "1250")
        .containsEntry("line_items[0][price_data][currency]", "eur")
        .containsEntry("line_items[0][price_data][product_data][name]", "Monthly")
        .containsEntry("line_items[0][quantity]", "1")
        .containsEntry("client_reference_id", "ord-1")
        .containsEntry("metadata[usher_order]", "ord-1")
        .containsEntry("customer_email", "alice@example.com")
        .containsEntry("success_url", "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}")
        .containsEntry("cancel_url", "https://shop.example/")
        .doesNotContainKey("line_items[0][price]");
  }

  @Test
  void aRecurringOrderIsASubscriptionSessionOnThePlansPrice() throws Exception {
    stripe.enqueue(reply(200, "{\"id\":\"cs_test_2\",\"url\":\"https://checkout.stripe.com/2\"}"));

    provider.createSession(order("price_123"));

    Map<String, String> f = form(take());
    assertThat(f)
        .containsEntry("mode", "subscription")
        .containsEntry("line_items[0][price]", "price_123")
        .containsEntry("subscription_data[metadata][usher_order]", "ord-1")
        .containsEntry("client_reference_id", "ord-1")
        .doesNotContainKey("line_items[0][price_data][unit_amount]");
  }

  static DiscountSpec percent(String code, int off) {
    return new DiscountSpec(code, off, null, null, null, null, true);
  }

  @Test
  void aOneTimeOrderWithACodeNamesItOnTheLineWhoseAmountIsAlreadyReduced() throws Exception {
    stripe.enqueue(reply(200, "{\"id\":\"cs_test_3\",\"url\":\"https://checkout.stripe.com/3\"}"));

    provider.createSession(order(null, percent("spring20", 20)));

    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/checkout/sessions");
    assertThat(form(r))
        .containsEntry("line_items[0][price_data][unit_amount]", "1250")
        .containsEntry(
            "line_items[0][price_data][product_data][name]", "Monthly (code SPRING20: 20% off)")
        .doesNotContainKey("discounts[0][coupon]");
  }

  @Test
  void anOrderHoldingALimitedCodeAsksForAPaymentPageThatCloses() throws Exception {
    stripe.enqueue(reply(200, "{\"id\":\"cs_test_6\",\"url\":\"https://checkout.stripe.com/6\"}"));
    CheckoutOrder o = order(null, percent("FEW", 10));

    provider.createSession(
        new CheckoutOrder(
            o.reference(),
            o.email(),
            o.plan(),
            o.amount(),
            o.priceId(),
            o.successUrl(),
            o.cancelUrl(),
            o.discount(),
            Instant.ofEpochSecond(1_800_000_000L)));

    assertThat(form(take())).containsEntry("expires_at", "1800000000");
  }

  @Test
  void aSubscriptionWithACodeGetsAOnceOnlyCouponNamedAfterTheCodeAndItsValue() throws Exception {
    stripe.enqueue(reply(200, "{\"id\":\"usher_SPRING20_p20\",\"object\":\"coupon\"}"));
    stripe.enqueue(reply(200, "{\"id\":\"cs_test_4\",\"url\":\"https://checkout.stripe.com/4\"}"));

    provider.createSession(order("price_123", percent("SPRING20", 20)));

    RecordedRequest coupon = take();
    assertThat(coupon.getUrl().encodedPath()).isEqualTo("/v1/coupons");
    assertThat(form(coupon))
        .containsEntry("id", "usher_SPRING20_p20")
        .containsEntry("name", "SPRING20")
        .containsEntry("duration", "once")
        .containsEntry("percent_off", "20");
    Map<String, String> session = form(take());
    assertThat(session)
        .containsEntry("mode", "subscription")
        .containsEntry("discounts[0][coupon]", "usher_SPRING20_p20");
  }

  @Test
  void aCouponStripeAlreadyHasIsReused() throws Exception {
    stripe.enqueue(
        reply(
            400,
            "{\"error\":{\"code\":\"resource_already_exists\",\"message\":\"Coupon already"
                + " exists.\",\"type\":\"invalid_request_error\"}}"));
    stripe.enqueue(reply(200, "{\"id\":\"cs_test_5\",\"url\":\"https://checkout.stripe.com/5\"}"));

    CheckoutSession s =
        provider.createSession(
            order(
                "price_123",
                new DiscountSpec(
                    "FIVE", null, new Money(500, Money.currency("EUR")), null, null, null, true)));

    assertThat(s.id()).isEqualTo("cs_test_5");
    assertThat(form(take()))
        .containsEntry("id", "usher_FIVE_a500eur")
        .containsEntry("currency", "eur");
    assertThat(form(take())).containsEntry("discounts[0][coupon]", "usher_FIVE_a500eur");
  }

  @Test
  void aCouponStripeRefusesForAnotherReasonStopsTheCheckout() {
    stripe.enqueue(
        reply(
            400,
            "{\"error\":{\"code\":\"parameter_invalid_integer\",\"message\":\"Invalid"
                + " integer\",\"type\":\"invalid_request_error\"}}"));

    assertThatThrownBy(() -> provider.createSession(order("price_123", percent("ODD", 20))))
        .isInstanceOf(PaymentProviderException.class);
    assertThat(stripe.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withNoCursorTheRecentPageComesOldestFirstAndReduced() throws Exception {
    stripe.enqueue(
        reply(
            200,
            list(
                false,
                event(
                    "evt_3",
                    "customer.subscription.deleted",
                    1_700_000_300,
                    StripeJson.subscription("sub_1")),
                event(
                    "evt_2",
                    "invoice.paid",
                    1_700_000_200,
                    invoice("in_2", "sub_1", "bob@example.com", 1000)),
                event(
                    "evt_1",
                    "checkout.session.completed",
                    1_700_000_100,
                    StripeJson.oneTimeSession("cs_1", "pi_1", "ord-1")))));

    List<PaymentEvent> events = provider.eventsAfter(null);

    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/events");
    assertThat(r.getUrl().queryParameterValues("types[0]"))
        .containsExactly("checkout.session.completed");
    assertThat(r.getUrl().queryParameterValues("types[1]")).containsExactly("invoice.paid");
    assertThat(r.getUrl().queryParameterValues("types[2]"))
        .containsExactly("customer.subscription.deleted");
    assertThat(r.getUrl().queryParameter("ending_before")).isNull();
    assertThat(events)
        .containsExactly(
            new PaymentEvent(
                "evt_1",
                PaymentEvent.Kind.PAID,
                "pi_1",
                "ord-1",
                "Alice@Example.com",
                null,
                new Money(1250, Money.currency("USD")),
                Instant.ofEpochSecond(1_700_000_100)),
            new PaymentEvent(
                "evt_2",
                PaymentEvent.Kind.PAID,
                "in_2",
                "ord-2",
                "bob@example.com",
                "sub_1",
                new Money(1000, Money.currency("USD")),
                Instant.ofEpochSecond(1_700_000_200)),
            new PaymentEvent(
                "evt_3",
                PaymentEvent.Kind.CANCELLED,
                null,
                "ord-2",
                null,
                "sub_1",
                null,
                Instant.ofEpochSecond(1_700_000_300)));
  }

  @Test
  void afterACursorPagesTowardsTheNewestWithEndingBefore() throws Exception {
    String first = StripeJson.subscriptionSession("cs_2", "in_first", "sub_9");
    // Page 1: the two events just after evt_0, newest first, more to come.
    stripe.enqueue(
        reply(
            200,
            list(
                true,
                event("evt_b", "invoice.paid", 20, invoice("in_first", "sub_9", "b@x.io", 1000)),
                event("evt_a", "checkout.session.completed", 10, first))));
    // Page 2: the newer ones.
    stripe.enqueue(
        reply(
            200,
            list(
                false,
                event("evt_d", "invoice.paid", 40, invoice("in_3", "sub_9", "b@x.io", 1000)),
                event("evt_c", "invoice.paid", 30, invoice("in_2", "sub_9", "b@x.io", 1000)))));

    List<PaymentEvent> events = provider.eventsAfter("evt_0");

    assertThat(events)
        .extracting(PaymentEvent::eventId)
        .containsExactly("evt_a", "evt_b", "evt_c", "evt_d");
    assertThat(events)
        .extracting(PaymentEvent::transactionId)
        .containsExactly("in_first", "in_first", "in_2", "in_3");
    assertThat(events.getFirst().subscriptionId()).isEqualTo("sub_9");
    assertThat(take().getUrl().queryParameter("ending_before")).isEqualTo("evt_0");
    RecordedRequest second = take();
    assertThat(second.getUrl().queryParameter("ending_before")).isEqualTo("evt_b");
    assertThat(second.getUrl().queryParameter("starting_after")).isNull();
  }

  @Test
  void unpaidSessionsAndInvoicesOfNothingAreLeftOut() {
    String unpaid =
        StripeJson.oneTimeSession("cs_u", "pi_u", "ord-u").replace("\"paid\"", "\"unpaid\"");
    String oneTimeInvoice =
        "{\"id\":\"in_x\",\"object\":\"invoice\",\"amount_paid\":0,\"currency\":\"usd\","
            + "\"parent\":null}";
    stripe.enqueue(
        reply(
            200,
            list(
                false,
                event("evt_2", "invoice.paid", 2, oneTimeInvoice),
                event("evt_1", "checkout.session.completed", 1, unpaid))));

    assertThat(provider.eventsAfter(null)).isEmpty();
  }

  @Test
  void anOlderApiVersionsTopLevelInvoiceSubscriptionIsRead() {
    String old =
        "{\"id\":\"in_old\",\"object\":\"invoice\",\"subscription\":\"sub_old\","
            + "\"customer_email\":\"c@x.io\",\"amount_paid\":700,\"currency\":\"gbp\"}";
    stripe.enqueue(reply(200, list(false, event("evt_1", "invoice.paid", 1, old))));

    assertThat(provider.eventsAfter(null))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.subscriptionId()).isEqualTo("sub_old");
              assertThat(e.amount()).isEqualTo(new Money(700, Money.currency("GBP")));
            });
  }

  @Test
  void aRefusedKeyIsOneSentenceWithoutTheKey() {
    stripe.enqueue(
        reply(
            401,
            StripeJson.error(
                "invalid_request_error", "Invalid API Key provided: sk_test_****9876")));

    assertThatThrownBy(() -> provider.eventsAfter(null))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
              assertThat(e.passing()).isFalse();
              assertThat(e.getMessage())
                  .startsWith("Stripe refused the secret key: ")
                  .doesNotContain("9876");
            });
  }

  @Test
  void aServerErrorIsPassing() {
    stripe.enqueue(reply(500, StripeJson.error("api_error", "Something went wrong")));

    assertThatThrownBy(() -> provider.createSession(order(null)))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> {
              assertThat(e.passing()).isTrue();
              assertThat(e.getMessage()).contains("HTTP 500");
            });
  }

  @Test
  void anUnreachableStripeIsPassing() throws IOException {
    String base = stripe.url("/").toString().replaceAll("/$", "");
    stripe.close();
    StripeProvider gone = new StripeProvider(() -> base, () -> CHECKOUT, () -> KEY, 0);

    assertThatThrownBy(() -> gone.eventsAfter(null))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> {
              assertThat(e.passing()).isTrue();
              assertThat(e.getMessage())
                  .startsWith("Stripe could not be reached")
                  .doesNotContain(KEY);
            });
  }

  @Test
  void aBadRequestSaysWhatStripeSaid() {
    stripe.enqueue(
        reply(400, StripeJson.error("invalid_request_error", "No such price: 'price_nope'")));

    assertThatThrownBy(() -> provider.createSession(order("price_nope")))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.REFUSED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Stripe refused to create the checkout page (HTTP 400): No such price:"
                          + " 'price_nope'");
            });
  }

  @Test
  void noKeyMeansNotSetUpAndNoRequest() {
    key = " ";

    assertThatThrownBy(() -> provider.eventsAfter(null))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_CONFIGURED));
    assertThat(stripe.getRequestCount()).isZero();
  }

  @Test
  void testingTheKeysReadsTheBalanceAndSaysWhichMode() throws Exception {
    stripe.enqueue(
        reply(200, "{\"object\":\"balance\",\"livemode\":false,\"available\":[],\"pending\":[]}"));

    assertThat(provider.test()).isEqualTo("Stripe accepts the secret key (test mode).");
    var request = stripe.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/balance");
  }

  @Test
  void testingAWrongKeySaysSoWithoutShowingIt() {
    stripe.enqueue(
        reply(
            401,
            StripeJson.error(
                "invalid_request_error", "Invalid API Key provided: sk_test_****9876")));

    assertThatThrownBy(() -> provider.test())
        .isInstanceOf(PaymentProviderException.class)
        .hasMessageStartingWith("Stripe refused the secret key: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("9876"));
  }

  @Test
  void thePaymentPagesAreWhereTheCheckoutAddressSays() {
    assertThat(provider.pageOrigins()).containsExactly("https://checkout.stripe.com");
    assertThat(
            new StripeProvider(
                    () -> "https://api.stripe.com", () -> "https://pay.shop.example/c/", () -> KEY)
                .pageOrigins())
        .as("a custom Checkout domain, reduced to its origin")
        .containsExactly("https://pay.shop.example");
  }
}
