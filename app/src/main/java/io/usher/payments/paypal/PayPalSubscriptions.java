package io.usher.payments.paypal;

import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import io.usher.http.HttpReply;
import io.usher.payments.paypal.PayPalClient.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PayPal Subscriptions v1 for plans that renew through PayPal: a subscription on the owner's PayPal
 * plan (P-…) that the customer approves on PayPal's page; PayPal then charges each period by
 * itself. The first payment is read from the subscription's transactions when the customer comes
 * back, and every payment (renewals too) from Transaction Search, where it carries the subscription
 * id (I-…) that matches it to its user.
 */
public final class PayPalSubscriptions {
  private static final Purpose CREATE =
      new Purpose("creating the PayPal subscription", "try again in a few minutes");
  private static final Purpose READ =
      new Purpose("reading the PayPal subscription", "try again in a few minutes");

  /** Statuses after which PayPal charges no more. */
  static final Set<String> ENDED = Set.of("CANCELLED", "SUSPENDED", "EXPIRED");

  private final PayPalClient client;

  public PayPalSubscriptions(PayPalClient client) {
    this.client = client;
  }

  /** A created subscription and the PayPal page where the customer approves it. */
  public record Created(String subscriptionId, String approveUrl) {}

  /**
   * Creates a subscription on {@code planId} tagged with Usher's reference ({@code custom_id},
   * which Transaction Search shows as {@code custom_field} on each of its payments); the reference
   * is the idempotency key, so a retried create gives the same subscription.
   */
  public Created create(
      String reference, String planId, String email, String returnUrl, String cancelUrl) {
    ObjectNode body =
        client.http().json().createObjectNode().put("plan_id", planId).put("custom_id", reference);
    if (email != null) {
      body.putObject("subscriber").put("email_address", email);
    }
    body.putObject("application_context")
        .put("return_url", returnUrl)
        .put("cancel_url", cancelUrl)
        // The customer subscribes on PayPal's page at once, and nothing is shipped.
        .put("user_action", "SUBSCRIBE_NOW")
        .put("shipping_preference", "NO_SHIPPING");
    HttpReply reply =
        client.post(
            client.url("v1", "billing", "subscriptions").build(),
            client.http().json().writeValueAsString(body),
            reference,
            CREATE);
    if (reply.code() == 422 || reply.code() == 404) {
      throw new PaymentProviderException(
          Kind.REFUSED,
          "PayPal refused the subscription on plan "
              + planId
              + " ("
              + client.issue(reply)
              + "): check the plan's PayPal plan id, and that the plan is active in PayPal.");
    }
    if (!reply.ok()) {
      throw client.failure(reply, CREATE);
    }
    JsonNode created = client.read(reply, CREATE);
    String id = created.path("id").asString("");
    String approve = "";
    for (JsonNode link : created.path("links")) {
      if ("approve".equals(link.path("rel").asString(""))) {
        approve = link.path("href").asString("");
      }
    }
    if (id.isBlank() || approve.isBlank()) {
      throw PayPalClient.unreadable(CREATE, null);
    }
    return new Created(id, approve);
  }

  /** A subscription as PayPal reports it. */
  public record State(String id, String status, String reference, String email, Instant start) {
    public boolean ended() {
      return ENDED.contains(status);
    }
  }

  public State read(String subscriptionId) {
    HttpReply reply =
        client.get(client.url("v1", "billing", "subscriptions", subscriptionId).build(), READ);
    if (reply.code() == 404) {
      throw new PaymentProviderException(
          Kind.REFUSED, "PayPal does not know the subscription " + subscriptionId + ".");
    }
    if (!reply.ok()) {
      throw client.failure(reply, READ);
    }
    JsonNode s = client.read(reply, READ);
    return new State(
        s.path("id").asString(subscriptionId),
        s.path("status").asString(""),
        blankToNull(s.path("custom_id").asString("")),
        blankToNull(s.path("subscriber").path("email_address").asString("")),
        PayPalClient.time(s.path("start_time")));
  }

  /**
   * The subscription's first completed payment, once PayPal has taken it: what the return page
   * records at once. Empty while the subscription waits for approval or the payment is pending;
   * Transaction Search brings it later then.
   */
  public Optional<PaymentEvent> firstPayment(String subscriptionId) {
    State state = read(subscriptionId);
    if (!"ACTIVE".equals(state.status())) {
      return Optional.empty();
    }
    Instant now = client.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Instant from = (state.start() == null ? now : state.start()).minus(Duration.ofDays(1));
    HttpReply reply =
        client.get(
            client
                .url("v1", "billing", "subscriptions", subscriptionId, "transactions")
                .addQueryParameter("start_time", from.toString())
                .addQueryParameter("end_time", now.plus(Duration.ofDays(1)).toString())
                .build(),
            READ);
    if (!reply.ok()) {
      throw client.failure(reply, READ);
    }
    for (JsonNode t : client.read(reply, READ).path("transactions")) {
      if (!"COMPLETED".equals(t.path("status").asString(""))) {
        continue;
      }
      String id = t.path("id").asString("");
      JsonNode gross = t.path("amount_with_breakdown").path("gross_amount");
      Money amount;
      try {
        amount =
            Money.parse(
                gross.path("value").asString(""),
                Money.currency(gross.path("currency_code").asString("")));
      } catch (ValidationException e) {
        throw PayPalClient.unreadable(READ, e);
      }
      if (id.isBlank()) {
        throw PayPalClient.unreadable(READ, null);
      }
      String email = blankToNull(t.path("payer_email").asString(""));
      return Optional.of(
          new PaymentEvent(
              "paypal:" + id,
              PaymentEvent.Kind.PAID,
              id,
              state.reference(),
              email != null ? email : state.email(),
              subscriptionId,
              amount,
              PayPalClient.time(t.path("time"))));
    }
    return Optional.empty();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
