package io.usher.media.seerr;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.seerr.Seerr;
import io.usher.domain.seerr.SeerrException;
import io.usher.domain.seerr.SeerrUser;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Seerr's API ({@code /api/v1}, header {@code X-Api-Key}) for the four calls Usher needs, over the
 * shared {@link Http}. The address and key are read on every call, so a changed setting applies at
 * once; the key only ever travels in its header and is never logged or put in a message.
 */
public final class SeerrClient implements Seerr {
  static final String WHO = "Seerr";

  /** Users read per page when looking one up (Seerr's own pages are 10 to 100). */
  static final int PAGE = 100;

  /** The most pages read when looking one user up: 10,000 accounts. */
  static final int MAX_PAGES = 100;

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Http http;
  private final Supplier<String> baseUrl;
  private final Supplier<String> apiKey;

  /**
   * @param baseUrl Seerr's address ({@code seerr.url}), with or without {@code /api/v1}
   * @param apiKey {@code seerr.api-key}
   */
  public SeerrClient(Http http, Supplier<String> baseUrl, Supplier<String> apiKey) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  @Override
  public boolean configured() {
    return !blank(baseUrl.get()) && !blank(apiKey.get());
  }

  @Override
  public String test() {
    String doing = "checking the API key";
    HttpReply reply = send(request(users(1, 0)).get(), doing);
    if (!reply.ok()) {
      throw failure(reply, doing);
    }
    JsonNode page = read(reply, doing);
    if (!page.path("results").isArray()) {
      throw unreadable(doing, null);
    }
    long total = page.path("pageInfo").path("results").asLong(-1);
    return total < 0 ? "Seerr answers." : "Seerr answers: " + total + " users.";
  }

  @Override
  public List<SeerrUser> importFromPlex(List<String> plexIds) {
    return importUsers("import-from-plex", "plexIds", plexIds, "importing a Plex user");
  }

  @Override
  public List<SeerrUser> importFromJellyfin(List<String> userIds) {
    return importUsers(
        "import-from-jellyfin", "jellyfinUserIds", userIds, "importing a Jellyfin or Emby user");
  }

  private List<SeerrUser> importUsers(String path, String field, List<String> ids, String doing) {
    if (ids.isEmpty()) {
      // An empty body would import every user of the media server.
      return List.of();
    }
    HttpUrl url = url().addPathSegment("user").addPathSegment(path).build();
    HttpReply reply =
        send(
            request(url)
                .post(RequestBody.create(http.json().writeValueAsString(Map.of(field, ids)), JSON)),
            doing);
    if (!reply.ok()) {
      throw failure(reply, doing);
    }
    JsonNode made = read(reply, doing);
    if (!made.isArray()) {
      throw unreadable(doing, null);
    }
    List<SeerrUser> users = new ArrayList<>();
    for (JsonNode user : made) {
      users.add(user(user, doing));
    }
    return users;
  }

  @Override
  public Optional<SeerrUser> find(String email, String account) {
    return page(
        "looking a user up",
        user ->
            same(user.email(), email)
                || same(user.username(), account)
                || same(user.plexUsername(), account));
  }

  @Override
  public List<SeerrUser> users() {
    List<SeerrUser> all = new ArrayList<>();
    page(
        "reading its users",
        user -> {
          all.add(user);
          return false;
        });
    return all;
  }

