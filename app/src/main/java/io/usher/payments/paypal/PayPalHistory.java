package io.usher.payments.paypal;

import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentHistory;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import io.usher.http.HttpReply;
import io.usher.payments.paypal.PayPalClient.Purpose;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Money received on PayPal, read back with Transaction Search ({@code GET
 * /v1/reporting/transactions}): payments made outside Usher's checkout, subscription renewals and
 * Orders captures alike, keyed by PayPal's transaction id.
 */
public final class PayPalHistory implements PaymentHistory {
  private static final Logger LOG = LoggerFactory.getLogger(PayPalHistory.class);

  /** PayPal refuses a search whose start and end are further apart. */
  static final Duration WINDOW = Duration.ofDays(31);

  /** PayPal's largest page. */
  static final int PAGE_SIZE = 500;

  private static final Purpose SEARCH =
      new Purpose("searching its transactions", "Usher tries again at the next sync");
  private static final Purpose TEST =
      new Purpose("checking the keys", "try again in a few minutes");

  /** The answer for a search that starts after the newest data PayPal's reports hold yet. */
  private static final String NOT_YET = "not available";

  private final PayPalClient client;
  private final PayPalSubscriptions subscriptions;

  public PayPalHistory(PayPalClient client) {
    this.client = client;
    this.subscriptions = new PayPalSubscriptions(client);
  }

  /** Only PayPal's own subscriptions (I-…) are asked about; Stripe's sub_… are not PayPal's. */
  @Override
  public Optional<PaymentEvent> ended(String subscriptionId) {
    if (subscriptionId == null || !subscriptionId.startsWith("I-")) {
      return Optional.empty();
    }
    PayPalSubscriptions.State state = subscriptions.read(subscriptionId);
    if (!state.ended()) {
      return Optional.empty();
    }
    return Optional.of(
        new PaymentEvent(
            "paypal:" + subscriptionId + ":" + state.status(),
            PaymentEvent.Kind.CANCELLED,
            subscriptionId,
            state.reference(),
            state.email(),
            subscriptionId,
            null,
            client.clock().instant()));
  }

  /**
   * Reads the range in windows of at most 31 days, each to its last page. Which transactions a
   * window holds is PayPal's decision: one it lists with an initiation time just outside the range
   * is kept, not dropped, since the ledger keys on the transaction id and dropping it could lose a
   * payment for good; a transaction listed twice (at a window's edge, or once balance affecting and
   * once not, which PayPal documents) comes back once.
   */
  @Override
  public List<PaymentEvent> paidBetween(Instant from, Instant to) {
    Instant start = from.truncatedTo(ChronoUnit.SECONDS);
    Instant end = ceiling(to);
    Map<String, PaymentEvent> paid = new LinkedHashMap<>();
    while (start.isBefore(end)) {
      Instant windowEnd = start.plus(WINDOW).isBefore(end) ? start.plus(WINDOW) : end;
      for (int page = 1, pages = 1; page <= pages; page++) {
        JsonNode answer = search(start, windowEnd, page, PAGE_SIZE, "all", SEARCH);
        if (answer == null) {
          break;
        }
        for (JsonNode detail : answer.path("transaction_details")) {
          paid(detail).ifPresent(event -> paid.putIfAbsent(event.transactionId(), event));
        }
        pages = answer.path("total_pages").asInt(1);
      }
      start = windowEnd;
    }
    List<PaymentEvent> oldestFirst = new ArrayList<>(paid.values());
    oldestFirst.sort(
        Comparator.comparing(PaymentEvent::at).thenComparing(PaymentEvent::transactionId));
    return oldestFirst;
  }

  @Override
  public String test() {
    Instant now = client.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    search(now.minus(Duration.ofDays(1)), now, 1, 1, "transaction_info", TEST);
    return "PayPal answered: the keys work (" + (client.sandbox() ? "sandbox" : "live") + ").";
  }

  /**
   * One page of a search; null when PayPal has no data for the window yet (its reports lag up to
   * three hours behind, and it refuses a start after the newest data rather than listing nothing).
   */
  private JsonNode search(
      Instant start, Instant end, int page, int pageSize, String fields, Purpose purpose) {
    HttpUrl url =
        client
            .url("v1", "reporting", "transactions")
            .addQueryParameter("start_date", start.toString())
            .addQueryParameter("end_date", end.toString())
            .addQueryParameter("fields", fields)
            .addQueryParameter("page_size", Integer.toString(pageSize))
            .addQueryParameter("page", Integer.toString(page))
            .build();
    HttpReply reply = client.get(url, purpose);
    if (reply.code() == 400 && client.text(reply, "message").contains(NOT_YET)) {
      LOG.info("PayPal has no report data yet from {}; read again later", start);
      return null;
    }
    if (!reply.ok()) {
      throw client.failure(reply, purpose);
    }
    return client.read(reply, purpose);
  }

  /**
   * A transaction as a PAID event, if it is money received. Only event codes T00nn count: they are
   * PayPal-account payments (checkout, subscriptions, "send money", website payments…), and within
   * them a positive gross is money received, a negative one money sent; every other group is not a
   * customer paying (T03 bank deposits, T02 currency conversions and T07 funding are positive too,
   * T11 reversals and T12 adjustments move money back). Only status S counts: P may still be denied
   * and V was refunded.
   */
  static Optional<PaymentEvent> paid(JsonNode detail) {
    JsonNode info = detail.path("transaction_info");
    String id = info.path("transaction_id").asString("");
    String code = info.path("transaction_event_code").asString("");
    String status = info.path("transaction_status").asString("");
    JsonNode gross = info.path("transaction_amount");
    String value = gross.path("value").asString("").strip();
    if (id.isBlank() || !code.startsWith("T00") || !"S".equals(status) || !positive(value)) {
      return Optional.empty();
    }
    Money amount;
    try {
      amount = Money.parse(value, Money.currency(gross.path("currency_code").asString("")));
    } catch (ValidationException e) {
      throw new PaymentProviderException(
          Kind.REFUSED,
          "PayPal listed transaction "
              + id
              + " with an amount Usher cannot read ("
              + value
              + " "
              + gross.path("currency_code").asString("")
              + ").");
    }
    Instant at = PayPalClient.time(info.path("transaction_initiation_date"));
    if (at == null) {
      throw new PaymentProviderException(
          Kind.REFUSED, "PayPal listed transaction " + id + " without a time Usher can read.");
    }
    String subscription =
        "SUB".equals(info.path("paypal_reference_id_type").asString(""))
            ? blankToNull(info.path("paypal_reference_id").asString(""))
            : null;
    return Optional.of(
        new PaymentEvent(
            "paypal:" + id,
            PaymentEvent.Kind.PAID,
            id,
            blankToNull(info.path("custom_field").asString("")),
            blankToNull(detail.path("payer_info").path("email_address").asString("")),
            subscription,
            amount,
            at));
  }

  private static boolean positive(String value) {
    try {
      return !value.isEmpty() && new BigDecimal(value).signum() > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Instant ceiling(Instant instant) {
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    return seconds.equals(instant) ? seconds : seconds.plusSeconds(1);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
