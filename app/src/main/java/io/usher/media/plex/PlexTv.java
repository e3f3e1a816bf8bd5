package io.usher.media.plex;

import static io.usher.media.plex.PlexApi.PLEX_TV;
import static io.usher.media.plex.PlexApi.children;
import static io.usher.media.plex.PlexApi.flag;
import static io.usher.media.plex.PlexApi.text;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.PlexPin;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.sharing.Place;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import io.usher.http.Replies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * plex.tv calls about the account rather than one server: signing the owner in, which servers a
 * token owns, and where an address is.
 */
public final class PlexTv {
  private static final String LISTING = "listing the Plex servers of your account";
  private static final String SIGNING_IN = "signing in to Plex";
  private static final String LOCATING = "placing an address on the map";

  /** plex.tv's own figure for a strong pin, used when its answer does not say. */
  private static final Duration PIN_LIFE = Duration.ofMinutes(30);

  private final Http http;
  private final String plexTvUrl;
  private final PlexIdentity identity;

  /**
   * @param plexTvUrl the plex.tv base (the plex.tv-url setting, or its override), for the v1 and
   *     the v2 API alike
   */
  public PlexTv(Http http, String plexTvUrl, PlexIdentity identity) {
    this.http = http;
    this.plexTvUrl = plexTvUrl;
    this.identity = identity;
  }

