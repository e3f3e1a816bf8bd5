package io.usher.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Stripe for end-to-end tests, on an ephemeral loopback port: the API calls the Stripe Java
 * SDK makes for Usher, in Stripe's wire shapes (form-encoded requests with bracket keys, JSON
 * objects, list objects paged with {@code ending_before}/{@code starting_after}, error objects,
 * Bearer keys, idempotency keys replayed), and a hosted payment page like Checkout's in test mode.
 *
 * <p>It keeps state, which stripe-mock does not: paying at {@code /pay/{id}} completes the session,
 * records its events (a {@code checkout.session.completed}, and for a subscription the first
 * invoice's {@code invoice.paid}) and sends the browser to the session's {@code success_url}. The
 * events are then listed by {@code GET /v1/events} and can be delivered as webhooks signed the way
 * Stripe signs them ({@code t=…,v1=HMAC-SHA256("t.body")}), computed here independently of the SDK.
 */
public final class FakeStripe implements AutoCloseable {
  public static final String API_VERSION = "2026-07-29.dahlia";

  /**
   * Parameters of {@code POST /v1/checkout/sessions} this fake understands; Stripe refuses others.
   */
  private static final List<String> SESSION_PARAMS =
      List.of(
          "mode",
          "success_url",
          "cancel_url",
          "client_reference_id",
          "customer_email",
          "customer",
          "ui_mode",
          "locale");

  private static final List<String> SESSION_PARAM_PREFIXES =
      List.of("line_items[", "metadata[", "payment_intent_data[", "subscription_data[", "expand[");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String secretKey;
  private final HttpServer server;
  private final ExecutorService pool;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, ObjectNode> sessions = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> prices = new LinkedHashMap<>();

  /** Oldest first, as Stripe creates them; listed newest first. */
  private final List<ObjectNode> events = new ArrayList<>();

  private final Map<String, String> replies = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();

  /** Which invoice each payment intent paid: what {@code GET /v1/invoice_payments} answers. */
  private final Map<String, String> invoiceOfPayment = new LinkedHashMap<>();

  private FakeStripe(String secretKey) throws IOException {
    this.secretKey = secretKey;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    // More than one thread: a browser opens parallel connections (the page, its favicon).
    this.pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake that accepts one secret key (an {@code sk_test_…}). */
  public static FakeStripe start(String secretKey) throws IOException {
    return new FakeStripe(secretKey);
  }

  /** The API base to give the SDK ({@code setApiBase}), without a trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A recurring price that subscription sessions may name in {@code line_items[0][price]}. */
  public synchronized void price(String id, long unitAmount, String currency, String interval) {
    prices.put(id, Map.of("amount", unitAmount, "currency", currency, "interval", interval));
  }

  /** Every API call received, as "METHOD /path", in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The sessions created, in order, as Stripe would return them now. */
  public synchronized List<JsonNode> sessions() {
    return sessions.values().stream().map(s -> (JsonNode) s.deepCopy()).toList();
  }

  public synchronized Optional<JsonNode> session(String id) {
    return Optional.ofNullable(sessions.get(id)).map(ObjectNode::deepCopy);
  }

  /** The events created, oldest first, exactly as listed and delivered. */
  public synchronized List<String> events() {
    return events.stream().map(JSON::writeValueAsString).toList();
  }

  /**
   * Delivers every event, oldest first, {@code times} times each, to a webhook endpoint, signed
   * with {@code secret} and the current time the way Stripe does.
   *
   * @return the endpoint's status code for each delivery, in order
   */
  public List<Integer> deliverWebhooks(URI endpoint, String secret, int times)
      throws IOException, InterruptedException {
    List<Integer> statuses = new ArrayList<>();
    for (String body : events()) {
      for (int i = 0; i < times; i++) {
        HttpRequest request =
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", signature(body, secret, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        statuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
      }
    }
    return statuses;
  }

  /**
   * A signed {@code invoice.paid} event for {@code invoice}, paid by {@code invoice@example.com},
   * posted to the webhook of an Usher serving on {@code port}, as Stripe would send it.
   */
  public static java.net.http.HttpRequest invoicePaid(int port, String invoice, String secret) {
    String body =
        io.usher.payments.stripe.StripeJson.event(
            "evt_" + invoice,
            "invoice.paid",
            Instant.now().getEpochSecond(),
            io.usher.payments.stripe.StripeJson.invoice(
                invoice, "sub_" + invoice, invoice + "@example.com", 1250));
    return java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + "/webhooks/stripe"))
        .timeout(java.time.Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .header("Stripe-Signature", signature(body, secret, Instant.now()))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" keyed by secret>}. */
  public static String signature(String body, String secret, Instant at) {
    long t = at.getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] v1 = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(v1);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    http.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith("/pay/")) {
        hosted(exchange, method, path.substring("/pay/".length()));
        return;
      }
      if (!path.startsWith("/v1/")) {
        html(exchange, 404, page("Not found", "<p>Nothing here.</p>"));
        return;
      }
      synchronized (this) {
        calls.add(method + " " + path);
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.startsWith("Bearer ")) {
        error(
            exchange,
            401,
            "invalid_request_error",
            "You did not provide an API key. You need to provide your API key in the"
                + " Authorization header, using Bearer auth.");
        return;
      }
      if (!auth.substring("Bearer ".length()).equals(secretKey)) {
        String given = auth.substring("Bearer ".length());
        error(
            exchange,
            401,
            "invalid_request_error",
            "Invalid API Key provided: "
                + given.substring(0, Math.min(8, given.length()))
                + "*".repeat(Math.max(0, given.length() - 12))
                + given.substring(Math.max(0, given.length() - 4)));
        return;
      }
      api(exchange, method, path);
    } catch (RuntimeException e) {
      error(exchange, 500, "api_error", "The fake failed: " + e);
    }
  }

  private void api(HttpExchange exchange, String method, String path) throws IOException {
    if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String replay;
      synchronized (this) {
        replay = key == null ? null : replies.get(key);
      }
      if (replay != null) {
        json(exchange, 200, replay);
        return;
      }
      Map<String, String> form = form(read(exchange));
      Object created = createSession(form);
      if (created instanceof String problem) {
        error(exchange, 400, "invalid_request_error", problem);
        return;
      }
      String body = JSON.writeValueAsString(created);
      synchronized (this) {
        if (key != null) {
          replies.put(key, body);
        }
      }
      json(exchange, 200, body);
    } else if (method.equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
      Optional<JsonNode> s = session(path.substring("/v1/checkout/sessions/".length()));
      if (s.isEmpty()) {
        error(exchange, 404, "invalid_request_error", "No such checkout.session: '" + path + "'");
      } else {
        json(exchange, 200, JSON.writeValueAsString(s.get()));
      }
    } else if (method.equals("GET") && path.equals("/v1/invoice_payments")) {
      String query = exchange.getRequestURI().getRawQuery();
      invoicePayments(exchange, form(query == null ? "" : query));
    } else if (method.equals("GET") && path.equals("/v1/events")) {
      String query = exchange.getRequestURI().getRawQuery();
      listEvents(exchange, form(query == null ? "" : query));
    } else if (method.equals("GET") && path.equals("/v1/balance")) {
      json(
          exchange,
          200,
          "{\"object\":\"balance\",\"available\":[{\"amount\":0,\"currency\":\"usd\","
              + "\"source_types\":{\"card\":0}}],\"livemode\":false,\"pending\":[{\"amount\":0,"
              + "\"currency\":\"usd\",\"source_types\":{\"card\":0}}]}");
    } else {
      error(
          exchange,
          404,
          "invalid_request_error",
          "Unrecognized request URL (" + method + ": " + path + ").");
    }
  }

  /** The new session, or the sentence Stripe would refuse the parameters with. */
  private synchronized Object createSession(Map<String, String> form) {
    for (String param : form.keySet()) {
      if (!SESSION_PARAMS.contains(param)
          && SESSION_PARAM_PREFIXES.stream().noneMatch(param::startsWith)) {
        return "Received unknown parameter: " + param;
      }
    }
    String mode = form.get("mode");
    if (!List.of("payment", "subscription", "setup").contains(mode)) {
      return "Invalid mode: must be one of payment, setup, or subscription";
    }
    String uiMode = form.getOrDefault("ui_mode", "hosted_page");
    if (!List.of("hosted_page", "embedded_page", "elements", "form").contains(uiMode)) {
      return "Invalid ui_mode: must be one of hosted_page, embedded_page, elements, or form";
    }
    if (uiMode.equals("hosted_page") && form.get("success_url") == null) {
      return "Missing required param: success_url.";
    }
    long quantity = Long.parseLong(form.getOrDefault("line_items[0][quantity]", "0"));
    if (quantity < 1) {
      return "Missing required param: line_items[0][quantity].";
    }
    long unitAmount;
    String currency;
    String product;
    String price = form.get("line_items[0][price]");
    if (price != null) {
      Map<String, Object> known = prices.get(price);
      if (known == null) {
        return "No such price: '" + price + "'";
      }
      if (mode.equals("payment")) {
        return "You specified `payment` mode but passed a recurring price.";
      }
      unitAmount = (Long) known.get("amount");
      currency = (String) known.get("currency");
      product = price;
    } else {
      if (mode.equals("subscription")) {
        return "You must provide at least one recurring price in `subscription` mode.";
      }
      String amount = form.get("line_items[0][price_data][unit_amount]");
      currency = form.get("line_items[0][price_data][currency]");
      product = form.get("line_items[0][price_data][product_data][name]");
      if (amount == null || currency == null || product == null) {
        return "Missing required param: line_items[0][price_data].";
      }
      unitAmount = Long.parseLong(amount);
    }
    String id = "cs_test_" + token(24);
    ObjectNode s = JSON.createObjectNode();
    s.put("id", id);
    s.put("object", "checkout.session");
    s.put("amount_subtotal", unitAmount * quantity);
    s.put("amount_total", unitAmount * quantity);
    s.put("cancel_url", form.get("cancel_url"));
    s.put("client_reference_id", form.get("client_reference_id"));
    s.put("created", Instant.now().getEpochSecond());
    s.put("currency", currency);
    s.putNull("customer");
    s.put("customer_email", form.get("customer_email"));
    s.putNull("customer_details");
    s.put("expires_at", Instant.now().plus(Duration.ofHours(24)).getEpochSecond());
    s.putNull("invoice");
    s.put("livemode", false);
    s.set("metadata", bracketed(form, "metadata"));
    s.put("mode", mode);
    s.putNull("payment_intent");
    s.put("payment_status", "unpaid");
    s.put("status", "open");
    s.putNull("subscription");
    s.put("success_url", form.get("success_url"));
    s.put("ui_mode", uiMode);
    s.put("url", url() + "/pay/" + id);
    // Not part of Stripe's Session object: kept for the payment page and the invoice.
    s.put("_product", product);
    s.set("_subscription_metadata", bracketed(form, "subscription_data[metadata]"));
    s.set("_payment_metadata", bracketed(form, "payment_intent_data[metadata]"));
    sessions.put(id, s);
    return visible(s);
  }

  /** Pays an open session the way a buyer on Checkout's page does. */
  private synchronized Optional<String> complete(String id) {
    ObjectNode s = sessions.get(id);
    if (s == null || !"open".equals(text(s, "status"))) {
      return Optional.empty();
    }
    s.put("status", "complete");
    s.put("payment_status", "paid");
    s.putNull("url");
    ObjectNode details = JSON.createObjectNode();
    details.put("email", text(s, "customer_email"));
    details.putNull("name");
    s.set("customer_details", details);
    s.put("customer", "cus_" + token(14));
    ObjectNode invoice = null;
    if ("subscription".equals(text(s, "mode"))) {
      String subscription = "sub_" + token(24);
      s.put("subscription", subscription);
      invoice = JSON.createObjectNode();
      invoice.put("id", "in_" + token(24));
      invoice.put("object", "invoice");
      invoice.put("amount_paid", s.path("amount_total").asLong());
      invoice.put("billing_reason", "subscription_create");
      invoice.put("currency", text(s, "currency"));
      invoice.put("customer", text(s, "customer"));
      invoice.put("customer_email", text(s, "customer_email"));
      invoice.put("status", "paid");
      ObjectNode parent = invoice.putObject("parent");
      parent.put("type", "subscription_details");
      parent.putNull("quote_details");
      ObjectNode sub = parent.putObject("subscription_details");
      sub.set("metadata", s.get("_subscription_metadata").deepCopy());
      sub.put("subscription", subscription);
      s.put("invoice", text(invoice, "id"));
      // The invoice's own payment intent: no session metadata, and (in this API version) no
      // invoice field either; only invoice_payments tells what it paid.
      String paying = "pi_" + token(24);
      invoiceOfPayment.put(paying, text(invoice, "id"));
      event(
          "payment_intent.succeeded",
          paymentIntent(
              paying,
              s.path("amount_total").asLong(),
              text(s, "currency"),
              JSON.createObjectNode(),
              null));
    } else {
      s.put("payment_intent", "pi_" + token(24));
      event(
          "payment_intent.succeeded",
          paymentIntent(
              text(s, "payment_intent"),
              s.path("amount_total").asLong(),
              text(s, "currency"),
              (ObjectNode) s.get("_payment_metadata").deepCopy(),
              null));
    }
    event("checkout.session.completed", visible(s));
    if (invoice != null) {
      event("invoice.paid", invoice);
    }
    return Optional.of(text(s, "success_url").replace("{CHECKOUT_SESSION_ID}", id));
  }

  /**
   * A payment taken outside any checkout or invoice (the owner charged a card in the dashboard):
   * only a {@code payment_intent.succeeded} event tells of it. Returns the payment intent's id.
   */
  public synchronized String chargeOutside(String receiptEmail, long amount, String currency) {
    String id = "pi_" + token(24);
    event(
        "payment_intent.succeeded",
        paymentIntent(id, amount, currency, JSON.createObjectNode(), receiptEmail));
    return id;
  }

  private static ObjectNode paymentIntent(
      String id, long amount, String currency, ObjectNode metadata, String receiptEmail) {
    ObjectNode p = JSON.createObjectNode();
    p.put("id", id);
    p.put("object", "payment_intent");
    p.put("amount", amount);
    p.put("amount_received", amount);
    p.put("currency", currency);
    p.put("status", "succeeded");
    p.put("latest_charge", "ch_" + id.substring(3));
    p.set("metadata", metadata);
    p.put("receipt_email", receiptEmail);
    p.put("livemode", false);
    p.put("created", Instant.now().getEpochSecond());
    return p;
  }

  private void invoicePayments(HttpExchange exchange, Map<String, String> query)
      throws IOException {
    String paymentIntent = query.get("payment[payment_intent]");
    ObjectNode list = JSON.createObjectNode();
    list.put("object", "list").put("url", "/v1/invoice_payments").put("has_more", false);
    var data = list.putArray("data");
    String invoice;
    synchronized (this) {
      invoice = paymentIntent == null ? null : invoiceOfPayment.get(paymentIntent);
    }
    if (!"payment_intent".equals(query.get("payment[type]")) || paymentIntent == null) {
      error(exchange, 400, "invalid_request_error", "Missing required param: payment[type].");
      return;
    }
    if (invoice != null) {
      ObjectNode row = data.addObject();
      row.put("id", "inpay_" + token(20)).put("object", "invoice_payment");
      row.put("invoice", invoice).put("is_default", true).put("status", "paid");
      row.putObject("payment").put("type", "payment_intent").put("payment_intent", paymentIntent);
    }
    json(exchange, 200, JSON.writeValueAsString(list));
  }

  private void event(String type, ObjectNode object) {
    ObjectNode e = JSON.createObjectNode();
    e.put("id", "evt_" + token(24));
    e.put("object", "event");
    e.put("api_version", API_VERSION);
    e.put("created", Instant.now().getEpochSecond());
    e.putObject("data").set("object", object);
    e.put("livemode", false);
    e.put("pending_webhooks", 1);
    ObjectNode request = e.putObject("request");
    request.putNull("id");
    request.putNull("idempotency_key");
    e.put("type", type);
    events.add(e);
  }

  /**
   * Stripe's list semantics: newest first; {@code ending_before} gives the events just newer than
   * the cursor (still newest first) and {@code has_more} says whether even newer ones remain;
   * {@code starting_after} gives the ones just older.
   */
  private void listEvents(HttpExchange exchange, Map<String, String> query) throws IOException {
    List<String> types = new ArrayList<>();
    query.forEach(
        (k, v) -> {
          if (k.startsWith("types[") || k.equals("type")) {
            types.add(v);
          }
        });
    long limit = Long.parseLong(query.getOrDefault("limit", "10"));
    if (limit < 1 || limit > 100) {
      error(
          exchange,
          400,
          "invalid_request_error",
          "This value must be greater than or equal to 1 and less than or equal to 100.");
      return;
    }
    String before = query.get("ending_before");
    String after = query.get("starting_after");
    List<ObjectNode> page;
    boolean more;
    synchronized (this) {
      List<ObjectNode> matching =
          events.stream().filter(e -> types.isEmpty() || types.contains(text(e, "type"))).toList();
      String cursor = before != null ? before : after;
      int at = -1;
      if (cursor != null) {
        for (int i = 0; i < events.size(); i++) {
          if (cursor.equals(text(events.get(i), "id"))) {
            at = i;
          }
        }
        if (at < 0) {
          error(exchange, 404, "invalid_request_error", "No such event: '" + cursor + "'");
          return;
        }
      }
      int cut = at;
      if (before != null) {
        List<ObjectNode> newer = matching.stream().filter(e -> events.indexOf(e) > cut).toList();
        page = new ArrayList<>(newer.subList(0, (int) Math.min(limit, newer.size())));
        more = newer.size() > limit;
        java.util.Collections.reverse(page);
      } else {
        List<ObjectNode> older =
            new ArrayList<>(
                matching.stream().filter(e -> after == null || events.indexOf(e) < cut).toList());
        java.util.Collections.reverse(older);
        page = older.subList(0, (int) Math.min(limit, older.size()));
        more = older.size() > limit;
      }
      ObjectNode list = JSON.createObjectNode();
      list.put("object", "list");
      list.putArray("data").addAll(page.stream().map(ObjectNode::deepCopy).toList());
      list.put("has_more", more);
      list.put("url", "/v1/events");
      json(exchange, 200, JSON.writeValueAsString(list));
    }
  }

  /** Checkout's hosted page: GET shows the order with Pay and Back; POST pays. */
  private void hosted(HttpExchange exchange, String method, String id) throws IOException {
    Optional<JsonNode> found = session(id);
    if (found.isEmpty()) {
      html(exchange, 404, page("Not found", "<p>Unknown checkout session.</p>"));
      return;
    }
    JsonNode s = found.get();
    if (method.equals("POST")) {
      exchange.getRequestBody().readAllBytes();
      Optional<String> success = complete(id);
      if (success.isEmpty()) {
        html(exchange, 409, page("Already paid", "<p>This session is no longer open.</p>"));
        return;
      }
      exchange.getResponseHeaders().set("Location", success.get());
      exchange.sendResponseHeaders(303, -1);
      return;
    }
    if (!"open".equals(text(s, "status"))) {
      html(exchange, 200, page("Already paid", "<p>This session is no longer open.</p>"));
      return;
    }
    String amount =
        String.format(
            java.util.Locale.ROOT,
            "%d.%02d %s",
            s.path("amount_total").asLong() / 100,
            s.path("amount_total").asLong() % 100,
            text(s, "currency").toUpperCase(java.util.Locale.ROOT));
    String body =
        "<p id=\"product\">"
            + escape(text(s, "_product"))
            + "</p>\n<p id=\"amount\">"
            + escape(amount)
            + "</p>\n<p id=\"email\">"
            + escape(text(s, "customer_email"))
            + "</p>\n<p>Test mode: card 4242 4242 4242 4242.</p>\n"
            + "<form method=\"post\" action=\"/pay/"
            + escape(id)
            + "\"><button id=\"pay\" type=\"submit\">Pay</button></form>\n"
            + "<a id=\"back\" href=\""
            + escape(text(s, "cancel_url"))
            + "\">Back</a>";
    html(exchange, 200, page("Pay " + amount, body));
  }

  /** A session as the API shows it: without this fake's own bookkeeping fields. */
  private static ObjectNode visible(ObjectNode s) {
    ObjectNode copy = s.deepCopy();
    copy.remove("_product");
    copy.remove("_subscription_metadata");
    return copy;
  }

  /** {@code prefix[key]=value} form fields as a JSON object (Stripe's metadata encoding). */
  private static ObjectNode bracketed(Map<String, String> form, String prefix) {
    ObjectNode out = JSON.createObjectNode();
    form.forEach(
        (k, v) -> {
          if (k.startsWith(prefix + "[") && k.endsWith("]")) {
            String key = k.substring(prefix.length() + 1, k.length() - 1);
            if (!key.contains("[")) {
              out.put(key, v);
            }
          }
        });
    return out;
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String read(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Request-Id", "req_" + token(14));
    exchange.getResponseHeaders().set("Stripe-Version", API_VERSION);
    send(exchange, status, body);
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    ObjectNode error = JSON.createObjectNode();
    ObjectNode inner = error.putObject("error");
    inner.put("message", message);
    inner.put("type", type);
    json(exchange, status, JSON.writeValueAsString(error));
  }

  private static void html(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    send(exchange, status, body);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String page(String title, String body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head>\n<body><h1>"
        + escape(title)
        + "</h1>\n"
        + body
        + "\n</body></html>";
  }

  private static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
  }

  /** A string field, or null when it is absent or JSON null. */
  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v != null && v.isString() ? v.stringValue() : null;
  }

  private static String token(int length) {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
