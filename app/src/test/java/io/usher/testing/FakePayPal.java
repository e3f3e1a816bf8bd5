package io.usher.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PayPal's REST API on one local MockWebServer, in the wire shapes of PayPal's OpenAPI specs: the
 * OAuth2 token (HTTP Basic client id and secret, form body), Transaction Search (31-day limit,
 * pages, PayPal's {@code +0000} offsets in answers) and Orders v2 (create, approve, capture, get,
 * with PayPal-Request-Id replay). It keeps state: a captured order is listed by Transaction Search
 * under its capture id, as PayPal does.
 */
public final class FakePayPal extends Dispatcher {
  public static final String CLIENT_ID = "AbXq3-client-id-7Tz";
  public static final String SECRET = "EJk9-secret-Qm2v";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** PayPal's spec pattern for start_date and end_date: RFC 3339 with seconds, Z or +HH:MM. */
  private static final Pattern RFC3339 =
      Pattern.compile(
          "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])[Tt]([0-1][0-9]|2[0-3]):[0-5][0-9]"
              + ":([0-5][0-9]|60)([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$");

  /** How Transaction Search writes times: the account's offset, without a colon. */
  private static final DateTimeFormatter LISTED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");

  private final MockWebServer server;
  private final List<Txn> transactions = new ArrayList<>();
  private final Set<String> tokens = new HashSet<>();
  private final Deque<MockResponse> failures = new ArrayDeque<>();
  private final Map<String, ObjectNode> orders = new LinkedHashMap<>();
  private final Map<String, ObjectNode> plans = new LinkedHashMap<>();
  private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
  private final Map<String, String> replies = new HashMap<>();
  private final List<String> searches = new ArrayList<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private long expiresIn = 32_400;
  private int tokenFetches;
  private int issued;

  public FakePayPal(MockWebServer server) {
    this.server = server;
    server.setDispatcher(this);
  }

  /** The API base, as the paypal.api-url setting holds it (no trailing slash). */
  public String url() {
    return server.url("/").toString().replaceAll("/$", "");
  }

  /** A transaction as Transaction Search lists it; build with {@link Txn#paid}. */
  public record Txn(
      String id,
      Instant at,
      String value,
      String currency,
      String eventCode,
      String status,
      String email,
      String referenceId,
      String referenceType,
      String customField) {

    /** A completed PayPal Checkout payment received (T0006, status S) in USD. */
    public static Txn paid(String id, Instant at, String value) {
      return new Txn(id, at, value, "USD", "T0006", "S", "payer@example.com", null, null, null);
    }

    public Txn status(String code) {
      return new Txn(
          id, at, value, currency, eventCode, code, email, referenceId, referenceType, customField);
    }

    public Txn eventCode(String code) {
      return new Txn(
          id, at, value, currency, code, status, email, referenceId, referenceType, customField);
    }

    public Txn email(String address) {
      return new Txn(
          id,
          at,
          value,
          currency,
          eventCode,
          status,
          address,
          referenceId,
          referenceType,
          customField);
    }

    public Txn currency(String code) {
      return new Txn(
          id, at, value, code, eventCode, status, email, referenceId, referenceType, customField);
    }

    public Txn custom(String field) {
      return new Txn(
          id, at, value, currency, eventCode, status, email, referenceId, referenceType, field);
    }

    /** A subscription payment (T0002) whose reference is the subscription's I-… id. */
    public Txn subscription(String subscriptionId) {
      return new Txn(
          id, at, value, currency, "T0002", status, email, subscriptionId, "SUB", customField);
    }

    /** Any other reference ({@code TXN} for a refund of a payment, {@code ODR} for an order). */
    public Txn reference(String referenceIdValue, String type) {
      return new Txn(
          id, at, value, currency, eventCode, status, email, referenceIdValue, type, customField);
    }
  }

  public synchronized void add(Txn transaction) {
    transactions.add(transaction);
  }

  public synchronized void addAll(List<Txn> more) {
    transactions.addAll(more);
  }

  /** How long the next tokens say they live, in seconds (PayPal: 32,400, nine hours). */
  public synchronized void expiresIn(long seconds) {
    expiresIn = seconds;
  }

