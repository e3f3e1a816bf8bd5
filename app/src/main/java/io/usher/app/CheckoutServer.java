package io.usher.app;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.usher.checkout.AccountPages;
import io.usher.checkout.CheckoutEndpoint;
import io.usher.checkout.ClientAddress;
import io.usher.checkout.Csrf;
import io.usher.checkout.RateLimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public checkout page's HTTP server: the JDK's com.sun.net.httpserver (see decision 0007) on
 * checkout.bind:checkout.port, a virtual thread per exchange and at most {@link #MAX_CONNECTIONS}
 * connections at once.
 */
public final class CheckoutServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CheckoutServer.class);

  /** Open connections at once, idle ones included; more are refused until some close. */
  static final int MAX_CONNECTIONS = 1000;

  static {
    // Read once by the JDK server: drop slow or oversized requests (slowloris, header floods).
    System.setProperty(
        "sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "20"));
    System.setProperty(
        "sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "20"));
    System.setProperty(
        "sun.net.httpserver.maxReqHeaders",
        System.getProperty("sun.net.httpserver.maxReqHeaders", "100"));
    System.setProperty(
        "sun.net.httpserver.maxReqHeaderSize",
        System.getProperty("sun.net.httpserver.maxReqHeaderSize", "16384"));
    System.setProperty(
        "jdk.httpserver.maxConnections",
        System.getProperty("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS)));
    // A page over 8 KB leaves the JDK server in two writes (headers, then body); with Nagle on,
    // the body waits for the client's delayed ACK of the headers, 40 ms a request (issue 6).
    System.setProperty(
        "sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
  }

  private final HttpServer server;
  private final ExecutorService pool;

  private CheckoutServer(HttpServer server, ExecutorService pool) {
    this.server = server;
    this.pool = pool;
  }

  /**
   * Starts the checkout page for an open data directory, from its settings. A port that is taken is
   * one log line and one sentence for the owner; Usher goes on without the page.
   *
   * <p>Public so that the checkout bench starts the page exactly as the window does.
   *
   * @param tell shows the owner a sentence (the window's log, or stderr for usher serve)
   */
  public static Optional<CheckoutServer> startFor(
      AppContext context, Clock clock, java.util.function.Consumer<String> tell) {
    String bind = context.settings().value("checkout.bind");
    String port = context.settings().value("checkout.port").strip();
    try {
      Csrf csrf = new Csrf(secret(context.dataDir()), clock, Duration.ofMinutes(30));
      RateLimiter posts = new RateLimiter(10, Duration.ofMinutes(1), clock);
      HttpHandler pages =
          new CheckoutEndpoint(
              context.checkout(),
              context.webhooks(),
              new AccountPages(context.accountLinks(), context.customerAccounts(), csrf, posts),
              csrf,
              posts,
              clock);
      // Only posts are rate-limited, so only they pay for reading the trusted proxies.
      HttpHandler endpoint =
          exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
              exchange.setAttribute(
                  ClientAddress.ATTRIBUTE,
                  ClientAddress.of(
                      exchange,
                      ClientAddress.parseTrusted(
                          context.settings().value("checkout.trusted-proxies"))));
            }
            pages.handle(exchange);
          };
      CheckoutServer server = start(new InetSocketAddress(bind, Integer.parseInt(port)), endpoint);
      LOG.info("Checkout page on http://{}:{}/", bind, server.port());
      return Optional.of(server);
    } catch (BindException e) {
      LOG.warn("Checkout page not started: {}:{} is in use ({})", bind, port, e.getMessage());
      tell.accept(
          "The checkout page could not start: port "
              + port
              + " on "
              + bind
              + " is already in use. Change checkout.port in Settings and restart Usher.");
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // A bad address or port, an unwritable secret: the jobs and the mail run on without the page.
      LOG.warn("Checkout page not started on {}:{}", bind, port, e);
      tell.accept(
          "The checkout page could not start on " + bind + ":" + port + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Starts a server for the handler; port 0 takes a free port. Each exchange runs on its own
   * virtual thread: the JDK server reads a request's headers and body on the executor, so with a
   * fixed pool a few clients that never finish their request (slowloris) would hold every thread
   * until maxReqTime; a virtual thread waiting on a slow client costs a few kilobytes and no
   * carrier. What bounds the work is the connection cap, the per-client post budget and the
   * database pool.
   */
  public static CheckoutServer start(InetSocketAddress address, HttpHandler handler)
      throws IOException {
    ExecutorService pool =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("usher-checkout-", 1).factory());
    HttpServer server;
    try {
      server = HttpServer.create(address, 128);
    } catch (IOException e) {
      pool.shutdownNow();
      throw e;
    }
    server.createContext("/", handler);
    server.setExecutor(pool);
    server.start();
    return new CheckoutServer(server, pool);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    pool.shutdownNow();
  }

  /** The per-install secret the form tokens are signed with, made on first use. */
  static byte[] secret(Path dataDir) {
    Path file = dataDir.resolve("checkout.secret");
    try {
      if (Files.exists(file)) {
        byte[] stored = Files.readAllBytes(file);
        if (stored.length >= 32) {
          return stored;
        }
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Files.write(file, fresh);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system (Windows): the data directory's own permissions apply.
      }
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
