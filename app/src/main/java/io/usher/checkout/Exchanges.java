package io.usher.checkout;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.usher.domain.settings.Branding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every answer of the public pages shares: the security headers, HTML pages, and reading a
 * posted form strictly. Kept in one place so the plans page and the account page refuse floods,
 * oversized bodies and garbage the same way.
 */
final class Exchanges {
  static final int MAX_BODY = 8 * 1024;

  /**
   * The request attribute holding where this page's forms may lead besides itself (a {@code
   * List<String>} of origins), set by the endpoint before it answers.
   */
  static final String FORM_TARGETS = "usher.form-targets";

  static final String HTML = "text/html; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  private Exchanges() {}

  /**
   * Where a refusal page sends the customer back to.
   *
   * @param place the page the form came from, as a sentence names it ("the plans page")
   */
  record Back(String label, String href, String place) {
    static final Back PLANS = new Back("Back to the plans", "/", "the plans page");
  }

  /**
   * Reads a posted form: the client's rate limit first (so a flood costs no parsing), then a form
   * content type in UTF-8, the body limit and a strict parse. When one fails the refusal is
   * answered here and the result is empty; the caller checks the CSRF token itself.
   */
  static Optional<Map<String, String>> readForm(HttpExchange exchange, RateLimiter posts, Back back)
      throws IOException {
    long wait = posts.acquire(client(exchange));
    if (wait > 0) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(wait));
      page(
          exchange,
          429,
          Pages.message(
              "Too many tries", "Please wait a minute before trying again.", back.label(), back));
      return Optional.empty();
    }
    if (!formContentType(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      unreadable(exchange, 415, "That form could not be read", back);
      return Optional.empty();
    }
    Optional<byte[]> body = readBody(exchange);
    if (body.isEmpty()) {
      unreadable(exchange, 413, "That form is too large", back);
      return Optional.empty();
    }
    Optional<Map<String, String>> parsed = FormBody.parse(body.get());
    if (parsed.isEmpty()) {
      unreadable(exchange, 400, "That form could not be read", back);
    }
    return parsed;
  }

  /** The query string's fields, read as strictly as a form; empty when it is malformed. */
  static Optional<Map<String, String>> query(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    return query == null
        ? Optional.of(Map.of())
        : FormBody.parse(query.getBytes(StandardCharsets.UTF_8));
  }

  private static void unreadable(HttpExchange exchange, int status, String heading, Back back)
      throws IOException {
    page(
        exchange,
        status,
        Pages.message(
            heading, "Please send the form from " + back.place() + ".", back.label(), back));
  }

  static boolean formContentType(String header) {
    if (header == null) {
      return false;
    }
    String[] parts = header.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].strip().equals("application/x-www-form-urlencoded")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      if (param.startsWith("charset=")
          && !param.substring(8).replace("\"", "").strip().equals("utf-8")) {
        return false;
      }
    }
    return true;
  }

  /** The body, or empty when it is over the limit (announced or actual). */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > MAX_BODY) {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? Optional.empty() : Optional.of(body);
    }
  }

  /** The client as the server worked it out ({@link ClientAddress}), else the TCP peer. */
  static String client(HttpExchange exchange) {
    return exchange.getAttribute(ClientAddress.ATTRIBUTE) instanceof String known
        ? known
        : ClientAddress.of(exchange, java.util.Set.of());
  }

  static void page(HttpExchange exchange, int status, String html) throws IOException {
    send(exchange, status, HTML, html);
  }

  /** 303 See Other: the browser follows with a GET, so a reload never posts the form twice. */
  static void seeOther(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    secure(exchange);
    exchange.sendResponseHeaders(303, -1);
  }

  static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
    String out = text;
    if (HTML.equals(type)) {
      out =
          Branded.apply(
              exchange.getAttribute(Branded.ATTRIBUTE) instanceof Branding b ? b : Branding.NONE,
              text);
    }
    send(exchange, status, type, out.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", type);
    secure(exchange);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * The page's policy; {@code form-action} names where its form may lead, because browsers check
   * every redirect of a form's answer against it (the payment page, the return page of a trial).
   */
  static String csp(List<String> formTargets) {
    // img-src: the page's own inline favicon, and the owner's logo from an https address.
    return "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; form-action 'self'"
        + formTargets.stream().map(t -> " " + t).collect(java.util.stream.Collectors.joining())
        + "; frame-ancestors 'none'; base-uri 'none'";
  }

  private record Policy(List<?> targets, List<Map.Entry<String, String>> headers) {
    static Policy of(List<?> targets) {
      return new Policy(
          targets,
          List.of(
              Map.entry(
                  "Content-Security-Policy", csp(targets.stream().map(String::valueOf).toList())),
              Map.entry("X-Content-Type-Options", "nosniff"),
              Map.entry("Referrer-Policy", "no-referrer"),
              Map.entry("X-Frame-Options", "DENY"),
              Map.entry("Cache-Control", "no-store")));
    }
  }

  /**
   * The policy last written, kept because the form targets change once in a long while and every
   * answer carries it; racing threads at a change each build the same one.
   */
  private static volatile Policy lastPolicy = Policy.of(List.of());

  /** The headers every answer carries, for a page whose forms may lead to these targets. */
  static List<Map.Entry<String, String>> secureHeaders(List<?> targets) {
    Policy policy = lastPolicy;
    if (!policy.targets().equals(targets)) {
      policy = Policy.of(targets);
      lastPolicy = policy;
    }
    return policy.headers();
  }

  /** The headers every answer carries. */
  static void secure(HttpExchange exchange) {
    Headers headers = exchange.getResponseHeaders();
    for (Map.Entry<String, String> header :
        secureHeaders(
            exchange.getAttribute(FORM_TARGETS) instanceof List<?> known ? known : List.of())) {
      headers.set(header.getKey(), header.getValue());
    }
  }

  /** An answer kept in memory, with the same headers {@link #send} writes. */
  static KeptAnswer kept(int status, String type, byte[] body, List<?> targets) {
    List<Map.Entry<String, String>> secure = secureHeaders(targets);
    List<Map.Entry<String, String>> headers = new java.util.ArrayList<>(secure.size() + 1);
    headers.add(Map.entry("Content-Type", type));
    headers.addAll(secure);
    return new KeptAnswer(status, headers, body, secure);
  }
}
