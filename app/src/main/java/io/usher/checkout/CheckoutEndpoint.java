package io.usher.checkout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.usher.application.checkout.CheckoutForm;
import io.usher.application.checkout.CheckoutService;
import io.usher.application.checkout.OfferedPlan;
import io.usher.application.payments.ProviderWebhooks;
import io.usher.domain.common.FieldError;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.referrals.ReferralCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public checkout page, facing the internet: it shows only what a customer may see, escapes
 * every value, checks every input, and answers garbage with 4xx, never a stack trace. One handler
 * for every path so that unknown paths, wrong methods and failures are all answered the same way.
 */
public final class CheckoutEndpoint implements HttpHandler {
  /** Stripe's events are a few kilobytes; anything near this is not from Stripe. */
  static final int MAX_WEBHOOK_BODY = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(CheckoutEndpoint.class);

  private final CheckoutService checkout;
  private final Csrf csrf;
  private final ProviderWebhooks webhooks;
  private final RateLimiter posts;
  private final AccountPages accounts;
  private final PlansPage plans;
  private final AtomicBoolean readingAhead = new AtomicBoolean();
  private static final byte[] HEALTHY = "ok".getBytes(StandardCharsets.UTF_8);

  /** The answers last made from memory, handed out again while what they show is kept. */
  private volatile KeptAnswer keptPage;

  private volatile KeptAnswer keptHealth;

