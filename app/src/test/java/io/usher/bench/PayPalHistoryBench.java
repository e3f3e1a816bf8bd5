package io.usher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.payments.PaymentEvent;
import io.usher.http.Http;
import io.usher.payments.paypal.PayPalClient;
import io.usher.payments.paypal.PayPalHistory;
import io.usher.testing.FakePayPal;
import io.usher.testing.FakePayPal.Txn;
import io.usher.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Prints what reading 5,000 PayPal payments back costs (one 20-day window, 10 pages of 500) through
 * the real adapter against the local fake: JSON, paging and mapping, without PayPal's own latency.
 * Run with {@code ./mvnw -Pbench verify -Dtest=PayPalHistoryBench}.
 */
class PayPalHistoryBench {
  static final int PAYMENTS = 5_000;
  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant TO = FROM.plus(Duration.ofDays(20));

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void readingFiveThousandPaymentsInTenPages() {
    FakePayPal paypal = new FakePayPal(server);
    List<Txn> payments = new ArrayList<>();
    for (int i = 0; i < PAYMENTS; i++) {
      payments.add(
          Txn.paid(String.format("BENCH%012d", i), FROM.plusSeconds(60 + i * 300L), "15.00")
              .email("payer" + i + "@example.com")
              .custom("ord_" + i));
    }
    paypal.addAll(payments);
    PayPalHistory history =
        new PayPalHistory(
            new PayPalClient(
                new Http(
                    new OkHttpClient.Builder().build(),
                    JsonMapper.builder().build(),
                    XmlMapper.builder().build(),
                    d -> {},
                    new Random(1)),
                paypal::url,
                () -> FakePayPal.CLIENT_ID,
                () -> FakePayPal.SECRET,
                new MutableClock(TO),
                d -> {}));
    // Once untimed, so the figure is not the JIT warming up.
    history.paidBetween(FROM, TO);

    List<PaymentEvent> read =
        LedgerBench.Bench.median(
            "PayPal sync: 5,000 payments, 10 pages, in-process fake",
            5,
            () -> history.paidBetween(FROM, TO));

    assertThat(read).hasSize(PAYMENTS);
    assertThat(paypal.searches()).hasSize(6 * 10);
  }
}
