package io.usher.http;

import io.usher.domain.common.Lazy;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The one way media adapters talk HTTP: the shared OkHttp client, the JSON and XML mappers, and
 * backing off when a service says 429 (honouring Retry-After or a JSON {@code retry_after}, else
 * with jitter) or, for reads, when it does not answer. Everything that is not an answer becomes a
 * {@link MediaServerException}.
 */
public final class Http {
  private static final Logger LOG = LoggerFactory.getLogger(Http.class);
  static final int MAX_ATTEMPTS = 4;
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final Supplier<Parts> parts;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  private record Parts(OkHttpClient client, JsonMapper json, XmlMapper xml) {}

  public Http(
      OkHttpClient client,
      JsonMapper json,
      XmlMapper xml,
      Sleeper sleeper,
      RandomGenerator random) {
    this(() -> new Parts(client, json, xml), sleeper, random);
  }

  private Http(Supplier<Parts> parts, Sleeper sleeper, RandomGenerator random) {
    this.parts = Lazy.of(parts);
    this.sleeper = sleeper;
    this.random = random;
  }

  /**
   * An Http whose client and mappers are built when it first sends or parses: building an OkHttp
   * client loads the JDK's trust store, which a command that never calls out should not wait for.
   */
  public static Http onFirstUse(
      Supplier<OkHttpClient> client,
      Supplier<JsonMapper> json,
      Supplier<XmlMapper> xml,
      Sleeper sleeper,
      RandomGenerator random) {
    return new Http(() -> new Parts(client.get(), json.get(), xml.get()), sleeper, random);
  }

  public JsonMapper json() {
    return parts.get().json();
  }

  public XmlMapper xml() {
    return parts.get().xml();
  }

  /** The same client (and connection pool) sending through an HTTP proxy; null: no proxy. */
  public Http withProxy(String proxyUrl) {
    if (proxyUrl == null || proxyUrl.isBlank()) {
      return this;
    }
    URI uri = URI.create(proxyUrl.strip());
    int port = uri.getPort() > 0 ? uri.getPort() : 8080;
    Proxy proxy =
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    Parts direct = parts.get();
    return new Http(
        direct.client().newBuilder().proxy(proxy).build(),
        direct.json(),
        direct.xml(),
        sleeper,
        random);
  }

  /**
   * Sends the request and reads the whole answer. 429 is retried after the wait the service asks
   * for (or an exponential one with jitter); a read (GET) that gets no answer is retried too. Any
   * status that is still an answer — 2xx or an error — is returned for the adapter to judge.
   *
   * @param who how the owner knows the other side, for messages ("plex.tv", "Jellyfin server Den")
   */
  public HttpReply send(Request request, String who) {
    boolean idempotent = request.method().equals("GET") || request.method().equals("DELETE");
    for (int attempt = 1; ; attempt++) {
      try (Response response = parts.get().client().newCall(request).execute()) {
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        if (response.code() == 429 && attempt < MAX_ATTEMPTS) {
          Duration wait = waitFor(response.header("Retry-After"), text, attempt);
          LOG.info("{} is rate limiting (429); waiting {} ms", who, wait.toMillis());
          pause(wait, who);
          continue;
        }
        if (response.code() == 429) {
          throw new MediaServerException(
              Kind.RATE_LIMITED,
              who + " is limiting how fast Usher may call it; wait a few minutes and try again.");
        }
        return new HttpReply(response.code(), response.headers(), text);
      } catch (IOException e) {
        if (idempotent && attempt < 2) {
          pause(backoff(attempt), who);
          continue;
        }
        throw new MediaServerException(
            Kind.UNREACHABLE,
            who
                + " did not answer at "
                + request.url().scheme()
                + "://"
                + request.url().host()
                + ":"
                + request.url().port()
                + " ("
                + describe(e)
                + "): check the address and that it is running.",
            e);
      }
    }
  }

  /**
   * Retry-After when there is one; else a JSON body's {@code retry_after} in (fractional) seconds,
   * as Discord sends it; else exponential with jitter.
   */
  Duration waitFor(String retryAfter, String body, int attempt) {
    if (retryAfter == null && body != null && body.stripLeading().startsWith("{")) {
      try {
        JsonNode asked = json().readTree(body).path("retry_after");
        if (asked.isNumber()) {
          long millis = (long) Math.ceil(Math.max(0, asked.asDouble()) * 1000);
          return Duration.ofMillis(Math.min(millis, MAX_WAIT.toMillis()));
        }
      } catch (JacksonException e) {
        // Not JSON after all: our own backoff.
      }
    }
    return waitFor(retryAfter, attempt);
  }

  /** Retry-After in seconds (the form plex.tv and Jellyfin use), else exponential with jitter. */
  Duration waitFor(String retryAfter, int attempt) {
    if (retryAfter != null) {
      try {
        long seconds = Long.parseLong(retryAfter.strip());
        Duration asked = Duration.ofSeconds(Math.max(0, seconds));
        return asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
      } catch (NumberFormatException e) {
        // An HTTP date: fall back to our own backoff rather than parse clocks of other machines.
      }
    }
    return backoff(attempt);
  }

  private Duration backoff(int attempt) {
    long base = 1000L << Math.min(attempt - 1, 5);
    long jittered = base / 2 + random.nextLong(base);
    return Duration.ofMillis(Math.min(jittered, MAX_WAIT.toMillis()));
  }

  private void pause(Duration wait, String who) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaServerException(Kind.UNREACHABLE, "Stopped while waiting for " + who + ".");
    }
  }

  /**
   * What went wrong, in words an owner can act on, never an exception's name; the exception itself
   * stays the cause, for the log.
   */
  static String describe(IOException e) {
    return switch (e) {
      case java.net.UnknownHostException unknown -> "no computer has that name";
      case java.net.NoRouteToHostException noRoute -> "the network has no way to it";
      case java.net.ConnectException refused -> "nothing accepted the connection";
      case java.io.InterruptedIOException late -> "no answer in time";
      case javax.net.ssl.SSLException secure ->
          "the secure connection failed: check its certificate";
      default -> "the connection broke off";
    };
  }
}
