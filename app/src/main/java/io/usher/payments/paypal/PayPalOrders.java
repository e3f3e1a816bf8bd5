package io.usher.payments.paypal;

import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import io.usher.http.HttpReply;
import io.usher.payments.paypal.PayPalClient.Purpose;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PayPal Orders v2 for Usher's checkout: an order the customer approves on PayPal's page, then its
 * capture, which is when money moves. Both calls carry a PayPal-Request-Id, so a retry after a lost
 * answer returns the first result instead of creating or charging twice.
 */
public final class PayPalOrders {
  /** PayPal's limit on a purchase unit's description. */
  static final int MAX_DESCRIPTION = 127;

  private static final Purpose CREATE =
      new Purpose("creating the PayPal order", "try again in a few minutes");
  private static final Purpose CAPTURE =
      new Purpose("taking the PayPal payment", "try again in a few minutes");
  private static final Purpose READ =
      new Purpose("reading the PayPal order", "try again in a few minutes");

  private final PayPalClient client;

  public PayPalOrders(PayPalClient client) {
    this.client = client;
  }

  /** A created order and the PayPal page where the customer approves it. */
  public record Created(String orderId, String status, String approveUrl) {}

  /**
   * A captured order.
   *
   * @param captureId the capture's id: the transaction id Transaction Search lists it under, so the
   *     ledger's key for this payment
   * @param status the capture's status: COMPLETED is money received; PENDING may still fail
   * @param reference the order's {@code custom_id}, which is Usher's reference
   * @param at when PayPal made the capture; null if it did not say
   */
  public record Captured(
      String orderId,
      String captureId,
      String status,
      Money amount,
      String email,
      String reference,
      Instant at) {}

  /**
   * Creates an order for one purchase unit tagged with Usher's reference ({@code reference_id} and
   * {@code custom_id}; the latter is what Transaction Search shows as {@code custom_field}). The
   * reference is also the idempotency key, so creating the same order twice gives the same order.
   */
  public Created create(
      String reference, Money amount, String description, String returnUrl, String cancelUrl) {
    String text = description == null ? "" : description.strip();
    if (text.length() > MAX_DESCRIPTION) {
      text = text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
    ObjectNode order = client.http().json().createObjectNode().put("intent", "CAPTURE");
    ObjectNode unit =
        order
            .putArray("purchase_units")
            .addObject()
            .put("reference_id", reference)
            .put("custom_id", reference);
    if (!text.isEmpty()) {
      unit.put("description", text);
    }
    unit.putObject("amount")
        .put("currency_code", amount.currency().getCurrencyCode())
        .put("value", amount.toDecimalString());
    order
        .putObject("payment_source")
        .putObject("paypal")
        .putObject("experience_context")
        .put("return_url", returnUrl)
        .put("cancel_url", cancelUrl)
        // The customer pays on PayPal's page (Pay Now) and nothing is shipped.
        .put("user_action", "PAY_NOW")
        .put("shipping_preference", "NO_SHIPPING");
    HttpReply reply =
        client.post(
            client.url("v2", "checkout", "orders").build(),
            client.http().json().writeValueAsString(order),
            reference,
            CREATE);
    if (!reply.ok()) {
      throw client.failure(reply, CREATE);
    }
    JsonNode created = client.read(reply, CREATE);
    String id = created.path("id").asString("");
    String approve = "";
    // With payment_source.paypal the link is payer-action; orders made without it say approve.
    for (JsonNode link : created.path("links")) {
      String rel = link.path("rel").asString("");
      if (rel.equals("payer-action") || (rel.equals("approve") && approve.isEmpty())) {
        approve = link.path("href").asString("");
      }
    }
    if (id.isBlank() || approve.isBlank()) {
      throw PayPalClient.unreadable(CREATE, null);
    }
    return new Created(id, created.path("status").asString(""), approve);
  }

  /**
   * Captures an approved order. Capturing an order already captured returns that capture, so the
   * return from PayPal's page may be handled more than once.
   */
  public Captured capture(String orderId) {
    HttpReply reply =
        client.post(
            client.url("v2", "checkout", "orders", orderId, "capture").build(),
            "{}",
            "capture-" + orderId,
            CAPTURE);
    if (reply.ok()) {
      return captured(client.read(reply, CAPTURE), CAPTURE);
    }
    String issue = client.issue(reply);
    if (reply.code() == 422) {
      switch (issue) {
        case "ORDER_ALREADY_CAPTURED" -> {
          return read(orderId);
        }
        case "ORDER_NOT_APPROVED" ->
            throw new PaymentProviderException(
                Kind.REFUSED,
                "The customer has not approved the PayPal payment yet: they finish on PayPal's"
                    + " page first.");
        case "INSTRUMENT_DECLINED" ->
            throw new PaymentProviderException(
                Kind.CUSTOMER_DATA,
                "PayPal declined the customer's payment method: they can choose another one on"
                    + " PayPal's page.");
        default -> {}
      }
    }
    if (reply.code() == 404) {
      throw new PaymentProviderException(
          Kind.REFUSED, "PayPal does not know the order " + orderId + ".");
    }
    throw client.failure(reply, CAPTURE);
  }

  private Captured read(String orderId) {
    HttpReply reply = client.get(client.url("v2", "checkout", "orders", orderId).build(), READ);
    if (!reply.ok()) {
      throw client.failure(reply, READ);
    }
    return captured(client.read(reply, READ), READ);
  }

  private static Captured captured(JsonNode order, Purpose purpose) {
    JsonNode unit = order.path("purchase_units").path(0);
    JsonNode capture = unit.path("payments").path("captures").path(0);
    String id = capture.path("id").asString("");
    JsonNode gross = capture.path("amount");
    if (id.isBlank()) {
      throw PayPalClient.unreadable(purpose, null);
    }
    Money amount;
    try {
      amount =
          Money.parse(
              gross.path("value").asString(""),
              Money.currency(gross.path("currency_code").asString("")));
    } catch (ValidationException e) {
      throw PayPalClient.unreadable(purpose, e);
    }
    String email = order.path("payer").path("email_address").asString("");
    if (email.isBlank()) {
      email = order.path("payment_source").path("paypal").path("email_address").asString("");
    }
    String reference = capture.path("custom_id").asString("");
    if (reference.isBlank()) {
      reference = unit.path("custom_id").asString("");
    }
    return new Captured(
        order.path("id").asString(""),
        id,
        capture.path("status").asString(""),
        amount,
        email.isBlank() ? null : email,
        reference.isBlank() ? null : reference,
        PayPalClient.time(capture.path("create_time")));
  }
}
