package io.usher.checkout;

import io.usher.app.AppContext;
import io.usher.app.CheckoutServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;

/** The public pages on a free loopback port, wired as the app does, for the endpoint tests. */
final class TestPages {
  private TestPages() {}

  /** Form tokens with a fixed secret, good for 30 minutes of the given clock. */
  static Csrf csrf(Clock clock) {
    return new Csrf("0123456789abcdef0123456789abcdef".getBytes(), clock, Duration.ofMinutes(30));
  }

  /** Five posts a minute per address, so the rate limit is reached quickly. */
  static CheckoutServer serve(AppContext usher, Clock clock, Csrf csrf) throws IOException {
    RateLimiter posts = new RateLimiter(5, Duration.ofMinutes(1), clock);
    return CheckoutServer.start(
        new InetSocketAddress("127.0.0.1", 0),
        new CheckoutEndpoint(
            usher.checkout(),
            usher.webhooks(),
            new AccountPages(usher.accountLinks(), usher.customerAccounts(), csrf, posts),
            csrf,
            posts,
            clock));
  }
}
