package io.usher.app;

import com.sun.net.httpserver.HttpHandler;
import io.usher.application.OncePerSecond;
import io.usher.checkout.AccountPages;
import io.usher.checkout.CheckoutEndpoint;
import io.usher.checkout.ClientAddress;
import io.usher.checkout.Csrf;
import io.usher.checkout.KeptAnswer;
import io.usher.checkout.RateLimiter;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public checkout page's HTTP server: Jetty (decision 0007) on checkout.bind:checkout.port,
 * each request on its own virtual thread through the JDK-typed handlers ({@link JettyExchange}), at
 * most {@link #MAX_CONNECTIONS} connections at once and {@link #PER_ADDRESS} from one address.
 */
public final class CheckoutServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CheckoutServer.class);

  /** Open connections at once, idle ones included; more wait in the backlog until some close. */
  static final int MAX_CONNECTIONS = 4000;

  /**
   * Open connections from one address (a trusted proxy excepted): a browser opens six, the checkout
   * bench 50.
   */
  static final int PER_ADDRESS = 64;

  /**
   * A connection that sends nothing for this long is closed (slowloris); the tests shorten it with
   * {@code usher.checkout.idle-seconds}.
   */
  private static final Duration IDLE =
      Duration.ofSeconds(Long.getLong("usher.checkout.idle-seconds", 20));

  private final Server server;
  private final ServerConnector connector;
  private final ExecutorService requests;

  private CheckoutServer(Server server, ServerConnector connector, ExecutorService requests) {
    this.server = server;
    this.connector = connector;
    this.requests = requests;
  }

  /**
   * The port this process serves on: {@code USHER_CHECKOUT_PORT} when set (several Usher processes
   * on one machine and one PostgreSQL ledger, whose checkout.port they share), else the setting.
   */
  static int port(java.util.Map<String, String> env, int setting) {
    String fromEnv = env.get("USHER_CHECKOUT_PORT");
    if (fromEnv == null || fromEnv.isBlank()) {
      return setting;
    }
    String typed = fromEnv.strip();
    if (io.usher.domain.common.Inputs.asciiInteger(typed) && typed.length() <= 5) {
      int port = Integer.parseInt(typed);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    }
    throw new io.usher.domain.common.UsherException(
        "USHER_CHECKOUT_PORT must be a port from 1 to 65535, not " + fromEnv.strip() + ".");
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
    String bind = context.settings().checkoutBind();
    int port = port(System.getenv(), context.settings().checkoutPort());
    try {
      Csrf csrf =
          new Csrf(
              DataFolder.secret(context.dataDir(), "checkout.secret", 32),
              clock,
              Duration.ofMinutes(30));
      RateLimiter posts = new RateLimiter(10, Duration.ofMinutes(1), clock);
      CheckoutEndpoint pages =
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
                      exchange, ClientAddress.parseTrusted(context.settings().trustedProxies())));
            }
            pages.handle(exchange);
          };
      CheckoutServer server =
          start(
              new InetSocketAddress(bind, port),
              pages::answerFromMemory,
              endpoint,
              new OncePerSecond<>(
                  clock, () -> ClientAddress.parseTrusted(context.settings().trustedProxies())));
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

  /** Starts a server for the handler with no trusted proxy; port 0 takes a free port. */
  public static CheckoutServer start(InetSocketAddress address, HttpHandler handler)
      throws IOException {
    return start(address, (method, path, query) -> Optional.empty(), handler, Set::of);
  }

  /**
   * Starts the public pages with no trusted proxy, answering from memory what they can, as {@link
   * #startFor} does; port 0 takes a free port.
   */
  public static CheckoutServer start(InetSocketAddress address, CheckoutEndpoint pages)
      throws IOException {
    return start(address, pages::answerFromMemory, pages, Set::of);
  }

  /**
   * What can answer a request on Jetty's network thread, without waiting, from its method, raw path
   * and raw query (null when there is none); empty if it cannot.
   */
  @FunctionalInterface
  interface FromMemory {
    Optional<KeptAnswer> answer(String method, String rawPath, String rawQuery);
  }

  /**
   * Starts a server for the handler; port 0 takes a free port. Handlers run on virtual threads, so
   * one waiting on a slow client costs a few kilobytes; what bounds the work is the connection
   * caps, the per-client post budget and the database pool.
   *
   * <p>A request that {@code fromMemory} answers (the plans page and the health check, while what
   * they show is kept) is answered on Jetty's network thread instead: a virtual thread per request
   * was a fifth of what the page cost at load.
   *
   * @param fromMemory answers without waiting, or says it cannot and writes nothing
   * @param trusted the proxies whose connections carry many customers (no per-address budget)
   */
  static CheckoutServer start(
      InetSocketAddress address,
      FromMemory fromMemory,
      HttpHandler handler,
      Supplier<Set<String>> trusted)
      throws IOException {
    ExecutorService requests =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("usher-checkout-", 1).factory());
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("usher-checkout");
    threads.setDaemon(true);
    threads.setVirtualThreadsExecutor(requests);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(16 * 1024);
    // A selector per core, up to four: the pages answered from memory are written on the
    // selector's thread, and Jetty's default for two cores (one) left the other core idle.
    ServerConnector connector =
        new ServerConnector(
            server,
            -1,
            Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4),
            new HttpConnectionFactory(http));
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    connector.setAcceptQueueSize(128);
    connector.setIdleTimeout(IDLE.toMillis());
    connector.addEventListener(new AddressGate(PER_ADDRESS, trusted));
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
    server.setErrorHandler(CheckoutServer::unreadable);
    server.setHandler(
        new Handler.Abstract.NonBlocking() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            HttpURI target = request.getHttpURI();
            if (!JettyExchange.hasBody(request)) {
              Optional<KeptAnswer> kept;
              try {
                kept = fromMemory.answer(request.getMethod(), target.getPath(), target.getQuery());
              } catch (RuntimeException e) {
                callback.failed(e);
                return true;
              }
              if (kept.isPresent()) {
                kept.get().prepared(Prepared::of).send(response, callback);
                return true;
              }
            }
            URI uri;
            try {
              uri = target.toURI();
            } catch (IllegalArgumentException malformed) {
              Response.writeError(request, response, callback, 400);
              return true;
            }
            requests.execute(() -> answer(handler, request, uri, response, callback));
            return true;
          }
        });
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      requests.shutdownNow();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException taken) {
          throw taken;
        }
      }
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    return new CheckoutServer(server, connector, requests);
  }

  /**
   * An answer from memory in Jetty's own form, made once per answer with its headers encoded, so a
   * request costs Jetty's work and little more (building the JDK-typed exchange, its header map and
   * the parsed URI for each one was most of what the page allocated, and so of its young
   * collections). The body stays on the heap: a page is made again twice a second under load, and
   * native copies would wait for a collection to be freed, which at this little garbage can be
   * hours away.
   */
  private record Prepared(int status, HttpFields fields, ByteBuffer body) {
    static Prepared of(KeptAnswer answer) {
      HttpFields.Mutable fields = HttpFields.build(answer.headers().size() + 1);
      for (Map.Entry<String, String> header : answer.headers()) {
        fields.add(new PreEncodedHttpField(header.getKey(), header.getValue()));
      }
      fields.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, answer.body().length));
      return new Prepared(
          answer.status(), fields.asImmutable(), ByteBuffer.wrap(answer.body()).asReadOnlyBuffer());
    }

    void send(Response response, Callback callback) {
      response.setStatus(status);
      response.getHeaders().add(fields);
      // Each write reads its own view: Jetty moves the position as it sends.
      response.write(true, body.slice(), callback);
    }
  }

  /** The handler on the request's own virtual thread, where it may read the body and wait. */
  private static void answer(
      HttpHandler handler, Request request, URI uri, Response response, Callback callback) {
    try (JettyExchange exchange = new JettyExchange(request, uri, response)) {
      handler.handle(exchange);
    } catch (IOException | RuntimeException e) {
      callback.failed(e);
      return;
    }
    callback.succeeded();
  }

  /**
   * What Jetty answers by itself, to a request it could not read (a malformed line or header, one
   * too large): one sentence, never the parser's message or an exception's name.
   */
  private static boolean unreadable(Request request, Response response, Callback callback) {
    String sentence =
        response.getStatus() >= 500
            ? "Something went wrong; please try again in a moment."
            : "This request could not be read; please check the address and try again.";
    response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
    response.getHeaders().put("Cache-Control", "no-store");
    response.write(true, ByteBuffer.wrap(sentence.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.debug("Checkout server did not stop cleanly", e);
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    server.setStopTimeout(1000);
    stopQuietly(server);
    requests.shutdownNow();
  }
}
