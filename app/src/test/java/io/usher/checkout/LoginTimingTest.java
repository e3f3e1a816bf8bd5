package io.usher.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.usher.app.AppContext;
import io.usher.app.CheckoutServer;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /account/login} must not tell customers from strangers by how long it takes: over
 * HTTP, a hundred known and a hundred unknown addresses, each asked once, interleaved.
 */
class LoginTimingTest {
  static final int TRIES = 100;
  static final int WARM_UP = 30;

  /**
   * A real difference shows in every round; a box busy with other work (a build beside it, a
   * collection) now and then in one. So a round within the bound passes and all must fail.
   */
  static final int ROUNDS = 3;

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final HttpClient http = HttpClient.newHttpClient();
  AppContext usher;
  CheckoutServer server;
  String form;

  @BeforeEach
  void start() throws Exception {
    usher =
        new AppContext(dataDir, clock, s -> new FakeMediaServers(), s -> new FakePaymentProvider());
    for (int i = 0; i < WARM_UP + ROUNDS * TRIES; i++) {
      usher
          .users()
          .create(
              new UserSpec(
                  "known" + i + "@example.com", null, false, false, null, null, null, null));
    }
    Csrf csrf = TestPages.csrf(clock);
    // A budget no test run reaches: the timing is what is measured here, not the rate limit.
    RateLimiter posts = new RateLimiter(1_000_000, Duration.ofMinutes(1), clock);
    server =
        CheckoutServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new CheckoutEndpoint(
                usher.checkout(),
                usher.webhooks(),
                new AccountPages(usher.accountLinks(), usher.customerAccounts(), csrf, posts),
                csrf,
                posts,
                clock));
    form = URLEncoder.encode(csrf.issue(), StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    server.close();
    usher.close();
  }

  long ask(String email) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/account/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&csrf=" + form))
            .build();
    long start = System.nanoTime();
    int status = http.send(request, BodyHandlers.ofString()).statusCode();
    long took = System.nanoTime() - start;
    assertThat(status).isEqualTo(200);
    return took;
  }

  @Test
  void aKnownEmailIsAnsweredAsFastAsAnUnknownOne() throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      ask("known" + i + "@example.com");
      ask("stranger" + i + "@example.com");
    }
    List<String> rounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      int from = WARM_UP + round * TRIES;
      long[] known = new long[TRIES];
      long[] unknown = new long[TRIES];
      for (int i = 0; i < TRIES; i++) {
        known[i] = ask("known" + (from + i) + "@example.com");
        unknown[i] = ask("stranger" + (from + i) + "@example.com");
      }
      double knownMs = median(known) / 1e6;
      double unknownMs = median(unknown) / 1e6;
      rounds.add(String.format("known %.2f ms, unknown %.2f ms", knownMs, unknownMs));
      System.out.println("login medians: " + rounds.getLast());
      if (Math.abs(knownMs - unknownMs) < 1.0) {
        return;
      }
    }
    fail("every round told them apart by 1 ms or more: " + rounds);
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
