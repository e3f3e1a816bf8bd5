package io.usher.payments.paypal;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import io.usher.http.Sleeper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * PayPal's REST API for one PayPal app (client id and secret), over the shared {@link Http}: the
 * OAuth2 client-credentials token, kept until shortly before it expires, and every call made with
 * it. A 401 on a call fetches one new token and tries once more (PayPal can drop a token before its
 * time); a 5xx is tried again after a short, growing pause; a 429 is already waited out by {@link
 * Http}.
 *
 * <p>The address and both keys are read on every call, so a changed setting applies at once; the
 * token is kept per (address, client id, secret). Neither the secret nor a token ever appears in a
 * message or the log.
 */
public final class PayPalClient {
  private static final Logger LOG = LoggerFactory.getLogger(PayPalClient.class);
  static final String WHO = "PayPal";

  /** Tries of one call while PayPal answers 5xx; the pauses between them are 0.5, 1 and 2 s. */
  static final int MAX_ATTEMPTS = 4;

  static final Duration FIRST_PAUSE = Duration.ofMillis(500);

  /**
   * A token is renewed this long before PayPal says it expires, so one read of many pages never
   * starts with a token that dies halfway.
   */
  static final Duration EARLY = Duration.ofMinutes(5);

  private static final Set<Integer> PASSING = Set.of(500, 502, 503, 504);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /**
   * PayPal writes times as RFC 3339 in its specs but Transaction Search answers with offsets
   * without a colon ({@code 2026-11-03T10:15:42+0000}); both are read.
   */
  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  /** What a call is for, in the owner's words, and when Usher will try again if PayPal is down. */
  record Purpose(String doing, String later) {}

  private final Http http;
  private final Supplier<String> apiBase;
  private final Supplier<String> clientId;
  private final Supplier<String> secret;
  private final String settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private Token token;

  /** The primary PayPal app: settings {@code paypal.client-id} and {@code paypal.secret}. */
  public PayPalClient(
      Http http,
      Supplier<String> apiBase,
      Supplier<String> clientId,
      Supplier<String> secret,
      Clock clock,
      Sleeper sleeper) {
    this(http, apiBase, clientId, secret, "paypal.", clock, sleeper);
  }

  /**
   * @param settings the prefix of the settings the keys come from ({@code paypal.} or {@code
   *     paypal.secondary-}), so a sentence names the ones to fix
   * @param sleeper waits between tries after a 5xx; tests pass one that does not sleep
   */
  public PayPalClient(
      Http http,
      Supplier<String> apiBase,
      Supplier<String> clientId,
      Supplier<String> secret,
      String settings,
      Clock clock,
      Sleeper sleeper) {
    this.http = http;
    this.apiBase = apiBase;
    this.clientId = clientId;
    this.secret = secret;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Whether the API address is PayPal's sandbox rather than live money. */
  public boolean sandbox() {
    String base = apiBase.get();
    return base != null && base.toLowerCase(Locale.ROOT).contains("sandbox");
  }

  Clock clock() {
    return clock;
  }

  Http http() {
    return http;
  }

  HttpUrl.Builder url(String... segments) {
    String base = apiBase.get();
    HttpUrl parsed = base == null ? null : HttpUrl.parse(base.strip());
    if (parsed == null) {
      throw new PaymentProviderException(
          Kind.NOT_CONFIGURED, "The PayPal API address '" + base + "' is not a web address.");
    }
    HttpUrl.Builder url = parsed.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url;
  }

  HttpReply get(HttpUrl url, Purpose purpose) {
    return call(new Request.Builder().url(url).get(), purpose);
  }

  /**
   * @param requestId PayPal's idempotency key: a retried POST with the same key is answered with
   *     the first result instead of being done twice
   */
  HttpReply post(HttpUrl url, String json, String requestId, Purpose purpose) {
    return call(
        new Request.Builder()
            .url(url)
            .header("PayPal-Request-Id", requestId)
            .header("Prefer", "return=representation")
            .post(RequestBody.create(json, JSON)),
        purpose);
  }

  private HttpReply call(Request.Builder request, Purpose purpose) {
    request.header("Accept", "application/json");
    String bearer = token(purpose);
    HttpReply reply = send(request.header("Authorization", "Bearer " + bearer).build(), purpose);
    if (reply.code() == 401) {
      LOG.info("PayPal refused its access token while {}; fetching a new one", purpose.doing());
      forget(bearer);
      reply = send(request.header("Authorization", "Bearer " + token(purpose)).build(), purpose);
      if (reply.code() == 401) {
        throw new PaymentProviderException(
            Kind.UNAUTHORIZED,
            "PayPal refused a fresh access token while "
                + purpose.doing()
                + ": check "
                + settings
                + "client-id and "
                + settings
                + "secret, and that the app is not disabled in PayPal's developer dashboard.");
      }
    }
    return reply;
  }

  /** Whether this account's client id and secret are both set. */
  public boolean configured() {
    return setting(clientId) != null && setting(secret) != null;
  }

  private synchronized String token(Purpose purpose) {
    String id = setting(clientId);
    String key = setting(secret);
    if (id == null || key == null) {
      throw new PaymentProviderException(
          Kind.NOT_CONFIGURED,
          "PayPal is not set up: set " + settings + "client-id and " + settings + "secret first.");
    }
    HttpUrl url = url("v1", "oauth2", "token").build();
    String identity = url + "\n" + id + "\n" + key;
    Instant now = clock.instant();
    if (token != null && token.identity.equals(identity) && now.isBefore(token.renewAt)) {
      return token.value;
    }
    String basic =
        Base64.getEncoder().encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Basic " + basic)
            .header("Accept", "application/json")
            .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
            .build();
    Purpose signIn = new Purpose("signing in to PayPal", purpose.later());
    HttpReply reply = send(request, signIn);
    if (reply.code() == 401 || "invalid_client".equals(text(reply, "error"))) {
      throw new PaymentProviderException(
          Kind.UNAUTHORIZED,
          "PayPal refused the client id or secret: copy both again from PayPal's developer"
              + " dashboard (Apps & Credentials, "
              + (sandbox() ? "Sandbox" : "Live")
              + ") into "
              + settings
              + "client-id and "
              + settings
              + "secret.");
    }
    if (!reply.ok()) {
      throw failure(reply, signIn);
    }
    JsonNode body;
    try {
      body = http.json().readTree(reply.body());
    } catch (JacksonException e) {
      // Without the cause: a parser's message may quote the body, and the body holds the token.
      throw unreadable(signIn, null);
    }
    String value = body.path("access_token").asString("");
    long seconds = body.path("expires_in").asLong(0);
    if (value.isBlank() || seconds <= 0) {
      throw unreadable(signIn, null);
    }
    Duration lifetime = Duration.ofSeconds(seconds);
    Duration early = EARLY.compareTo(lifetime.dividedBy(2)) < 0 ? EARLY : lifetime.dividedBy(2);
    token = new Token(identity, value, now.plus(lifetime).minus(early));
    return value;
  }

  private synchronized void forget(String value) {
    if (token != null && token.value.equals(value)) {
      token = null;
    }
  }

  private HttpReply send(Request request, Purpose purpose) {
    for (int attempt = 1; ; attempt++) {
      HttpReply reply;
      try {
        reply = http.send(request, WHO);
      } catch (MediaServerException e) {
        throw new PaymentProviderException(Kind.UNAVAILABLE, e.getMessage());
      }
      if (!PASSING.contains(reply.code())) {
        return reply;
      }
      if (attempt == MAX_ATTEMPTS) {
        throw new PaymentProviderException(
            Kind.UNAVAILABLE,
            "PayPal is not answering (HTTP " + reply.code() + "); " + purpose.later() + ".");
      }
      Duration pause = FIRST_PAUSE.multipliedBy(1L << (attempt - 1));
      LOG.info(
          "PayPal failed (HTTP {}) while {}; trying again in {} ms",
          reply.code(),
          purpose.doing(),
          pause.toMillis());
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PaymentProviderException(
            Kind.UNAVAILABLE, "Stopped while waiting for PayPal; " + purpose.later() + ".");
      }
    }
  }