  /**
   * @param accounts the customer account page, routed from here
   * @param posts the per-address budget of form posts, shared with the account page's forms
   * @param clock how old the plans page kept in memory is ({@link PlansPage#MAX_AGE} at most)
   */
  public CheckoutEndpoint(
      CheckoutService checkout,
      ProviderWebhooks webhooks,
      AccountPages accounts,
      Csrf csrf,
      RateLimiter posts,
      Clock clock) {
    this.accounts = accounts;
    this.checkout = checkout;
    this.webhooks = webhooks;
    this.csrf = csrf;
    this.posts = posts;
    this.plans = new PlansPage(checkout, clock);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        exchange.setAttribute(Exchanges.FORM_TARGETS, checkout.formTargets());
        exchange.setAttribute(Branded.ATTRIBUTE, checkout.branding());
      } catch (RuntimeException e) {
        // The settings could not be read: the strictest policy, and the page says what failed.
        LOG.warn("Checkout page policy fell back to the strictest: {}", e.toString());
      }
      try {
        route(exchange);
      } catch (IOException e) {
        LOG.debug("Checkout client went away: {}", e.toString());
      } catch (RuntimeException e) {
        LOG.error("Checkout page failed on {}", exchange.getRequestURI().getRawPath(), e);
        page(
            exchange,
            500,
            Pages.message(
                "Something went wrong",
                "The page could not be shown. Please try again in a moment.",
                "Back to the plans"));
      }
    }
  }

  /**
   * Answers what can be answered from memory alone — {@code GET /} with no query while the kept
   * page, form targets and branding are fresh, and {@code GET /health}. It never reads the database
   * or waits, so the server calls it on its network thread, with the request's raw path and query
   * as they came, and runs {@link #handle} on a thread of the request's own only when it is empty
   * (a request that finds something stale, which the read-ahead below makes rare).
   */
  public Optional<KeptAnswer> answerFromMemory(String method, String rawPath, String rawQuery) {
    if (!"GET".equals(method) || rawQuery != null) {
      return Optional.empty();
    }
    boolean page = "/".equals(rawPath);
    if (!page && !"/health".equals(rawPath)) {
      return Optional.empty();
    }
    Optional<CheckoutService.Kept> kept = checkout.kept();
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    List<String> targets = kept.get().formTargets();
    String token = null;
    KeptAnswer answer;
    if (page) {
      token = csrf.issue();
      Optional<byte[]> rendered = plans.kept(token);
      if (rendered.isEmpty()) {
        return Optional.empty();
      }
      answer = keptPage;
      if (answer == null || !answer.answers(rendered.get(), Exchanges.secureHeaders(targets))) {
        answer = Exchanges.kept(200, Exchanges.HTML, rendered.get(), targets);
        keptPage = answer;
      }
    } else {
      answer = keptHealth;
      if (answer == null || !answer.answers(HEALTHY, Exchanges.secureHeaders(targets))) {
        answer = Exchanges.kept(200, Exchanges.TEXT, HEALTHY, targets);
        keptHealth = answer;
      }
    }
    readAheadIfDue(token);
    return Optional.of(answer);
  }

  /**
   * Once what the page is answered with is half its second old, one virtual thread reads it again
   * (and renders the page for this token, when a page was asked for) while the kept copies are
   * still sent, so that under load no request finds them stale and leaves the network thread. While
   * the ledger's checkout mark stands still it reads only the mark and keeps what it has (see
   * {@link CheckoutService#refreshKept}). A failed read is left to the next request, which then
   * goes the way that reads and reports.
   */
  private void readAheadIfDue(String token) {
    if (!checkout.keptDue() && (token == null || !plans.due(token))) {
      return;
    }
    if (!readingAhead.compareAndSet(false, true)) {
      return;
    }
    Thread.ofVirtual()
        .name("checkout-read-ahead")
        .start(
            () -> {
              try {
                String mark = checkout.refreshKept();
                if (token != null) {
                  plans.renderAhead(token, mark);
                }
              } catch (RuntimeException e) {
                LOG.debug("Checkout page not read ahead: {}", e.toString());
              } finally {
                readingAhead.set(false);
              }
            });
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (!method.equals("GET") && !method.equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "GET, POST");
      page(
          exchange,
          405,
          Pages.message(
              "Not allowed", "This page only answers GET and POST.", "Back to the plans"));
      return;
    }
    switch (path) {
      case "/" -> expect(exchange, "GET", () -> offer(exchange));
      case "/checkout" -> expect(exchange, "POST", () -> submit(exchange));
      case "/checkout/return" -> expect(exchange, "GET", () -> returned(exchange));
      case "/checkout/cancel" ->
          expect(
              exchange,
              "GET",
              () ->
                  page(
                      exchange,
                      200,
                      Pages.message(
                          "Payment cancelled",
                          "Nothing was charged. You can choose a plan again whenever you like.",
                          "Back to the plans")));
      case "/webhooks/stripe" -> expect(exchange, "POST", () -> stripeWebhook(exchange));
      case String p when AccountPages.PATHS.contains(p) -> accounts.handle(exchange, p);
      case "/health" -> expect(exchange, "GET", () -> send(exchange, 200, Exchanges.TEXT, "ok"));
      default -> notFound(exchange);
    }
  }

  /**
   * Stripe's webhook: the raw body is verified against the signature before anything is read; while
   * no webhook secret is set the address does not exist.
   */
  private void stripeWebhook(HttpExchange exchange) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readNBytes(MAX_WEBHOOK_BODY + 1);
    }
    if (raw.length > MAX_WEBHOOK_BODY) {
      send(exchange, 413, Exchanges.TEXT, "too large");
      return;
    }
    String body = new String(raw, StandardCharsets.UTF_8);
    switch (webhooks.receive(body, exchange.getRequestHeaders().getFirst("Stripe-Signature"))) {
      case NOT_ENABLED -> notFound(exchange);
      case REFUSED -> send(exchange, 400, Exchanges.TEXT, "bad signature");
      case ACCEPTED -> send(exchange, 200, Exchanges.TEXT, "ok");
    }
  }

  /** Back from the provider: "you're in" once the payment is in the ledger, else it waits. */
  private void returned(HttpExchange exchange) throws IOException {
    Map<String, String> query = Exchanges.query(exchange).orElse(Map.of());
    // Stripe names its session; PayPal adds its order id as token, or names the subscription (its
    // token is then the billing agreement's, which Usher never stored).
    String session = query.get("session_id");
    if (session == null && query.get("subscription_id") != null) {
      session = query.get("subscription_id");
      checkout.returnedFromPayPal(session);
    } else if (session == null && query.get("token") != null) {
      session = query.get("token");
      checkout.returnedFromPayPal(session);
    }
    Optional<Boolean> paid = checkout.paid(session);
    if (paid.orElse(false)) {
      page(
          exchange,
          200,
          Pages.message(
              "You’re in",
              "Your payment is recorded and your invitation is on its way to your email address."
                  + " Accept it in your Plex, Jellyfin or Emby app to start watching.",
              "Back to the plans"));
    } else if (paid.isPresent()) {
      page(
          exchange,
          200,
          Pages.waiting(
              "Confirming your payment",
              "This usually takes a few seconds; this page updates by itself. You can also close"
                  + " it: the invitation comes by email either way."));
    } else {
      page(
          exchange,
          200,
          Pages.message(
              "Thanks for your payment",
              "As soon as it is confirmed, your invitation is sent to your email address. You can"
                  + " close this page.",
              "Back to the plans"));
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  private void expect(HttpExchange exchange, String method, Action action) throws IOException {
    if (exchange.getRequestMethod().equals(method)) {
      action.run();
    } else {
      exchange.getResponseHeaders().set("Allow", method);
      page(
          exchange,
          405,
          Pages.message(
              "Not allowed",
              "This address does not answer " + exchange.getRequestMethod() + ".",
              "Back to the plans"));
    }
  }

  private void offer(HttpExchange exchange) throws IOException {
    Optional<String> referral = referral(exchange);
    String plan = chosenPlan(exchange);
    if (referral.isPresent() || !plan.isEmpty()) {
      page(
          exchange,
          200,
          Pages.offer(
              checkout, Pages.Typed.linked(plan, referral.orElse("")), List.of(), csrf.issue()));
      return;
    }
    Exchanges.send(exchange, 200, Exchanges.HTML, plans.html(csrf.issue()));
  }

  /**
   * The plan a link chose ({@code /?plan=NAME}, e.g. from the owner's own site); empty when none or
   * when it names no plan on sale, so the page is the usual one.
   */
  private String chosenPlan(HttpExchange exchange) {
    if (exchange.getRequestURI().getRawQuery() == null) {
      return "";
    }
    String typed = Exchanges.query(exchange).map(q -> q.get("plan")).orElse(null);
    if (typed == null || typed.isBlank() || typed.length() > 200) {
      return "";
    }
    return checkout.offer().stream()
        .map(OfferedPlan::name)
        .filter(name -> name.equalsIgnoreCase(typed.strip()))
        .findFirst()
        .orElse("");
  }

  /**
   * The code of a referral link ({@code /?ref=CODE}) when referrals are on. Such a page is rendered
   * for the visitor rather than taken from the cache; a code that cannot be one is ignored and the
   * plans shown as usual.
   */
  private Optional<String> referral(HttpExchange exchange) {
    if (exchange.getRequestURI().getRawQuery() == null) {
      return Optional.empty();
    }
    String typed = Exchanges.query(exchange).map(q -> q.get("ref")).orElse(null);
    if (typed == null || !checkout.referralsOffered()) {
      return Optional.empty();
    }
    try {
      return ReferralCode.parse(typed);
    } catch (ValidationException notACode) {
      return Optional.empty();
    }
  }

  private void submit(HttpExchange exchange) throws IOException {
    Optional<Map<String, String>> form = Exchanges.readForm(exchange, posts, Exchanges.Back.PLANS);
    if (form.isEmpty()) {
      return;
    }
    Map<String, String> fields = form.get();
    if (!csrf.valid(fields.get("csrf"))) {
      page(
          exchange,
          403,
          Pages.message(
              "This form has expired",
              "Please go back to the plans page and send the form again.",
              "Back to the plans"));
      return;
    }
    Pages.Typed typed =
        new Pages.Typed(
            fields.getOrDefault("email", ""),
            fields.getOrDefault("plan", ""),
            fields.getOrDefault("location", ""),
            fields.getOrDefault("discount", ""),
            fields.getOrDefault("referral", ""));
    URI provider;
    try {
      provider =
          checkout.start(
              new CheckoutForm(
                  typed.email(),
                  typed.plan(),
                  typed.location(),
                  typed.discount(),
                  fields.get("pay"),
                  typed.referral()));
    } catch (ValidationException e) {
      reoffer(exchange, 400, typed, e.errors().stream().map(FieldError::message).toList());
      return;
    } catch (UsherException e) {
      LOG.warn("Checkout could not start: {}", e.getMessage());
      reoffer(exchange, 503, typed, List.of(e.getMessage()));
      return;
    }
    Exchanges.seeOther(exchange, provider.toASCIIString());
  }

  private void reoffer(HttpExchange exchange, int status, Pages.Typed typed, List<String> problems)
      throws IOException {
    page(exchange, status, Pages.offer(checkout, typed, problems, csrf.issue()));
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    page(
        exchange,
        404,
        Pages.message(
            "Page not found",
            "There is nothing at this address. The plans are on the front page.",
            "See the plans"));
  }

  private static void page(HttpExchange exchange, int status, String html) throws IOException {
    Exchanges.page(exchange, status, html);
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    Exchanges.send(exchange, status, type, text);
  }
}