  /**
   * Reads Seerr's accounts page by page until {@code wanted} says stop (at most {@link #MAX_PAGES}
   * pages).
   *
   * @return the account it stopped at, if any
   */
  private Optional<SeerrUser> page(String doing, java.util.function.Predicate<SeerrUser> wanted) {
    for (int page = 0; page < MAX_PAGES; page++) {
      HttpReply reply = send(request(users(PAGE, page * PAGE)).get(), doing);
      if (!reply.ok()) {
        throw failure(reply, doing);
      }
      JsonNode results = read(reply, doing).path("results");
      if (!results.isArray()) {
        throw unreadable(doing, null);
      }
      for (JsonNode node : results) {
        SeerrUser user = user(node, doing);
        if (wanted.test(user)) {
          return Optional.of(user);
        }
      }
      if (results.size() < PAGE) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean delete(long seerrId) {
    String doing = "removing a user";
    HttpUrl url = url().addPathSegment("user").addPathSegment(Long.toString(seerrId)).build();
    HttpReply reply = send(request(url).delete(), doing);
    if (reply.ok()) {
      return true;
    }
    if (reply.code() == 404) {
      return false;
    }
    throw failure(reply, doing);
  }

  private HttpUrl users(int take, int skip) {
    return url()
        .addPathSegment("user")
        .addQueryParameter("take", Integer.toString(take))
        .addQueryParameter("skip", Integer.toString(skip))
        .addQueryParameter("sort", "created")
        .build();
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && !a.isBlank() && a.strip().equalsIgnoreCase(b.strip());
  }

  private SeerrUser user(JsonNode node, String doing) {
    long id = node.path("id").asLong(-1);
    if (id <= 0) {
      throw unreadable(doing, null);
    }
    long permissions = node.path("permissions").asLong(0);
    return new SeerrUser(
        id,
        text(node, "email"),
        text(node, "username"),
        text(node, "plexUsername"),
        id == SeerrUser.OWNER_ID || (permissions & SeerrUser.ADMIN_PERMISSION) != 0);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.asString() : null;
  }

  private HttpReply send(Request.Builder request, String doing) {
    try {
      return http.send(request.build(), WHO);
    } catch (MediaServerException e) {
      throw new SeerrException(e.getMessage(), e.passing(), e);
    }
  }

  private Request.Builder request(HttpUrl url) {
    String key = apiKey.get();
    if (blank(key)) {
      throw new SeerrException("Seerr is not set up: set seerr.api-key first.", false);
    }
    return new Request.Builder()
        .url(url)
        .header("X-Api-Key", key.strip())
        .header("Accept", "application/json");
  }

  /** The API's root: the address as typed, with {@code /api/v1} added unless it is there. */
  private HttpUrl.Builder url() {
    String base = baseUrl.get();
    HttpUrl parsed = blank(base) ? null : HttpUrl.parse(base.strip());
    if (parsed == null) {
      throw new SeerrException(
          blank(base)
              ? "Seerr is not set up: set seerr.url first."
              : "The Seerr address '" + base + "' is not a web address.",
          false);
    }
    List<String> path = new ArrayList<>(parsed.pathSegments());
    path.removeIf(String::isEmpty);
    HttpUrl.Builder url = parsed.newBuilder().encodedPath("/");
    for (String segment : path) {
      url.addPathSegment(segment);
    }
    int n = path.size();
    if (n < 2
        || !path.get(n - 2).equalsIgnoreCase("api")
        || !path.get(n - 1).toLowerCase(Locale.ROOT).equals("v1")) {
      url.addPathSegment("api").addPathSegment("v1");
    }
    return url;
  }

  private JsonNode read(HttpReply reply, String doing) {
    try {
      return http.json().readTree(reply.body());
    } catch (JacksonException e) {
      throw unreadable(doing, e);
    }
  }

  private static SeerrException failure(HttpReply reply, String doing) {
    int status = reply.code();
    if (status == 401 || status == 403) {
      return new SeerrException(
          "Seerr refused the API key while "
              + doing
              + ": copy it again from Seerr (Settings, General, API Key) into seerr.api-key.",
          false);
    }
    if (status >= 500) {
      return new SeerrException(
          "Seerr failed (HTTP " + status + ") while " + doing + "; Usher tries again.", true);
    }
    if (status == 404) {
      return new SeerrException(
          "Seerr has no such page while "
              + doing
              + ": check seerr.url (the address you open Seerr at, e.g. http://host:5055).",
          false);
    }
    return new SeerrException(
        "Seerr refused (HTTP " + status + ") while " + doing + ".", status == 429);
  }

  private static SeerrException unreadable(String doing, Throwable cause) {
    return new SeerrException(
        "Seerr sent an answer Usher cannot read while "
            + doing
            + ": check that seerr.url is Seerr's address.",
        false,
        cause);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
