package io.usher.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.app.CheckoutServer;
import io.usher.payments.stripe.StripeProvider;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a customer typed that Stripe refuses, and a Stripe that fails: the real provider against a
 * fake Stripe answering in its own error shapes, the page over HTTP, the orders in the database.
 */
class CheckoutRefusalTest {
  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final MockWebServer stripe = new MockWebServer();
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  AppContext usher;
  CheckoutServer server;

  @BeforeEach
  void start() throws Exception {
    stripe.start();
    String base = stripe.url("/").toString().replaceAll("/$", "");
    usher =
        new AppContext(
            dataDir,
            clock,
            s -> new FakeMediaServers(),
            s -> new StripeProvider(() -> base, () -> "https://checkout.stripe.com", () -> "sk_x"));
    Fixtures.monthly(usher, "Monthly", "10");
    Csrf csrf = TestPages.csrf(clock);
    server = TestPages.serve(usher, clock, csrf);
  }

  @AfterEach
  void stop() {
    server.close();
    usher.close();
    stripe.close();
  }

  HttpResponse<String> buy(String email) throws Exception {
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                    .build(),
                BodyHandlers.ofString())
            .body();
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).isTrue();
    String form =
        "email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&plan=Monthly&csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/checkout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form))
            .build(),
        BodyHandlers.ofString());
  }

  long orders() throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (var db = DriverManager.getConnection(url, "usher", "");
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM checkout_orders")) {
      r.next();
      return r.getLong(1);
    }
  }

  static MockResponse stripeSays(int code, String json) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "req_1")
        .body(json)
        .build();
  }

  @Test
  void anAddressStripeWouldRefuseIsRefusedHereWithWhatToFixAndNeverReachesStripe()
      throws Exception {
    for (String email : new String[] {"<script>alert(1)</script>@example.com", "\uFEFFa@b.com"}) {
      HttpResponse<String> r = buy(email);

      assertThat(r.statusCode()).as(email).isEqualTo(400);
      assertThat(r.body()).doesNotContain("<script>alert(1)");
    }
    assertThat(buy("\uFEFFa@b.com").body())
        .contains("The email address has a character an address cannot have (U+FEFF)");
    assertThat(stripe.getRequestCount()).isZero();
    assertThat(orders()).isZero();
  }

  @Test
  void stripeRefusingTheEmailIsA400SayingWhatToFixAndLeavesNoOrder() throws Exception {
    stripe.enqueue(
        stripeSays(
            400,
            """
            {"error":{"code":"email_invalid",\
            "doc_url":"https://stripe.com/docs/error-codes/email-invalid",\
            "message":"Invalid email address: a@mail.invalid-tld.com",\
            "param":"customer_email",\
            "request_log_url":"https://dashboard.stripe.com/test/logs/req_1",\
            "type":"invalid_request_error"}}"""));

    HttpResponse<String> r = buy("a@mail.invalid-tld.com");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("The payment service does not accept this email address")
        .contains("value=\"a@mail.invalid-tld.com\"");
    assertThat(orders()).isZero();
  }

  @Test
  void aStripeThatFailsIsA503AndLeavesNoOrderEither() throws Exception {
    // The SDK tries twice more on a 5xx.
    for (int i = 0; i < 3; i++) {
      stripe.enqueue(
          stripeSays(
              500,
              "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"api_error\"}}"));
    }

    HttpResponse<String> r = buy("bob@example.com");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("The payment service is not answering right now");
    assertThat(orders()).isZero();
  }
}
