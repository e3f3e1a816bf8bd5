package io.usher.media.plex;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import io.usher.http.Replies;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The plumbing every Plex call shares: URLs under a base, the X-Plex-* headers, reading XML and
 * JSON trees, and the statuses plex.tv means its own way. One instance per {@link Http}, so the
 * plex.tv one can go through the account's proxy while the Plex Media Server one goes direct.
 */
final class PlexApi {
  static final String PLEX_TV = "plex.tv";
  static final String RETIRED = "Plex changed its API; update Usher.";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Http http;
  private final PlexIdentity identity;

  PlexApi(Http http, PlexIdentity identity) {
    this.http = http;
    this.identity = identity;
  }

  Http http() {
    return http;
  }

  /** The base address parsed, or the owner's sentence when it is not an http(s) address. */
  static HttpUrl base(String url, String who) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new MediaServerException(
          Kind.UNREACHABLE,
          "The address of " + who + " is not an http(s) address; correct it in its settings.");
    }
    return parsed;
  }

  /** {@code base} plus the given path segments, each escaped. */
  static HttpUrl.Builder under(HttpUrl base, String... segments) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url;
  }

  HttpReply get(HttpUrl url, String token, boolean json, String who) {
    Request.Builder request = request(url, token).get();
    if (json) {
      request.header("Accept", "application/json");
    }
    return http.send(request.build(), who);
  }

  HttpReply postJson(HttpUrl url, String token, JsonNode body, String who) {
    RequestBody content = RequestBody.create(http.json().writeValueAsString(body), JSON);
    Request request =
        request(url, token).header("Accept", "application/json").post(content).build();
    return http.send(request, who);
  }

  /** A POST whose query says it all, answered in JSON (plex.tv's pins). */
  HttpReply post(HttpUrl url, String token, String who) {
    Request request =
        request(url, token)
            .header("Accept", "application/json")
            .post(RequestBody.create(new byte[0]))
            .build();
    return http.send(request, who);
  }

  HttpReply delete(HttpUrl url, String token, String who) {
    Request request = request(url, token).header("Accept", "application/json").delete().build();
    return http.send(request, who);
  }

  private Request.Builder request(HttpUrl url, String token) {
    return new Request.Builder().url(url).headers(identity.headers(token));
  }

  JsonNode readXml(HttpReply reply, String who, String doing) {
    try {
      return http.xml().readTree(reply.body());
    } catch (JacksonException e) {
      throw Replies.unreadable(who, doing, e);
    }
  }

  JsonNode readJson(HttpReply reply, String who, String doing) {
    try {
      return http.json().readTree(reply.body());
    } catch (JacksonException e) {
      throw Replies.unreadable(who, doing, e);
    }
  }

  /**
   * A failed plex.tv reply as the owner's sentence: 410 means a retired endpoint, and plex.tv also
   * answers 422 "Invalid token" for a bad token (api-facts 1.1); the rest as every service means
   * them.
   */
  static MediaServerException tvFailure(HttpReply reply, String doing) {
    if (reply.code() == 410) {
      return new MediaServerException(Kind.RETIRED_ENDPOINT, RETIRED);
    }
    if (reply.code() == 401 || (reply.code() == 422 && mentions(reply, "invalid token"))) {
      return new MediaServerException(
          Kind.UNAUTHORIZED,
          "plex.tv refused the Plex token while "
              + doing
              + ": sign in to Plex again in the server's settings.");
    }
    return Replies.failure(reply, PLEX_TV, doing);
  }

  static boolean mentions(HttpReply reply, String lowerCaseText) {
    return reply.body() != null && reply.body().toLowerCase(Locale.ROOT).contains(lowerCaseText);
  }

  /** The elements named {@code name} under {@code parent}: XML gives one object or an array. */
  static List<JsonNode> children(JsonNode parent, String name) {
    JsonNode child = parent.path(name);
    List<JsonNode> all = new ArrayList<>();
    if (child.isArray()) {
      child.values().forEach(all::add);
    } else if (child.isObject()) {
      all.add(child);
    }
    return all;
  }

  /** An attribute or field as text; null when absent, null or blank. */
  static String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    if (!value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asString();
    return text.isBlank() ? null : text.strip();
  }

  /** XML "1"/"0" and JSON true/false/1/0 alike. */
  static boolean flag(JsonNode node, String name) {
    String text = text(node, name);
    return text != null && (text.equals("1") || text.equalsIgnoreCase("true"));
  }

  /**
   * Epoch seconds (v1 XML, most v2 JSON) or an ISO-8601 instant (some v2 JSON); null when absent,
   * zero or unreadable — a date is never worth failing a whole listing for.
   */
  static Instant instant(JsonNode node, String name) {
    String text = text(node, name);
    if (text == null) {
      return null;
    }
    try {
      if (text.chars().allMatch(Character::isDigit)) {
        long seconds = Long.parseLong(text);
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
      }
      return Instant.parse(text);
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }
}
