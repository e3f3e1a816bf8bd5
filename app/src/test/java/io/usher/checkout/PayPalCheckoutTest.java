package io.usher.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.app.CheckoutServer;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.money.Money;
import io.usher.domain.plans.PlanDuration;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePayPal;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PayPal as the plans page's second way to pay, end to end over HTTP: the order is created with
 * Usher's reference, the customer approves it on PayPal's page, comes back, and the capture lands
 * once on the order's customer however often the return page, the capture and the sync see it.
 */
class PayPalCheckoutTest {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path dataDir;
  @StartStop final MockWebServer paypalServer = new MockWebServer();
  final FakePayPal paypal = new FakePayPal(paypalServer);
  final MutableClock clock = new MutableClock(NOW);
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final FakePaymentProvider card = new FakePaymentProvider();
  AppContext usher;
  CheckoutServer server;

  @BeforeEach
  void start() throws Exception {
    card.configured = false;
    usher = new AppContext(dataDir, clock, s -> new FakeMediaServers(), s -> card);
    Fixtures.monthly(usher, "Monthly", "10");
    usher.settings().set("paypal.api-url", paypal.url());
    usher.settings().set("paypal.client-id", FakePayPal.CLIENT_ID);
    usher.settings().set("paypal.secret", FakePayPal.SECRET);
    server = TestPages.serve(usher, clock, TestPages.csrf(clock));
  }

