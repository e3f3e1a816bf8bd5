package io.usher.payments.stripe;

import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reduction of a Stripe event to a {@link PaymentEvent}, shared by polling and the webhook. The
 * event's object is read as raw JSON, not through the SDK's typed models, because Stripe renders
 * each event in the API version current when it was created: an invoice's subscription is at {@code
 * parent.subscription_details.subscription} now and at top-level {@code subscription} in older
 * versions; both are read.
 */
final class StripeEvents {
  static final String SESSION_COMPLETED = "checkout.session.completed";
  static final String INVOICE_PAID = "invoice.paid";
  static final String SUBSCRIPTION_DELETED = "customer.subscription.deleted";
  static final String PAYMENT_SUCCEEDED = "payment_intent.succeeded";

  /**
   * What polling asks for. {@link #PAYMENT_SUCCEEDED} only there: whether a payment intent pays an
   * invoice takes a request to Stripe ({@link #payment}), which the webhook does not make; polling
   * reads every event anyway, so the webhook leaves those to it.
   */
  static final List<String> TYPES =
      List.of(SESSION_COMPLETED, INVOICE_PAID, SUBSCRIPTION_DELETED, PAYMENT_SUCCEEDED);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StripeEvents() {}

  /**
   * @param object the event's {@code data.object} as JSON
   * @return empty for events the ledger does not act on: an unpaid session, an invoice of nothing
   *     (no subscription and 0 paid)
   */
  static Optional<PaymentEvent> reduce(String eventId, String type, long created, String object) {
    JsonNode o = JSON.readTree(object);
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Instant at = Instant.ofEpochSecond(created);
    return switch (type) {
      case SESSION_COMPLETED -> session(eventId, o, at);
      case INVOICE_PAID -> invoice(eventId, o, at);
      case SUBSCRIPTION_DELETED ->
          Optional.of(
              new PaymentEvent(
                  eventId,
                  PaymentEvent.Kind.CANCELLED,
                  null,
                  metadata(o, "usher_order"),
                  null,
                  text(o, "id"),
                  null,
                  at));
      default -> Optional.empty();
    };
  }

  /**
   * A payment made outside Usher's checkout and outside any invoice (a charge in the dashboard, an
   * API payment): a PAID event keyed by the payment intent. Left out are intents of Usher's own
   * checkout (their session's event records them, with the order), unsucceeded ones, and those an
   * older API version names the invoice of; whether a newer one pays an invoice is the caller's
   * question to Stripe.
   */
  static Optional<PaymentEvent> payment(String eventId, long created, String object) {
    JsonNode p = JSON.readTree(object);
    if (p == null || !p.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!"succeeded".equals(text(p, "status"))
        || metadata(p, "usher_order") != null
        || id(p, "invoice") != null) {
      return Optional.empty();
    }
    Money received = money(p, "amount_received");
    String id = text(p, "id");
    if (id == null || received == null || received.minor() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PaymentEvent(
            eventId,
            PaymentEvent.Kind.PAID,
            id,
            null,
            text(p, "receipt_email"),
            null,
            received,
            Instant.ofEpochSecond(created)));
  }

  private static Optional<PaymentEvent> session(String eventId, JsonNode s, Instant at) {
    if (!"paid".equals(text(s, "payment_status"))) {
      return Optional.empty();
    }
    boolean subscription = "subscription".equals(text(s, "mode"));
    String txn = subscription ? id(s, "invoice") : id(s, "payment_intent");
    if (txn == null) {
      return Optional.empty();
    }
    String reference = text(s, "client_reference_id");
    if (reference == null) {
      reference = metadata(s, "usher_order");
    }
    String email = s.has("customer_details") ? text(object(s, "customer_details"), "email") : null;
    if (email == null) {
      email = text(s, "customer_email");
    }
    return Optional.of(
        new PaymentEvent(
            eventId,
            PaymentEvent.Kind.PAID,
            txn,
            reference,
            email,
            subscription ? id(s, "subscription") : null,
            money(s, "amount_total"),
            at));
  }

  private static Optional<PaymentEvent> invoice(String eventId, JsonNode i, Instant at) {
    JsonNode details = object(object(i, "parent"), "subscription_details");
    String subscription = details == null ? null : id(details, "subscription");
    if (subscription == null) {
      subscription = id(i, "subscription");
    }
    Money paid = money(i, "amount_paid");
    if (subscription == null && (paid == null || paid.minor() == 0)) {
      return Optional.empty();
    }
    String reference = details == null ? null : metadata(details, "usher_order");
    if (reference == null) {
      reference = metadata(object(i, "subscription_details"), "usher_order");
    }
    if (reference == null) {
      reference = metadata(i, "usher_order");
    }
    // Usher's checkout creates no invoice for a one-time payment (that is keyed by its payment
    // intent), so an invoice without a subscription is one the owner sent from Stripe by hand.
    return Optional.of(
        new PaymentEvent(
            eventId,
            PaymentEvent.Kind.PAID,
            text(i, "id"),
            reference,
            text(i, "customer_email"),
            subscription,
            paid,
            at));
  }

  private static Money money(JsonNode o, String field) {
    String currency = text(o, "currency");
    JsonNode amount = o.get(field);
    if (currency == null || amount == null || !amount.isNumber()) {
      return null;
    }
    return new Money(amount.asLong(), Money.currency(currency.toUpperCase(Locale.ROOT)));
  }

  private static String metadata(JsonNode o, String key) {
    return o == null ? null : text(object(o, "metadata"), key);
  }

  /** A field that is an id, or an expanded object carrying one. */
  private static String id(JsonNode o, String field) {
    JsonNode e = o.get(field);
    if (e != null && e.isObject()) {
      return text(e, "id");
    }
    return text(o, field);
  }

  private static JsonNode object(JsonNode o, String field) {
    if (o == null) {
      return null;
    }
    JsonNode e = o.get(field);
    return e != null && e.isObject() ? e : null;
  }

  private static String text(JsonNode o, String field) {
    if (o == null) {
      return null;
    }
    JsonNode e = o.get(field);
    if (e == null || !e.isString()) {
      return null;
    }
    String s = e.stringValue();
    return s.isBlank() ? null : s;
  }
}