  JsonNode read(HttpReply reply, Purpose purpose) {
    try {
      return http.json().readTree(reply.body());
    } catch (JacksonException e) {
      throw unreadable(purpose, e);
    }
  }

  /** The first detail's {@code issue} of a PayPal error (ORDER_NOT_APPROVED…), or "". */
  String issue(HttpReply reply) {
    try {
      return http.json().readTree(reply.body()).path("details").path(0).path("issue").asString("");
    } catch (JacksonException | IllegalArgumentException e) {
      return "";
    }
  }

  String text(HttpReply reply, String field) {
    try {
      return http.json().readTree(reply.body()).path(field).asString("");
    } catch (JacksonException | IllegalArgumentException e) {
      return "";
    }
  }

  PaymentProviderException failure(HttpReply reply, Purpose purpose) {
    int status = reply.code();
    if (status == 403) {
      return new PaymentProviderException(
          Kind.UNAUTHORIZED,
          "PayPal refused "
              + purpose.doing()
              + ": the app behind "
              + settings
              + "client-id lacks the permission (turn on the feature, such as Transaction search,"
              + " for the app in PayPal's developer dashboard).");
    }
    String issue = issue(reply);
    String name = text(reply, "name");
    String said = !issue.isBlank() ? issue : !name.isBlank() ? name : text(reply, "error");
    String debug = text(reply, "debug_id");
    return new PaymentProviderException(
        Kind.REFUSED,
        "PayPal refused "
            + purpose.doing()
            + " (HTTP "
            + status
            + (said.isBlank() ? "" : ", " + said)
            + (debug.isBlank() ? "" : ", debug id " + debug)
            + ").");
  }

  static PaymentProviderException unreadable(Purpose purpose, Throwable cause) {
    LOG.warn("PayPal sent an answer Usher cannot read while {}", purpose.doing(), cause);
    return new PaymentProviderException(
        Kind.REFUSED,
        "PayPal sent an answer Usher cannot read while "
            + purpose.doing()
            + "; the details are in the log.");
  }

  /** A PayPal time, with or without the colon in its offset; null when absent or unreadable. */
  static Instant time(JsonNode node) {
    String text = node == null ? "" : node.asString("");
    if (text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip(), TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String setting(Supplier<String> value) {
    String text = value.get();
    return text == null || text.isBlank() ? null : text.strip();
  }

  /**
   * The token and what it was issued for; a plain class rather than a record so that neither the
   * secret in {@code identity} nor the token can reach a log through {@code toString}.
   */
  private static final class Token {
    final String identity;
    final String value;
    final Instant renewAt;

    Token(String identity, String value, Instant renewAt) {
      this.identity = identity;
      this.value = value;
      this.renewAt = renewAt;
    }
  }
}
