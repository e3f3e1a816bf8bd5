package io.usher.payments.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.http.Http;
import io.usher.payments.paypal.PayPalOrders.Captured;
import io.usher.payments.paypal.PayPalOrders.Created;
import io.usher.testing.FakePayPal;
import io.usher.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/** The checkout's PayPal orders: created once per reference, captured once however often asked. */
class PayPalOrdersTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Money FIFTEEN = new Money(1500, Money.currency("USD"));

  @StartStop final MockWebServer server = new MockWebServer();
  final FakePayPal paypal = new FakePayPal(server);
  final PayPalClient client =
      new PayPalClient(
          new Http(
              new OkHttpClient.Builder().build(),
              JSON,
              XmlMapper.builder().build(),
              d -> {},
              new Random(1)),
          paypal::url,
          () -> FakePayPal.CLIENT_ID,
          () -> FakePayPal.SECRET,
          new MutableClock(NOW),
          d -> {});
  final PayPalOrders orders = new PayPalOrders(client);

  Created create() {
    return orders.create(
        "ord_7f3e91",
        FIFTEEN,
        "Usher Premium, 1 month",
        "https://pay.example.com/paypal/return?order=ord_7f3e91",
        "https://pay.example.com/paypal/cancel?order=ord_7f3e91");
  }

  List<RecordedRequest> calls(String path) {
    return paypal.requests().stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
  }

  @Test
  void anOrderIsCreatedWithTheReferenceAsIdempotencyKeyAndGivesTheApprovalPage() {
    Created created = create();

    assertThat(created.approveUrl())
        .isEqualTo("https://www.sandbox.paypal.com/checkoutnow?token=" + created.orderId());
    assertThat(created.status()).isEqualTo("PAYER_ACTION_REQUIRED");
    RecordedRequest request = calls("/v2/checkout/orders").getFirst();
    assertThat(request.getHeaders().get("PayPal-Request-Id")).isEqualTo("ord_7f3e91");
    assertThat(request.getHeaders().get("Prefer")).isEqualTo("return=representation");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(request.getBody().utf8());
    assertThat(body.path("intent").asString()).isEqualTo("CAPTURE");
    JsonNode unit = body.path("purchase_units").path(0);
    assertThat(unit.path("reference_id").asString()).isEqualTo("ord_7f3e91");
    assertThat(unit.path("custom_id").asString()).isEqualTo("ord_7f3e91");
    assertThat(unit.path("description").asString()).isEqualTo("Usher Premium, 1 month");
    assertThat(unit.path("amount").path("currency_code").asString()).isEqualTo("USD");
    assertThat(unit.path("amount").path("value").asString()).isEqualTo("15.00");
    JsonNode context = body.path("payment_source").path("paypal").path("experience_context");
    assertThat(context.path("return_url").asString())
        .isEqualTo("https://pay.example.com/paypal/return?order=ord_7f3e91");
    assertThat(context.path("cancel_url").asString())
        .isEqualTo("https://pay.example.com/paypal/cancel?order=ord_7f3e91");
  }

  @Test
  void creatingTheSameReferenceAgainGivesTheSameOrder() {
    Created first = create();
    paypal.failNext(503);

    Created again = create();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void capturingBeforeTheCustomerApprovedSaysSo() {
    Created created = create();

    assertThatThrownBy(() -> orders.capture(created.orderId()))
        .isInstanceOfSatisfying(
            PaymentProviderException.class, e -> assertThat(e.passing()).isFalse())
        .hasMessage(
            "The customer has not approved the PayPal payment yet: they finish on PayPal's page"
                + " first.");
  }

  @Test
  void anApprovedOrderIsCapturedWithTheCaptureIdTheLedgerKeysOn() {
    Created created = create();
    paypal.approve(created.orderId(), "ann@example.com");

    Captured captured = orders.capture(created.orderId());

    assertThat(captured.orderId()).isEqualTo(created.orderId());
    assertThat(captured.captureId()).matches("[0-9A-Z]{17}");
    assertThat(captured.status()).isEqualTo("COMPLETED");
    assertThat(captured.amount()).isEqualTo(FIFTEEN);
    assertThat(captured.email()).isEqualTo("ann@example.com");
    assertThat(captured.reference()).isEqualTo("ord_7f3e91");
    assertThat(captured.at()).isEqualTo(Instant.parse("2026-11-20T10:05:31Z"));
    RecordedRequest request =
        calls("/v2/checkout/orders/" + created.orderId() + "/capture").getFirst();
    assertThat(request.getHeaders().get("PayPal-Request-Id"))
        .isEqualTo("capture-" + created.orderId());
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
  }

  @Test
  void capturingTwiceGivesTheSameCapture() {
    Created created = create();
    paypal.approve(created.orderId(), "ann@example.com");
    Captured first = orders.capture(created.orderId());

    Captured replayed = orders.capture(created.orderId());
    paypal.forgetRequestIds();
    Captured afterHours = orders.capture(created.orderId());

    assertThat(replayed).isEqualTo(first);
    assertThat(afterHours).isEqualTo(first);
    assertThat(calls("/v2/checkout/orders/" + created.orderId())).hasSize(1);
  }

  @Test
  void theCaptureIsWhatTransactionSearchListsLater() {
    Created created = create();
    paypal.approve(created.orderId(), "ann@example.com");
    Captured captured = orders.capture(created.orderId());

    List<PaymentEvent> paid =
        new PayPalHistory(client).paidBetween(NOW.minus(Duration.ofDays(1)), NOW);

    assertThat(paid)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.transactionId()).isEqualTo(captured.captureId());
              assertThat(e.reference()).isEqualTo("ord_7f3e91");
              assertThat(e.amount()).isEqualTo(FIFTEEN);
            });
  }

  @Test
  void anUnknownOrderIsNamed() {
    create();

    assertThatThrownBy(() -> orders.capture("0VF52814937998046"))
        .isInstanceOf(PaymentProviderException.class)
        .hasMessage("PayPal does not know the order 0VF52814937998046.");
  }
}
