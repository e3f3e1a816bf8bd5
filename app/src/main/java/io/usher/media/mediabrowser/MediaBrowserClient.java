package io.usher.media.mediabrowser;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import io.usher.http.Replies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP for one Jellyfin or Emby server: the base address, the dialect's auth header, JSON in and
 * out, and the owner's sentence for a failed answer. The API key only ever travels in the header
 * given here; it is never part of a URL, log line or message.
 */
public final class MediaBrowserClient {
  private static final Logger LOG = LoggerFactory.getLogger(MediaBrowserClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Http http;
  private final String who;
  private final HttpUrl base;
  private final String authHeader;
  private final String authValue;

  /**
   * @param who how the owner knows the server, for messages ("Jellyfin server Den")
   * @param base the API root, prefix included (http://host:8096/emby)
   */
  public MediaBrowserClient(
      Http http, String who, HttpUrl base, String authHeader, String authValue) {
    this.http = http;
    this.who = who;
    this.base = base;
    this.authHeader = authHeader;
    this.authValue = authValue;
  }

  /** "Jellyfin server Den", or "Jellyfin server at host:8096" when the owner gave no name. */
  public static String who(String label, String name, String url) {
    return name == null || name.isBlank()
        ? label + " server at " + url.strip()
        : label + " server " + name.strip();
  }

  /**
   * The address the owner typed as an API root: scheme added when missing, query and trailing
   * slashes dropped, and {@code prefix} (Emby's "emby") appended exactly once.
   */
  public static HttpUrl base(String typed, String prefix, String who) {
    String text = typed.strip();
    HttpUrl url = HttpUrl.parse(text.contains("://") ? text : "http://" + text);
    if (url == null) {
      throw new MediaServerException(
          Kind.UNREACHABLE,
          who + " has an address Usher cannot use; enter it as http://host:8096.");
    }
    List<String> segments = new ArrayList<>(url.pathSegments());
    segments.removeIf(String::isEmpty);
    if (prefix != null) {
      if (!segments.isEmpty()
          && segments.getLast().toLowerCase(Locale.ROOT).equals(prefix.toLowerCase(Locale.ROOT))) {
        segments.removeLast();
      }
      segments.add(prefix);
    }
    HttpUrl.Builder builder = url.newBuilder().encodedPath("/").query(null).fragment(null);
    segments.forEach(builder::addPathSegment);
    return builder.build();
  }

  public String who() {
    return who;
  }

  public Http http() {
    return http;
  }

  public ObjectNode object() {
    return http.json().createObjectNode();
  }

  /** The API root plus these path segments, each one escaped (ids may hold any character). */
  public HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder builder = base.newBuilder();
    for (String segment : segments) {
      builder.addPathSegment(segment);
    }
    return builder;
  }

  public HttpReply get(HttpUrl.Builder url) {
    return send(request(url).get().build());
  }

  public HttpReply delete(HttpUrl.Builder url) {
    return send(request(url).delete().build());
  }

  /** POST with a JSON body, or an empty one when {@code body} is null. */
  public HttpReply post(HttpUrl.Builder url, JsonNode body) {
    RequestBody content =
        body == null
            ? RequestBody.EMPTY
            : RequestBody.create(http.json().writeValueAsString(body), JSON);
    return send(request(url).post(content).build());
  }

  /** GET that must succeed and answer JSON. */
  public JsonNode getJson(HttpUrl.Builder url, String doing) {
    HttpReply reply = get(url);
    if (!reply.ok()) {
      throw failure(reply, doing);
    }
    return read(reply, doing);
  }

  public JsonNode read(HttpReply reply, String doing) {
    try {
      JsonNode node = http.json().readTree(reply.body());
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw unreadable(doing, "empty body", null);
      }
      return node;
    } catch (JacksonException e) {
      throw unreadable(doing, e.getOriginalMessage(), e);
    }
  }

  /** The owner's sentence for a failed answer: 401 is always the API key. */
  public MediaServerException failure(HttpReply reply, String doing) {
    if (reply.code() == 401) {
      return new MediaServerException(
          Kind.UNAUTHORIZED,
          who
              + " refused the API key: create a new one in its dashboard under API Keys and"
              + " enter it in Usher's server settings.");
    }
    return Replies.failure(reply, who, doing);
  }

  /** An answer Usher cannot use; what was wrong goes to the log, not to the owner. */
  public MediaServerException unreadable(String doing, String detail, Throwable cause) {
    LOG.warn("{} sent an unreadable answer while {}: {}", who, doing, detail);
    return Replies.unreadable(who, doing, cause);
  }

  /**
   * What the server said about a refusal, as one clause: Jellyfin answers plain text ("A user with
   * the name 'x' already exists."), ASP.NET validation answers ProblemDetails JSON, Emby plain
   * text; all three are read. Trailing full stops are dropped so the text can sit inside a
   * sentence. Empty when the server said nothing.
   */
  public String serverText(HttpReply reply) {
    String body = reply.body() == null ? "" : reply.body().strip();
    if (body.startsWith("{") || body.startsWith("\"")) {
      try {
        body = said(http.json().readTree(body));
      } catch (JacksonException e) {
        // Not JSON after all: keep the text as it came.
      }
    }
    String line = body.lines().findFirst().orElse("").strip().replaceAll("\\s+", " ");
    if (line.length() > 200) {
      line = line.substring(0, 200) + "…";
    }
    while (line.endsWith(".")) {
      line = line.substring(0, line.length() - 1);
    }
    return line;
  }

  private static String said(JsonNode node) {
    if (node.isString()) {
      return node.stringValue();
    }
    JsonNode errors = node.path("errors");
    if (errors.isObject()) {
      for (JsonNode messages : errors.values()) {
        JsonNode first = messages.isArray() ? messages.path(0) : messages;
        if (first.isString()) {
          return first.stringValue();
        }
      }
    }
    for (String field : List.of("Message", "message", "detail", "title", "error")) {
      if (node.path(field).isString()) {
        return node.path(field).stringValue();
      }
    }
    return "";
  }

  private Request.Builder request(HttpUrl.Builder url) {
    // Emby picks JSON or XML from Accept; Jellyfin answers JSON either way.
    return new Request.Builder()
        .url(url.build())
        .header(authHeader, authValue)
        .header("Accept", "application/json");
  }

  private HttpReply send(Request request) {
    LOG.debug("{} {} {}", who, request.method(), request.url().encodedPath());
    return http.send(request, who);
  }
}