  @AfterEach
  void stop() {
    server.close();
    usher.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        BodyHandlers.ofString());
  }

  HttpResponse<String> buy(String email, String pay) throws Exception {
    return buy(email, pay, "Monthly");
  }

  HttpResponse<String> buy(String email, String pay, String plan) throws Exception {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/").body());
    assertThat(m.find()).isTrue();
    String form =
        "csrf="
            + m.group(1)
            + "&plan="
            + plan
            + "&email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + (pay == null ? "" : "&pay=" + pay);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/checkout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        BodyHandlers.ofString());
  }

  @Test
  void theOffersButtonsFollowWhichProvidersAreSetUp() throws Exception {
    assertThat(get("/").body())
        .contains("name=\"pay\" value=\"paypal\"")
        .contains("Continue to PayPal")
        .doesNotContain("Continue to payment");

    card.configured = true;
    clock.advance(java.time.Duration.ofSeconds(2));
    assertThat(get("/").body()).contains("Continue to payment").contains("Pay with PayPal");
  }

  @Test
  void aPayPalPaymentLandsOnceOnTheOrdersCustomer() throws Exception {
    HttpResponse<String> sent = buy("Carol@Example.com", "paypal");

    assertThat(sent.statusCode()).isEqualTo(303);
    String approve = sent.headers().firstValue("Location").orElseThrow();
    assertThat(approve).startsWith("https://www.sandbox.paypal.com/checkoutnow?token=");
    String orderId = approve.substring(approve.indexOf("token=") + 6);
    assertThat(sent.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("https://www.paypal.com");

    // Back before approving (the customer pressed back on PayPal's page): nothing is taken.
    assertThat(get("/checkout/return?token=" + orderId).body()).contains("Confirming your payment");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();

    // Approved with another PayPal address: the order still says who the customer is.
    paypal.approve(orderId, "carol.wallet@paypal.example");
    String back = "/checkout/return?token=" + orderId + "&PayerID=QX7";
    assertThat(get(back).body()).contains("You’re in");
    assertThat(get(back).body()).contains("You’re in");

    List<PaymentRow> payments = usher.queries().payments(PaymentFilter.ALL);
    assertThat(payments)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.email()).isEqualTo("carol@example.com");
              assertThat(p.source().code()).isEqualTo("paypal");
              assertThat(p.amount().toDecimalString()).isEqualTo("10.00");
            });
    // Transaction Search lists the same capture later: the sync finds it recorded.
    clock.advance(java.time.Duration.ofMinutes(10));
    assertThat(usher.jobs().run("payments", false).summary())
        .contains("1 payment(s) read, 0 recorded");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(1);
    assertThat(usher.unmatched().waiting()).isEmpty();
  }

  @Test
  void aReturnForAnOrderUsherDidNotMakeCapturesNothing() throws Exception {
    assertThat(get("/checkout/return?token=5O190127TN364715T").statusCode()).isEqualTo(200);
    assertThat(paypal.requests()).noneMatch(r -> r.getUrl().encodedPath().endsWith("/capture"));
  }

  @Test
  void aPlanWithAPayPalPlanIsASubscriptionWhoseRenewalsLandAndWhoseCancellationIsNoticed()
      throws Exception {
    paypal.plan("P-5ML4271244454362WXNWU5NQ", "10.00");
    usher
        .plans()
        .create(
            Fixtures.plan(
                "Club",
                new Money(1000, Money.currency("USD")),
                PlanDuration.months(1),
                0,
                "P-5ML4271244454362WXNWU5NQ"));

    HttpResponse<String> sent = buy("dora@example.com", "paypal", "Club");
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location").orElseThrow())
        .startsWith("https://www.sandbox.paypal.com/webapps/billing/subscriptions?ba_token=");
    var created =
        paypal.requests().stream()
            .filter(r -> r.getUrl().encodedPath().equals("/v1/billing/subscriptions"))
            .findFirst()
            .orElseThrow();
    String body = created.getBody().utf8();
    assertThat(body)
        .contains("\"plan_id\":\"P-5ML4271244454362WXNWU5NQ\"")
        .contains("\"custom_id\":\"ord_");
    assertThat(created.getHeaders().get("PayPal-Request-Id")).startsWith("ord_");
    String subscription = "I-BW452GLL0007";
    String back =
        "/checkout/return?subscription_id=" + subscription + "&ba_token=BA-2M5396&token=BA-2M5396";

    assertThat(get(back).body()).as("not approved yet").contains("Confirming your payment");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();

    paypal.approveSubscription(subscription, "dora.wallet@paypal.example", NOW);
    assertThat(get(back).body()).contains("You’re in");
    assertThat(get(back).body()).contains("You’re in");
    assertThat(usher.queries().payments(PaymentFilter.ALL))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.email()).isEqualTo("dora@example.com");
              assertThat(p.plan()).isEqualTo("Club");
              assertThat(p.subscriptionId()).isEqualTo(subscription);
            });

    // The first payment again from Transaction Search, then PayPal renews by itself.
    clock.advance(Duration.ofMinutes(10));
    assertThat(usher.jobs().run("payments", false).summary())
        .contains("1 payment(s) read, 0 recorded");
    clock.set(NOW.plus(Duration.ofDays(30)));
    paypal.charge(subscription, NOW.plus(Duration.ofDays(30)));
    clock.advance(Duration.ofHours(1));
    assertThat(usher.jobs().run("payments", false).summary()).contains("1 recorded");
    List<PaymentRow> two = usher.queries().payments(PaymentFilter.ALL);
    assertThat(two).hasSize(2).allSatisfy(p -> assertThat(p.email()).isEqualTo("dora@example.com"));

    // The customer cancels on PayPal; noticed once the paid time ends within the reminder window.
    paypal.endSubscription(subscription, "CANCELLED");
    clock.advance(Duration.ofDays(20));
    assertThat(usher.jobs().run("payments", false).summary()).contains("1 subscription(s) ended");
    assertThat(usher.jobs().run("payments", false).summary()).doesNotContain("ended");
    assertThat(usher.payments().forUser(usher.users().byEmail("dora@example.com").id()))
        .last()
        .satisfies(p -> assertThat(p.spec().subscriptionId()).isNull());
  }

  @Test
  void aPayPalPlanIdPayPalDoesNotKnowIsTheOwnersSentenceAndTheCustomersApology() throws Exception {
    usher
        .plans()
        .create(
            Fixtures.plan(
                "Club",
                new Money(1000, Money.currency("USD")),
                PlanDuration.months(1),
                0,
                "P-0NOSUCHPLAN"));

    HttpResponse<String> sent = buy("dora@example.com", "paypal", "Club");

    assertThat(sent.statusCode()).isEqualTo(503);
    assertThat(sent.body()).contains("Payments are not working right now");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
  }
}