  /** PayPal drops every token it issued: the next call with one gets 401. */
  public synchronized void expireTokens() {
    tokens.clear();
  }

  public synchronized int tokenFetches() {
    return tokenFetches;
  }

  /** The next request, whatever it is, gets this status with PayPal's error body (e.g. 503). */
  public synchronized void failNext(int status) {
    String name = status == 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR";
    failures.add(json(status, error(name, "An internal server error has occurred.", null)));
  }

  /** The next request, whatever it is, gets this answer (a PayPal error PayPal may send). */
  public synchronized void answerNext(int status, String json) {
    failures.add(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json")
            .body(json)
            .build());
  }

  /** The next request gets 429 with Retry-After in seconds. */
  public synchronized void rateLimitNext(int retryAfterSeconds) {
    failures.add(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Content-Type", "application/json")
            .setHeader("Retry-After", Integer.toString(retryAfterSeconds))
            .body(JSON.writeValueAsString(error("RATE_LIMIT_REACHED", "Too many requests.", null)))
            .build());
  }

  /** Every search, as "start end page size", in order. */
  public synchronized List<String> searches() {
    return List.copyOf(searches);
  }

  /** Every request received, token calls included. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The customer approves the order on PayPal's page, paying from {@code email}'s account. */
  public synchronized void approve(String orderId, String email) {
    ObjectNode order = orders.get(orderId);
    order.put("status", "APPROVED");
    order.putObject("payer").put("email_address", email).put("payer_id", "QYR5Z8XDVJNXQ");
    order
        .putObject("payment_source")
        .putObject("paypal")
        .put("email_address", email)
        .put("account_id", "QYR5Z8XDVJNXQ")
        .put("account_status", "VERIFIED");
  }

  /** A billing plan the owner made in PayPal: {@code value} in USD each month. */
  public synchronized void plan(String planId, String value) {
    ObjectNode plan = JSON.createObjectNode();
    plan.put("id", planId).put("status", "ACTIVE").put("value", value);
    plans.put(planId, plan);
  }

  /**
   * The customer approves the subscription on PayPal's page and PayPal takes the first payment at
   * {@code at} (a T0002 transaction carrying the subscription's id).
   */
  public synchronized String approveSubscription(String subscriptionId, String email, Instant at) {
    ObjectNode sub = subscriptions.get(subscriptionId);
    sub.put("status", "ACTIVE").put("status_update_time", at.toString());
    sub.put("start_time", at.toString());
    ObjectNode subscriber = sub.putObject("subscriber");
    subscriber.put("email_address", email).put("payer_id", "QYR5Z8XDVJNXQ");
    subscriber.putObject("name").put("given_name", "Jane").put("surname", "Doe");
    return charge(subscriptionId, at);
  }

  /** PayPal charges the subscription's next period at {@code at}; returns the transaction id. */
  public synchronized String charge(String subscriptionId, Instant at) {
    ObjectNode sub = subscriptions.get(subscriptionId);
    String value = plans.get(sub.path("plan_id").asString()).path("value").asString();
    String id = "8XY" + String.format("%014d", transactions.size() + 4170);
    transactions.add(
        new Txn(
            id,
            at,
            value,
            "USD",
            "T0002",
            "S",
            sub.path("subscriber").path("email_address").asString(null),
            subscriptionId,
            "SUB",
            sub.path("custom_id").asString(null)));
    ObjectNode billing = sub.putObject("billing_info");
    billing.putObject("outstanding_balance").put("currency_code", "USD").put("value", "0.00");
    billing
        .putObject("last_payment")
        .put("time", at.toString())
        .putObject("amount")
        .put("currency_code", "USD")
        .put("value", value);
    billing.put("next_billing_time", at.plus(java.time.Duration.ofDays(30)).toString());
    billing.put("failed_payments_count", 0);
    return id;
  }

  /** The customer cancels on PayPal's side (or PayPal suspends it): status is {@code status}. */
  public synchronized void endSubscription(String subscriptionId, String status) {
    subscriptions.get(subscriptionId).put("status", status);
  }

