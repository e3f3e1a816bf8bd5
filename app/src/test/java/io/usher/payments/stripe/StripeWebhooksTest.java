package io.usher.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StripeWebhooksTest {
  static final String SECRET = "whsec_test_secret";
  static final long NOW = 1_800_000_000L;
  final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  final StripeWebhooks webhooks = new StripeWebhooks(java.time.Clock.systemUTC());
  final String body =
      StripeJson.event(
          "evt_w1",
          "checkout.session.completed",
          NOW - 5,
          StripeJson.oneTimeSession("cs_1", "pi_1", "ord-1"));

  static String header(String payload, String secret, long at) throws Exception {
    return Webhook.Signature.generateSignatureHeader(payload, secret, at);
  }

  @Test
  void aGenuineEventIsReducedLikePolling() throws Exception {
    PaymentEvent e =
        webhooks.parse(body, header(body, SECRET, NOW - 10), SECRET, clock).orElseThrow();

    assertThat(e.eventId()).isEqualTo("evt_w1");
    assertThat(e.kind()).isEqualTo(PaymentEvent.Kind.PAID);
    assertThat(e.transactionId()).isEqualTo("pi_1");
    assertThat(e.reference()).isEqualTo("ord-1");
  }

  @Test
  void anInvoiceTheOwnerSentByHandIsAPaymentKeyedByTheInvoice() throws Exception {
    String manual =
        StripeJson.event(
            "evt_m1",
            "invoice.paid",
            NOW - 5,
            StripeJson.manualInvoice("in_manual_1", "Dora@Example.com", 1250));
    String nothing =
        StripeJson.event(
            "evt_m2", "invoice.paid", NOW - 5, StripeJson.manualInvoice("in_zero", "d@x.com", 0));

    PaymentEvent e =
        webhooks.parse(manual, header(manual, SECRET, NOW), SECRET, clock).orElseThrow();

    assertThat(e.transactionId()).isEqualTo("in_manual_1");
    assertThat(e.subscriptionId()).isNull();
    assertThat(e.email()).isEqualTo("Dora@Example.com");
    assertThat(e.amount().toDecimalString()).isEqualTo("12.50");
    assertThat(webhooks.parse(nothing, header(nothing, SECRET, NOW), SECRET, clock)).isEmpty();
  }

  @Test
  void anyMatchingV1SignatureIsEnoughDuringSecretRotation() throws Exception {
    String good = header(body, SECRET, NOW);
    String old = header(body, "whsec_old", NOW);
    String both = old + ",v1=" + good.substring(good.indexOf("v1=") + 3);

    assertThat(webhooks.parse(body, both, SECRET, clock)).isPresent();
  }

  @Test
  void aForgedSignatureIsRefused() throws Exception {
    assertRefused(body, header(body, "whsec_someone_else", NOW), "does not match");
  }

  @Test
  void aTamperedBodyIsRefused() throws Exception {
    String header = header(body, SECRET, NOW);
    assertRefused(body.replace("pi_1", "pi_evil"), header, "does not match");
  }

  @Test
  void aReplayOlderThanFiveMinutesIsRefused() throws Exception {
    assertRefused(body, header(body, SECRET, NOW - 301), "too old");
  }

  @Test
  void aSignatureDatedMoreThanFiveMinutesAheadIsRefusedAndOneWithinIsTaken() throws Exception {
    assertRefused(body, header(body, SECRET, NOW + 301), "dated in the future");
    assertRefused(body, header(body, SECRET, NOW + 86_400), "dated in the future");

    assertThat(webhooks.parse(body, header(body, SECRET, NOW + 300), SECRET, clock)).isPresent();
  }

  @Test
  void garbageIsRefused() throws Exception {
    assertRefused(body, "nonsense", "does not match");
    assertRefused(body, null, "no Stripe-Signature");
    String notJson = "this is not json";
    assertRefused(notJson, header(notJson, SECRET, NOW), "not a Stripe event");
  }

  @Test
  void aGenuineEventTheLedgerIgnoresIsEmpty() throws Exception {
    String other = StripeJson.event("evt_x", "customer.created", NOW, "{\"id\":\"cus_1\"}");
    assertThat(webhooks.parse(other, header(other, SECRET, NOW), SECRET, clock)).isEmpty();
  }

  @Test
  void noSecretMeansNotSetUp() {
    assertThatThrownBy(() -> webhooks.parse(body, "t=1,v1=00", "", clock))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_CONFIGURED));
  }

  void assertRefused(String payload, String header, String why) {
    assertThatThrownBy(() -> webhooks.parse(payload, header, SECRET, clock))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.BAD_SIGNATURE);
              assertThat(e.getMessage()).startsWith("Usher refused a Stripe webhook").contains(why);
            });
  }
}
