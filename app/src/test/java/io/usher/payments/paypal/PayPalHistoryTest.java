package io.usher.payments.paypal;

import static io.usher.testing.FakePayPal.Txn.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.http.Http;
import io.usher.testing.FakePayPal;
import io.usher.testing.FakePayPal.Txn;
import io.usher.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/** Reading payments back from Transaction Search: windows, pages, and what counts as paid. */
class PayPalHistoryTest {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  static final Instant FROM = Instant.parse("2026-08-01T00:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @StartStop final MockWebServer server = new MockWebServer();
  final FakePayPal paypal = new FakePayPal(server);
  final OkHttpClient okhttp = new OkHttpClient.Builder().build();
  final PayPalHistory history =
      new PayPalHistory(
          new PayPalClient(
              new Http(okhttp, JSON, XmlMapper.builder().build(), d -> {}, new Random(1)),
              paypal::url,
              () -> FakePayPal.CLIENT_ID,
              () -> FakePayPal.SECRET,
              new MutableClock(NOW),
              d -> {}));

  @Test
  void ninetyDaysAreReadAsWindowsOfAtMost31DaysEachToItsLastPage() {
    Instant to = FROM.plus(Duration.ofDays(90));
    // 1,200 payments inside each window (3 pages of 500), none on a window's edge.
    List<Txn> all = new ArrayList<>();
    Instant[] starts = {FROM, FROM.plus(Duration.ofDays(31)), FROM.plus(Duration.ofDays(62))};
    for (int w = 0; w < 3; w++) {
      for (int i = 0; i < 1_200; i++) {
        all.add(
            paid(String.format("W%dTX%012d", w, i), starts[w].plusSeconds(60 + i * 60L), "9.99"));
      }
    }
    paypal.addAll(all);

    List<PaymentEvent> paid = history.paidBetween(FROM, to);

    assertThat(paid).hasSize(3_600);
    assertThat(paid).extracting(PaymentEvent::at).isSorted();
    assertThat(paypal.searches())
        .containsExactly(
            "2026-08-01T00:00:00Z 2026-09-01T00:00:00Z 1 500",
            "2026-08-01T00:00:00Z 2026-09-01T00:00:00Z 2 500",
            "2026-08-01T00:00:00Z 2026-09-01T00:00:00Z 3 500",
            "2026-09-01T00:00:00Z 2026-10-02T00:00:00Z 1 500",
            "2026-09-01T00:00:00Z 2026-10-02T00:00:00Z 2 500",
            "2026-09-01T00:00:00Z 2026-10-02T00:00:00Z 3 500",
            "2026-10-02T00:00:00Z 2026-10-30T00:00:00Z 1 500",
            "2026-10-02T00:00:00Z 2026-10-30T00:00:00Z 2 500",
            "2026-10-02T00:00:00Z 2026-10-30T00:00:00Z 3 500");
    assertThat(paypal.requests())
        .filteredOn(r -> r.getUrl().encodedPath().equals("/v1/reporting/transactions"))
        .allSatisfy(r -> assertThat(r.getUrl().queryParameter("fields")).isEqualTo("all"));
  }

  @Test
  void aPaymentBecomesAPaidEventWithItsAmountPayerReferenceAndTime() {
    paypal.add(
        paid("8MC585209K746392H", Instant.parse("2026-11-03T10:15:42Z"), "12.50")
            .currency("EUR")
            .email("ann@example.com")
            .custom("usher-order-7f3e"));

    assertThat(history.paidBetween(FROM, NOW))
        .containsExactly(
            new PaymentEvent(
                "paypal:8MC585209K746392H",
                PaymentEvent.Kind.PAID,
                "8MC585209K746392H",
                "usher-order-7f3e",
                "ann@example.com",
                null,
                new Money(1250, Money.currency("EUR")),
                Instant.parse("2026-11-03T10:15:42Z")));
  }

  @Test
  void aSubscriptionPaymentCarriesTheSubscriptionsId() {
    paypal.add(
        paid("1LR1915222243192C", NOW.minus(Duration.ofDays(3)), "1500")
            .currency("JPY")
            .subscription("I-BW452GLLEP1G"));
    paypal.add(
        paid("0UT082612B570000E", NOW.minus(Duration.ofDays(2)), "15.00")
            .reference("5O190127TN3640000", "ODR"));

    List<PaymentEvent> paid = history.paidBetween(FROM, NOW);

    assertThat(paid)
        .extracting(PaymentEvent::subscriptionId)
        .containsExactly("I-BW452GLLEP1G", null);
    assertThat(paid.getFirst().amount()).isEqualTo(new Money(1500, Money.currency("JPY")));
  }

  @Test
  void onlyMoneyReceivedThatSucceededCounts() {
    Instant at = NOW.minus(Duration.ofDays(4));
    paypal.add(paid("KEEP0000000000001", at, "15.00"));
    paypal.add(
        paid("REFUND00000000001", at, "-15.00")
            .eventCode("T1107")
            .reference("KEEP0000000000001", "TXN"));
    paypal.add(paid("SENT0000000000001", at, "-78.00").eventCode("T0003"));
    paypal.add(paid("PENDING0000000001", at, "15.00").status("P"));
    paypal.add(paid("DENIED00000000001", at, "15.00").status("D"));
    paypal.add(paid("REVERSED000000001", at, "15.00").status("V"));
    paypal.add(paid("BANKDEPOSIT000001", at, "500.00").eventCode("T0300"));
    paypal.add(paid("FUNDING0000000001", at, "78.00").eventCode("T0700"));
    paypal.add(paid("ZERO0000000000001", at, "0.00"));

    assertThat(history.paidBetween(FROM, NOW))
        .extracting(PaymentEvent::transactionId)
        .containsExactly("KEEP0000000000001");
  }

  @Test
  void aTransactionListedByTwoWindowsOrTwiceInOneComesBackOnce() {
    Instant edge = FROM.plus(Duration.ofDays(31));
    paypal.add(paid("EDGE0000000000001", edge, "15.00"));
    paypal.add(paid("TWICE000000000001", edge.plus(Duration.ofDays(2)), "15.00"));
    paypal.add(paid("TWICE000000000001", edge.plus(Duration.ofDays(2)), "15.00"));

    List<PaymentEvent> paid = history.paidBetween(FROM, FROM.plus(Duration.ofDays(40)));

    assertThat(paid)
        .extracting(PaymentEvent::transactionId)
        .containsExactly("EDGE0000000000001", "TWICE000000000001");
    assertThat(paypal.searches()).hasSize(2);
  }

  @Test
  void boundsAreSentInWholeSecondsWithoutLosingTheLastOne() {
    history.paidBetween(
        Instant.parse("2026-11-01T00:00:00.700Z"), Instant.parse("2026-11-02T00:00:00.200Z"));

    assertThat(paypal.searches())
        .containsExactly("2026-11-01T00:00:00Z 2026-11-02T00:00:01Z 1 500");
  }

  @Test
  void anEmptyRangeAsksNothing() {
    assertThat(history.paidBetween(NOW, NOW)).isEmpty();
    assertThat(paypal.requests()).isEmpty();
  }

  @Test
  void aWindowPayPalHasNoReportDataForIsEmptyNotAnError() {
    paypal.add(paid("LATE0000000000001", NOW.minus(Duration.ofDays(5)), "15.00"));
    history.test();
    paypal.answerNext(
        400,
        """
        {"name":"INVALID_REQUEST","message":"Data for the given start date is not available.",\
        "debug_id":"4a924c46669da","details":[],"links":[]}""");

    List<PaymentEvent> paid = history.paidBetween(NOW.minus(Duration.ofDays(45)), NOW);

    assertThat(paid).extracting(PaymentEvent::transactionId).containsExactly("LATE0000000000001");
  }

  @Test
  void anotherRefusalIsOneSentenceWithPayPalsIssueAndDebugId() {
    history.test();
    paypal.answerNext(
        400,
        """
        {"name":"INVALID_REQUEST","message":"Request is not well-formed, syntactically incorrect,\
         or violates schema.","debug_id":"b014e532dc5c5","details":[{"field":"start_date",\
        "value":"x","location":"query","issue":"INVALID_PARAMETER_SYNTAX"}],"links":[]}""");

    assertThatThrownBy(() -> history.paidBetween(NOW.minus(Duration.ofDays(1)), NOW))
        .isInstanceOf(PaymentProviderException.class)
        .hasMessage(
            "PayPal refused searching its transactions (HTTP 400, INVALID_PARAMETER_SYNTAX,"
                + " debug id b014e532dc5c5).");
  }

  @Test
  void theTestReadsOneTransactionOfTheLastDay() {
    assertThat(history.test()).isEqualTo("PayPal answered: the keys work (live).");

    assertThat(paypal.searches()).containsExactly("2026-11-19T10:00:00Z 2026-11-20T10:00:00Z 1 1");
  }

  @Test
  void theFakeRefusesMoreThan31DaysAsPayPalDoes() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (FakePayPal.CLIENT_ID + ":" + FakePayPal.SECRET).getBytes(StandardCharsets.UTF_8));
    String token;
    try (Response r =
        okhttp
            .newCall(
                new Request.Builder()
                    .url(paypal.url() + "/v1/oauth2/token")
                    .header("Authorization", "Basic " + basic)
                    .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
                    .build())
            .execute()) {
      token = JSON.readTree(r.body().string()).path("access_token").asString();
    }
    try (Response r =
        okhttp
            .newCall(
                new Request.Builder()
                    .url(
                        paypal.url()
                            + "/v1/reporting/transactions?start_date=2026-08-01T00:00:00Z"
                            + "&end_date=2026-09-01T00:00:01Z")
                    .header("Authorization", "Bearer " + token)
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(
              JSON.readTree(r.body().string())
                  .path("details")
                  .path(0)
                  .path("description")
                  .asString())
          .isEqualTo("Date range is greater than 31 days");
    }
  }
}
