package io.usher.payments.paypal;

import static io.usher.testing.FakePayPal.Txn.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import io.usher.http.Http;
import io.usher.testing.FakePayPal;
import io.usher.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/** Signing in to PayPal and calling it: the token, its renewal, and what failures become. */
class PayPalClientTest {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakePayPal paypal = new FakePayPal(server);
  final MutableClock clock = new MutableClock(NOW);
  final List<Duration> waits = new ArrayList<>();
  String clientId = FakePayPal.CLIENT_ID;
  String secret = FakePayPal.SECRET;

  PayPalHistory history() {
    return history(paypal::url);
  }

  PayPalHistory history(Supplier<String> base) {
    Http http =
        new Http(
            new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build(),
            JsonMapper.builder().build(),
            XmlMapper.builder().build(),
            waits::add,
            new Random(1));
    return new PayPalHistory(
        new PayPalClient(http, base, () -> clientId, () -> secret, clock, waits::add));
  }

  @Test
  void theTokenIsFetchedWithBasicAuthAndAFormBodyAndSentAsBearer() {
    history().test();

    RecordedRequest token = paypal.requests().getFirst();
    assertThat(token.getRequestLine()).isEqualTo("POST /v1/oauth2/token HTTP/1.1");
    assertThat(token.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(token.getBody().utf8()).isEqualTo("grant_type=client_credentials");
    RecordedRequest search = paypal.requests().get(1);
    assertThat(search.getHeaders().get("Authorization")).matches("Bearer A21AAJ\\d{6}xYz_token");
    assertThat(search.getUrl().toString()).doesNotContain(FakePayPal.SECRET);
  }

  @Test
  void theTokenIsKeptAcrossCallsAndFetchedAgainOnlyWhenItIsAboutToExpire() {
    PayPalHistory history = history();
    paypal.expiresIn(3_600);

    history.test();
    history.paidBetween(NOW.minus(Duration.ofDays(2)), NOW);
    clock.advance(Duration.ofMinutes(50));
    history.test();
    assertThat(paypal.tokenFetches()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(6));
    history.test();
    assertThat(paypal.tokenFetches()).isEqualTo(2);
  }

  @Test
  void changedKeysTakeEffectAtOnce() {
    PayPalHistory history = history();
    history.test();

    secret = "a-different-secret";

    assertThatThrownBy(history::test)
        .isInstanceOfSatisfying(
            PaymentProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
    assertThat(paypal.requests())
        .filteredOn(r -> r.getUrl().encodedPath().equals("/v1/oauth2/token"))
        .hasSize(2);
  }

  @Test
  void aTokenPayPalDroppedEarlyIsReplacedOnceAndTheCallRepeated() {
    PayPalHistory history = history();
    paypal.add(paid("8MC585209K746392H", NOW.minus(Duration.ofHours(5)), "15.00"));
    history.test();

    paypal.expireTokens();

    assertThat(history.paidBetween(NOW.minus(Duration.ofDays(1)), NOW)).hasSize(1);
    assertThat(paypal.tokenFetches()).isEqualTo(2);
  }

  @Test
  void wrongKeysAreOneSentenceThatNamesTheSettingsButNeverTheSecret() {
    secret = "EJk9-wrong-secret-Zz";

    assertThatThrownBy(() -> history().test())
        .isInstanceOfSatisfying(
            PaymentProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
        .hasMessage(
            "PayPal refused the client id or secret: copy both again from PayPal's developer"
                + " dashboard (Apps & Credentials, Live) into paypal.client-id and paypal.secret.")
        .hasMessageNotContaining(secret);
  }

  @Test
  void missingKeysSayWhatToSet() {
    clientId = " ";

    assertThatThrownBy(() -> history().test())
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_CONFIGURED))
        .hasMessage("PayPal is not set up: set paypal.client-id and paypal.secret first.");
    assertThat(paypal.requests()).isEmpty();
  }

  @Test
  void aServerErrorIsTriedAgainAfterShortGrowingPauses() {
    PayPalHistory history = history();
    history.test();
    paypal.failNext(503);
    paypal.failNext(500);

    assertThat(history.test()).isEqualTo("PayPal answered: the keys work (live).");

    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void aServerThatKeepsFailingIsOneSentenceAndPassing() {
    PayPalHistory history = history();
    history.test();
    for (int i = 0; i < PayPalClient.MAX_ATTEMPTS; i++) {
      paypal.failNext(503);
    }

    assertThatThrownBy(() -> history.paidBetween(NOW.minus(Duration.ofDays(1)), NOW))
        .isInstanceOfSatisfying(
            PaymentProviderException.class, e -> assertThat(e.passing()).isTrue())
        .hasMessage("PayPal is not answering (HTTP 503); Usher tries again at the next sync.");
    assertThat(waits)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aRateLimitIsWaitedOutAsPayPalAsks() {
    PayPalHistory history = history();
    paypal.rateLimitNext(7);

    history.test();

    assertThat(waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aSandboxAddressIsSaidToBeTheSandbox() {
    PayPalClient client =
        new PayPalClient(
            null, () -> "https://api-m.sandbox.paypal.com", () -> "id", () -> "s", clock, d -> {});

    assertThat(client.sandbox()).isTrue();
  }

  @Test
  void anUnreachablePayPalIsPassing() {
    String down = paypal.url();
    server.close();

    assertThatThrownBy(() -> history(() -> down).test())
        .isInstanceOfSatisfying(
            PaymentProviderException.class, e -> assertThat(e.passing()).isTrue())
        .hasMessageStartingWith("PayPal did not answer at ")
        .hasMessageNotContaining(secret);
  }
}
