package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the window and usher serve start the checkout page, and what the owner is told. */
class CheckoutServerStartTest {
  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  @Test
  void aPortInUseIsToldInOneSentenceAndNothingStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        AppContext context = new AppContext(dataDir, clock)) {
      context.settings().set("checkout.port", Integer.toString(taken.getLocalPort()));
      List<String> told = new ArrayList<>();

      var server = CheckoutServer.startFor(context, clock, told::add);

      assertThat(server).isEmpty();
      assertThat(told)
          .containsExactly(
              "The checkout page could not start: port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use. Change checkout.port in Settings and"
                  + " restart Usher.");
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** The statuses of eleven posts, each forwarded for the address {@code forwardedFor} gives. */
  static List<Integer> elevenPosts(int port, java.util.function.IntFunction<String> forwardedFor)
      throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(
          http.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + port + "/checkout"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .header("X-Forwarded-For", forwardedFor.apply(i))
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=a"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.discarding())
              .statusCode());
    }
    return statuses;
  }

  @Test
  void behindATrustedProxyEachForwardedCustomerHasTheirOwnBudget() throws Exception {
    int port = freePort();
    try (AppContext context = new AppContext(dataDir, clock)) {
      context.settings().set("checkout.port", Integer.toString(port));
      context.settings().set("checkout.trusted-proxies", "127.0.0.1");
      try (CheckoutServer server = CheckoutServer.startFor(context, clock, s -> {}).orElseThrow()) {
        assertThat(elevenPosts(port, i -> "203.0.113." + i)).doesNotContain(429);
        assertThat(elevenPosts(port, i -> "198.51.100.7, 127.0.0.1")).last().isEqualTo(429);
      }
    }
  }

  @Test
  void theForwardedHeaderIsNotBelievedFromAPeerThatIsNoTrustedProxy() throws Exception {
    int port = freePort();
    try (AppContext context = new AppContext(dataDir, clock)) {
      context.settings().set("checkout.port", Integer.toString(port));
      try (CheckoutServer server = CheckoutServer.startFor(context, clock, s -> {}).orElseThrow()) {
        assertThat(elevenPosts(port, i -> "203.0.113." + i)).last().isEqualTo(429);
      }
    }
  }

  @Test
  void aFreePortStartsThePageAndTellsNothing() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    try (AppContext context = new AppContext(dataDir, clock)) {
      context.settings().set("checkout.port", Integer.toString(free));
      List<String> told = new ArrayList<>();

      var server = CheckoutServer.startFor(context, clock, told::add);

      assertThat(server).isPresent();
      server.get().close();
      assertThat(told).isEmpty();
    }
  }
}
