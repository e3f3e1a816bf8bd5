package io.usher.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import io.usher.app.AppContext;
import io.usher.app.CheckoutServer;
import io.usher.application.checkout.CheckoutForm;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.media.ServerKind;
import io.usher.payments.stripe.StripeJson;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /webhooks/stripe on a real server: signatures checked on the raw body with the real scheme,
 * a genuine payment lands once however often Stripe repeats it, and nothing else does.
 */
class StripeWebhookEndpointTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String SECRET = "whsec_test_secret";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final HttpClient http = HttpClient.newHttpClient();
  AppContext usher;
  CheckoutServer server;

  final FakePaymentProvider provider = new FakePaymentProvider();

  @BeforeEach
  void start() throws Exception {
    FakeMediaServers media = new FakeMediaServers();
    usher = new AppContext(dataDir, clock, s -> media, s -> provider);
    Fixtures.monthly(usher, "Monthly", "12.50");
    media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");
    server = TestPages.serve(usher, clock, TestPages.csrf(clock));
  }

  @AfterEach
  void stop() {
    server.close();
    usher.close();
  }

  HttpResponse<String> post(String body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/stripe"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Alice's order at the checkout page, paid: the event names the order, so she is its customer.
   */
  String completed() {
    if (provider.orders.isEmpty()) {
      usher.checkout().start(new CheckoutForm("alice@example.com", "Monthly", null, null));
    }
    return StripeJson.event(
        "evt_1",
        "checkout.session.completed",
        NOW.getEpochSecond() - 5,
        StripeJson.oneTimeSession("cs_1", "pi_1", provider.orders.getFirst().reference()));
  }

  @Test
  void withoutAWebhookSecretTheAddressDoesNotExist() throws Exception {
    String body = completed();
    var response =
        post(body, Webhook.Signature.generateSignatureHeader(body, SECRET, NOW.getEpochSecond()));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
  }

  @Test
  void aGenuinePaymentLandsOnceHoweverOftenStripeRepeatsIt() throws Exception {
    usher.settings().set("stripe.webhook-secret", SECRET);
    String body = completed();
    String signature =
        Webhook.Signature.generateSignatureHeader(body, SECRET, NOW.getEpochSecond());

    assertThat(post(body, signature).statusCode()).isEqualTo(200);
    assertThat(post(body, signature).statusCode()).isEqualTo(200);

    assertThat(usher.queries().payments(PaymentFilter.ALL))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.txn()).isEqualTo("pi_1");
              assertThat(p.email()).isEqualTo("alice@example.com");
              assertThat(p.amount().toDecimalString()).isEqualTo("12.50");
            });
    assertThat(usher.outbox().pending()).extracting(i -> i.kind()).contains("invite");
  }

  /**
   * Another writer holds the new customer's row past H2's 2 s lock timeout (as hundreds of
   * deliveries at once do): the delivery waits its turn and lands, rather than answering 500.
   */
  @Test
  void aDeliveryThatMeetsALockTimeoutIsTriedAgainAndLands() throws Exception {
    usher.settings().set("stripe.webhook-secret", SECRET);
    String body = completed();
    String signature =
        Webhook.Signature.generateSignatureHeader(body, SECRET, NOW.getEpochSecond());
    String url = "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (Connection other = DriverManager.getConnection(url, "usher", "");
        Statement holding = other.createStatement()) {
      other.setAutoCommit(false);
      holding.executeUpdate(
          "INSERT INTO users (email, created_at) VALUES ('alice@example.com', CURRENT_TIMESTAMP)");
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  Thread.sleep(3000);
                  other.rollback();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      HttpResponse<String> response = post(body, signature);

      assertThat(response.statusCode()).isEqualTo(200);
    }
    assertThat(usher.queries().payments(PaymentFilter.ALL))
        .singleElement()
        .satisfies(p -> assertThat(p.email()).isEqualTo("alice@example.com"));
  }

  @Test
  void aSignatureDatedAheadOfTheToleranceIsRefused() throws Exception {
    usher.settings().set("stripe.webhook-secret", SECRET);
    String body = completed();

    assertThat(
            post(
                    body,
                    Webhook.Signature.generateSignatureHeader(
                        body, SECRET, NOW.getEpochSecond() + 3600))
                .statusCode())
        .isEqualTo(400);
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
  }

  @Test
  void forgedStaleAndUnsignedCallsAreRefusedAndChangeNothing() throws Exception {
    usher.settings().set("stripe.webhook-secret", SECRET);
    String body = completed();

    assertThat(
            post(
                    body,
                    Webhook.Signature.generateSignatureHeader(
                        body, "whsec_wrong", NOW.getEpochSecond()))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    body,
                    Webhook.Signature.generateSignatureHeader(
                        body, SECRET, NOW.getEpochSecond() - 3600))
                .statusCode())
        .isEqualTo(400);
    assertThat(post(body, null).statusCode()).isEqualTo(400);
    String tampered = body.replace("pi_1", "pi_2");
    assertThat(
            post(
                    tampered,
                    Webhook.Signature.generateSignatureHeader(body, SECRET, NOW.getEpochSecond()))
                .statusCode())
        .isEqualTo(400);

    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
  }
}