  /**
   * The Plex Media Servers the token's account owns (api-facts 1.4), each with the connection Usher
   * would use: a direct local one, else a direct remote one, else a relay.
   *
   * @param proxyUrl optional http://host:port proxy for plex.tv; null or blank: none
   */
  public List<PlexServerChoice> servers(String token, String proxyUrl) {
    PlexApi api = new PlexApi(http.withProxy(proxyUrl), identity);
    HttpUrl url =
        PlexApi.under(PlexApi.base(plexTvUrl, PLEX_TV), "api", "v2", "resources")
            .addQueryParameter("includeHttps", "1")
            .addQueryParameter("includeRelay", "1")
            .build();
    HttpReply reply = api.get(url, token, true, PLEX_TV);
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, LISTING);
    }
    JsonNode resources = api.readJson(reply, PLEX_TV, LISTING);
    if (!resources.isArray()) {
      throw Replies.unreadable(PLEX_TV, LISTING, null);
    }
    List<PlexServerChoice> choices = new ArrayList<>();
    for (JsonNode resource : resources.values()) {
      String machineId = text(resource, "clientIdentifier");
      if (flag(resource, "owned") && providesServer(resource) && machineId != null) {
        choices.add(
            new PlexServerChoice(
                text(resource, "name"),
                machineId,
                bestUri(resource),
                text(resource, "productVersion")));
      }
    }
    return choices;
  }

  /**
   * Asks plex.tv for a sign-in code (api-facts 1.2: {@code POST /api/v2/pins?strong=true}) and
   * builds the address where the owner confirms it.
   *
   * @param appUrl Plex's web app (the plex.app-url setting), whose /auth page takes the code
   * @param proxyUrl optional http://host:port proxy for plex.tv; null or blank: none
   */
  public PlexPin startSignIn(String appUrl, String proxyUrl) {
    PlexApi api = new PlexApi(http.withProxy(proxyUrl), identity);
    HttpUrl url =
        PlexApi.under(PlexApi.base(plexTvUrl, PLEX_TV), "api", "v2", "pins")
            .addQueryParameter("strong", "true")
            .build();
    HttpReply reply = api.post(url, null, PLEX_TV);
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, SIGNING_IN);
    }
    JsonNode pin = api.readJson(reply, PLEX_TV, SIGNING_IN);
    String id = text(pin, "id");
    String code = text(pin, "code");
    if (id == null
        || !id.chars().allMatch(Character::isDigit)
        || id.length() > 18
        || code == null) {
      throw Replies.unreadable(PLEX_TV, SIGNING_IN, null);
    }
    String life = text(pin, "expiresIn");
    Duration lifetime =
        life != null && life.length() < 7 && life.chars().allMatch(Character::isDigit)
            ? Duration.ofSeconds(Long.parseLong(life))
            : PIN_LIFE;
    return new PlexPin(Long.parseLong(id), code, signInUrl(appUrl, code), lifetime);
  }

  /**
   * Where plex.tv's GeoIP places a public address: {@code GET /api/v2/geoip?ip_address=} answers
   * one XML {@code <location>} whose {@code coordinates} are "lat, lon" beside {@code city} and
   * {@code code} (python-plexapi MyPlexAccount.geoip, GeoLocation). Empty when it knows no place
   * for the address (no coordinates, or a 400 or 404 for it).
   */
  public Optional<Place> locate(String token, String proxyUrl, String address) {
    PlexApi api = new PlexApi(http.withProxy(proxyUrl), identity);
    HttpUrl url =
        PlexApi.under(PlexApi.base(plexTvUrl, PLEX_TV), "api", "v2", "geoip")
            .addQueryParameter("ip_address", address)
            .build();
    HttpReply reply = api.get(url, token, false, PLEX_TV);
    if (reply.code() == 400 || reply.code() == 404) {
      return Optional.empty();
    }
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, LOCATING);
    }
    JsonNode location = api.readXml(reply, PLEX_TV, LOCATING);
    String coordinates = text(location, "coordinates");
    if (coordinates == null) {
      return Optional.empty();
    }
    String[] parts = coordinates.split(",");
    try {
      if (parts.length != 2) {
        throw new NumberFormatException(coordinates);
      }
      return Optional.of(
          new Place(
              Double.parseDouble(parts[0].strip()),
              Double.parseDouble(parts[1].strip()),
              text(location, "city"),
              text(location, "code") != null ? text(location, "code") : text(location, "country")));
    } catch (IllegalArgumentException e) {
      throw Replies.unreadable(PLEX_TV, LOCATING, e);
    }
  }

  /**
   * The token plex.tv hands over once the owner confirmed the code; empty while it waits.
   *
   * @throws MediaServerException NOT_FOUND once plex.tv forgot the code (it expired)
   */
  public Optional<String> signInToken(PlexPin pin, String proxyUrl) {
    PlexApi api = new PlexApi(http.withProxy(proxyUrl), identity);
    HttpUrl url =
        PlexApi.under(
                PlexApi.base(plexTvUrl, PLEX_TV), "api", "v2", "pins", Long.toString(pin.id()))
            .build();
    HttpReply reply = api.get(url, null, true, PLEX_TV);
    if (reply.code() == 404) {
      throw new MediaServerException(
          Kind.NOT_FOUND, "The Plex sign-in code expired before it was confirmed: start again.");
    }
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, SIGNING_IN);
    }
    return Optional.ofNullable(text(api.readJson(reply, PLEX_TV, SIGNING_IN), "authToken"));
  }

  /**
   * Plex's auth page takes its parameters after the '#', as the Plex web app reads them (WIZ
   * user-plex-login.html, CANT AuthURL); each value is escaped.
   */
  private String signInUrl(String appUrl, String code) {
    HttpUrl app = PlexApi.base(appUrl, "app.plex.tv");
    return app.newBuilder().addPathSegment("auth").build()
        + "#?clientID="
        + escape(identity.clientId())
        + "&code="
        + escape(code)
        + "&context%5Bdevice%5D%5Bproduct%5D="
        + escape(identity.product());
  }

  private static String escape(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean providesServer(JsonNode resource) {
    String provides = text(resource, "provides");
    return provides != null
        && Arrays.stream(provides.split(",")).map(String::strip).anyMatch("server"::equals);
  }

  /** Direct before relay, local before remote, otherwise in plex.tv's order; null when none. */
  private static String bestUri(JsonNode resource) {
    return children(resource, "connections").stream()
        .filter(c -> text(c, "uri") != null)
        .min(
            Comparator.comparingInt(
                (JsonNode c) -> flag(c, "relay") ? 2 : flag(c, "local") ? 0 : 1))
        .map(c -> text(c, "uri"))
        .orElse(null);
  }
}