  /** PayPal keeps request ids for six hours; after that a repeated POST is done again. */
  public synchronized void forgetRequestIds() {
    replies.clear();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    if (!failures.isEmpty()) {
      return failures.poll();
    }
    String path = request.getUrl().encodedPath();
    if (path.equals("/v1/oauth2/token")) {
      return token(request);
    }
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
      return json(
          401,
          JSON.createObjectNode()
              .put("error", "invalid_token")
              .put("error_description", "Access Token not found in cache"));
    }
    List<String> segments = request.getUrl().pathSegments();
    if (request.getMethod().equals("GET") && path.equals("/v1/reporting/transactions")) {
      return search(request);
    }
    if (segments.size() >= 3 && path.startsWith("/v2/checkout/orders")) {
      return orders(request, segments);
    }
    if (segments.size() >= 3 && path.startsWith("/v1/billing/subscriptions")) {
      return subscriptions(request, segments);
    }
    return json(404, error("RESOURCE_NOT_FOUND", "The specified resource does not exist.", null));
  }

  private MockResponse token(RecordedRequest request) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    String type = request.getHeaders().get("Content-Type");
    if (!request.getMethod().equals("POST")
        || type == null
        || !type.startsWith("application/x-www-form-urlencoded")
        || !body.equals("grant_type=client_credentials")) {
      return json(
          400,
          JSON.createObjectNode()
              .put("error", "unsupported_grant_type")
              .put("error_description", "Grant Type is NULL"));
    }
    if (!expected.equals(request.getHeaders().get("Authorization"))) {
      return json(
          401,
          JSON.createObjectNode()
              .put("error", "invalid_client")
              .put("error_description", "Client Authentication failed"));
    }
    tokenFetches++;
    String token = "A21AAJ" + String.format("%06d", ++issued) + "xYz_token";
    tokens.add(token);
    return json(
        200,
        JSON.createObjectNode()
            .put(
                "scope",
                "https://uri.paypal.com/services/reporting/search/read"
                    + " https://uri.paypal.com/services/payments/payment")
            .put("access_token", token)
            .put("token_type", "Bearer")
            .put("app_id", "APP-80W284485P519543T")
            .put("expires_in", expiresIn)
            .put("nonce", "2026-11-20T10:00:00Zabc123"));
  }

  private MockResponse search(RecordedRequest request) {
    String startText = request.getUrl().queryParameter("start_date");
    String endText = request.getUrl().queryParameter("end_date");
    for (var field :
        List.of(new String[] {"start_date", startText}, new String[] {"end_date", endText})) {
      if (field[1] == null || !RFC3339.matcher(field[1]).matches()) {
        return json(400, invalid(field[0], field[1], "INVALID_PARAMETER_SYNTAX"));
      }
    }
    Instant start;
    Instant end;
    try {
      start = OffsetDateTime.parse(startText).toInstant();
      end = OffsetDateTime.parse(endText).toInstant();
    } catch (DateTimeParseException e) {
      return json(400, invalid("start_date", startText, "INVALID_PARAMETER_SYNTAX"));
    }
    if (Duration.between(start, end).compareTo(Duration.ofDays(31)) > 0) {
      ObjectNode refused = invalid("end_date", endText, "INVALID_REQUEST");
      ((ObjectNode) refused.path("details").path(0))
          .put("description", "Date range is greater than 31 days");
      return json(400, refused);
    }
    if (end.isBefore(start)) {
      return json(400, invalid("end_date", endText, "INVALID_REQUEST"));
    }
    int size = intParameter(request, "page_size", 100);
    int page = intParameter(request, "page", 1);
    if (size < 1 || size > 500 || page < 1) {
      return json(400, invalid("page_size", Integer.toString(size), "INVALID_PARAMETER_VALUE"));
    }
    searches.add(startText + " " + endText + " " + page + " " + size);
    // Both ends inclusive: a transaction on a window's edge is listed by both windows, the worst
    // case a reader must survive.
    List<Txn> listed =
        transactions.stream()
            .filter(t -> !t.at().isBefore(start) && !t.at().isAfter(end))
            .sorted(Comparator.comparing(Txn::at))
            .toList();
    int pages = (listed.size() + size - 1) / size;
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode details = answer.putArray("transaction_details");
    boolean all = "all".equals(request.getUrl().queryParameter("fields"));
    for (Txn t :
        listed.subList(
            Math.min((page - 1) * size, listed.size()), Math.min(page * size, listed.size()))) {
      details.add(detail(t, all));
    }
    answer
        .put("account_number", "2XJ8AXYYWMD4W")
        .put("start_date", LISTED.format(start.atOffset(ZoneOffset.UTC)))
        .put("end_date", LISTED.format(end.atOffset(ZoneOffset.UTC)))
        .put("last_refreshed_datetime", LISTED.format(end.atOffset(ZoneOffset.UTC)))
        .put("page", page)
        .put("total_items", listed.size())
        .put("total_pages", pages);
    answer
        .putArray("links")
        .addObject()
        .put("href", request.getUrl().toString())
        .put("rel", "self")
        .put("method", "GET");
    return json(200, answer);
  }

  private static ObjectNode detail(Txn t, boolean all) {
    ObjectNode detail = JSON.createObjectNode();
    ObjectNode info = detail.putObject("transaction_info");
    info.put("paypal_account_id", "URCZXGR73FJNN").put("transaction_id", t.id());
    if (t.referenceId() != null) {
      info.put("paypal_reference_id", t.referenceId())
          .put("paypal_reference_id_type", t.referenceType());
    }
    String listedAt = LISTED.format(t.at().atOffset(ZoneOffset.UTC));
    info.put("transaction_event_code", t.eventCode())
        .put("transaction_initiation_date", listedAt)
        .put("transaction_updated_date", listedAt);
    info.putObject("transaction_amount").put("currency_code", t.currency()).put("value", t.value());
    info.put("transaction_status", t.status());
    if (t.customField() != null) {
      info.put("custom_field", t.customField());
    }
    info.put("protection_eligibility", "02");
    if (all) {
      ObjectNode payer = detail.putObject("payer_info");
      payer.put("account_id", "QYR5Z8XDVJNXQ");
      if (t.email() != null) {
        payer.put("email_address", t.email());
      }
      payer.put("address_status", "Y").put("payer_status", "Y");
      payer.putObject("payer_name").put("alternate_full_name", "Pat Payer");
      payer.put("country_code", "US");
      detail.putObject("shipping_info");
      detail.putObject("cart_info");
      detail.putObject("store_info");
      detail.putObject("auction_info");
      detail.putObject("incentive_info");
    }
    return detail;
  }

  private MockResponse orders(RecordedRequest request, List<String> segments) {
    String replayKey = replayKey(request);
    if (replayKey != null && replies.containsKey(replayKey)) {
      return replay(replayKey);
    }
    if (segments.size() == 3 && request.getMethod().equals("POST")) {
      JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
      JsonNode unit = body.path("purchase_units").path(0);
      if (!"CAPTURE".equals(body.path("intent").asString(""))
          || unit.path("amount").path("value").asString("").isBlank()) {
        return json(400, invalid("purchase_units", "", "MISSING_REQUIRED_PARAMETER"));
      }
      String id = "5O190127TN" + String.format("%07d", orders.size() + 364);
      ObjectNode order = JSON.createObjectNode();
      order.put("id", id).put("intent", "CAPTURE").put("status", "PAYER_ACTION_REQUIRED");
      ObjectNode stored = order.putArray("purchase_units").addObject();
      stored.put("reference_id", unit.path("reference_id").asString("default"));
      stored.set("amount", unit.path("amount"));
      if (unit.has("custom_id")) {
        stored.put("custom_id", unit.path("custom_id").asString());
      }
      if (unit.has("description")) {
        stored.put("description", unit.path("description").asString());
      }
      order.put("create_time", "2026-11-20T10:00:00Z");
      ArrayNode links = order.putArray("links");
      links
          .addObject()
          .put("href", url() + "/v2/checkout/orders/" + id)
          .put("rel", "self")
          .put("method", "GET");
      links
          .addObject()
          .put("href", "https://www.sandbox.paypal.com/checkoutnow?token=" + id)
          .put("rel", "payer-action")
          .put("method", "GET");
      orders.put(id, order);
      return created(replayKey, order);
    }
    ObjectNode order = orders.get(segments.get(3));
    if (order == null) {
      return unknownResource();
    }
    if (segments.size() == 4 && request.getMethod().equals("GET")) {
      return json(200, order);
    }
    if (segments.size() == 5
        && segments.get(4).equals("capture")
        && request.getMethod().equals("POST")) {
      String status = order.path("status").asString("");
      if (status.equals("COMPLETED")) {
        return json(422, unprocessable("ORDER_ALREADY_CAPTURED", "Order already captured."));
      }
      if (!status.equals("APPROVED")) {
        return json(
            422,
            unprocessable(
                "ORDER_NOT_APPROVED",
                "Payer has not yet approved the Order for payment. Please redirect the payer to"
                    + " the 'rel':'approve' url returned as part of the HATEOAS links within the"
                    + " Create Order call or provide a valid payment_source in the request."));
      }
      ObjectNode unit = (ObjectNode) order.path("purchase_units").path(0);
      String captureId = "3C679366HH" + String.format("%07d", transactions.size() + 908);
      ObjectNode capture = unit.putObject("payments").putArray("captures").addObject();
      capture.put("id", captureId).put("status", "COMPLETED");
      capture.set("amount", unit.path("amount"));
      capture.put("final_capture", true);
      if (unit.has("custom_id")) {
        capture.put("custom_id", unit.path("custom_id").asString());
      }
      capture.put("create_time", "2026-11-20T10:05:31Z").put("update_time", "2026-11-20T10:05:31Z");
      order.put("status", "COMPLETED");
      transactions.add(
          new Txn(
              captureId,
              Instant.parse("2026-11-20T10:05:31Z"),
              unit.path("amount").path("value").asString(),
              unit.path("amount").path("currency_code").asString(),
              "T0006",
              "S",
              order.path("payer").path("email_address").asString(null),
              order.path("id").asString(),
              "ODR",
              unit.path("custom_id").asString(null)));
      return created(replayKey, order);
    }
    return json(404, error("RESOURCE_NOT_FOUND", "The specified resource does not exist.", null));
  }

  private MockResponse subscriptions(RecordedRequest request, List<String> segments) {
    String replayKey = replayKey(request);
    if (replayKey != null && replies.containsKey(replayKey)) {
      return replay(replayKey);
    }
    if (segments.size() == 3 && request.getMethod().equals("POST")) {
      JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
      String planId = body.path("plan_id").asString("");
      if (planId.isBlank()) {
        return json(400, invalid("plan_id", "", "MISSING_REQUIRED_PARAMETER"));
      }
      if (!plans.containsKey(planId)) {
        return json(
            404,
            error(
                "RESOURCE_NOT_FOUND",
                "The specified resource does not exist.",
                "INVALID_RESOURCE_ID"));
      }
      String id = "I-BW452GLL" + String.format("%04d", subscriptions.size() + 7);
      ObjectNode sub = JSON.createObjectNode();
      sub.put("id", id)
          .put("status", "APPROVAL_PENDING")
          .put("status_update_time", "2026-11-20T10:00:00Z")
          .put("plan_id", planId)
          .put("plan_overridden", false)
          .put("start_time", "2026-11-20T10:00:00Z")
          .put("quantity", "1");
      if (body.has("custom_id")) {
        sub.put("custom_id", body.path("custom_id").asString());
      }
      if (body.path("subscriber").has("email_address")) {
        sub.putObject("subscriber")
            .put("email_address", body.path("subscriber").path("email_address").asString());
      }
      sub.put("create_time", "2026-11-20T10:00:00Z");
      ArrayNode links = sub.putArray("links");
      links
          .addObject()
          .put(
              "href",
              "https://www.sandbox.paypal.com/webapps/billing/subscriptions?ba_token=BA-2M5396"
                  + subscriptions.size())
          .put("rel", "approve")
          .put("method", "GET");
      links
          .addObject()
          .put("href", url() + "/v1/billing/subscriptions/" + id)
          .put("rel", "self")
          .put("method", "GET");
      subscriptions.put(id, sub);
      return created(replayKey, sub);
    }
    ObjectNode sub = subscriptions.get(segments.get(3));
    if (sub == null) {
      return unknownResource();
    }
    if (segments.size() == 4 && request.getMethod().equals("GET")) {
      return json(200, sub);
    }
    if (segments.size() == 5
        && segments.get(4).equals("transactions")
        && request.getMethod().equals("GET")) {
      String start = request.getUrl().queryParameter("start_time");
      String end = request.getUrl().queryParameter("end_time");
      if (start == null || end == null) {
        return json(
            400,
            invalid(start == null ? "start_time" : "end_time", "", "MISSING_REQUIRED_PARAMETER"));
      }
      Instant from = Instant.parse(start);
      Instant to = Instant.parse(end);
      ObjectNode list = JSON.createObjectNode();
      ArrayNode out = list.putArray("transactions");
      for (Txn t : transactions) {
        if (!sub.path("id").asString().equals(t.referenceId())
            || t.at().isBefore(from)
            || t.at().isAfter(to)) {
          continue;
        }
        ObjectNode row = out.addObject();
        row.put("status", "COMPLETED").put("id", t.id());
        ObjectNode amounts = row.putObject("amount_with_breakdown");
        amounts
            .putObject("gross_amount")
            .put("currency_code", t.currency())
            .put("value", t.value());
        amounts.putObject("fee_amount").put("currency_code", t.currency()).put("value", "0.59");
        amounts.putObject("net_amount").put("currency_code", t.currency()).put("value", t.value());
        row.putObject("payer_name").put("given_name", "Jane").put("surname", "Doe");
        if (t.email() != null) {
          row.put("payer_email", t.email());
        }
        row.put("time", t.at().toString());
      }
      list.put("total_items", out.size()).put("total_pages", 1);
      return json(200, list);
    }
    return json(404, error("RESOURCE_NOT_FOUND", "The specified resource does not exist.", null));
  }

  /** A 201 for what a POST created, kept for a repeat of its PayPal-Request-Id. */
  private MockResponse created(String replayKey, ObjectNode made) {
    if (replayKey != null) {
      replies.put(replayKey, JSON.writeValueAsString(made));
    }
    return json(201, made);
  }

  private static MockResponse unknownResource() {
    return json(
        404,
        error(
            "RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID"));
  }

  /** A POST's PayPal-Request-Id with its method and path; null when it carries none. */
  private static String replayKey(RecordedRequest request) {
    String requestId = request.getHeaders().get("PayPal-Request-Id");
    if (!request.getMethod().equals("POST") || requestId == null) {
      return null;
    }
    return request.getMethod() + " " + request.getUrl().encodedPath() + " " + requestId;
  }

  /** PayPal answers a POST repeated with the same PayPal-Request-Id with the first result. */
  private MockResponse replay(String replayKey) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(replies.get(replayKey))
        .build();
  }

  private static int intParameter(RecordedRequest request, String name, int otherwise) {
    String value = request.getUrl().queryParameter(name);
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ObjectNode invalid(String field, String value, String issue) {
    ObjectNode body =
        error(
            "INVALID_REQUEST",
            "Request is not well-formed, syntactically incorrect, or violates schema.",
            null);
    body.putArray("details")
        .addObject()
        .put("field", field)
        .put("value", value)
        .put("location", "query")
        .put("issue", issue);
    return body;
  }

  private static ObjectNode unprocessable(String issue, String description) {
    ObjectNode body =
        error(
            "UNPROCESSABLE_ENTITY",
            "The requested action could not be performed, semantically incorrect, or failed"
                + " business validation.",
            null);
    body.putArray("details").addObject().put("issue", issue).put("description", description);
    return body;
  }

  private static ObjectNode error(String name, String message, String issue) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name).put("message", message).put("debug_id", "f0e1d2c3b4a59");
    if (issue != null) {
      body.putArray("details").addObject().put("issue", issue);
    }
    body.putArray("links")
        .addObject()
        .put("href", "https://developer.paypal.com/api/rest/reference/orders/v2/errors/")
        .put("rel", "information_link");
    return body;
  }

  private static MockResponse json(int status, JsonNode body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("Paypal-Debug-Id", "f0e1d2c3b4a59")
        .body(JSON.writeValueAsString(body))
        .build();
  }
}
