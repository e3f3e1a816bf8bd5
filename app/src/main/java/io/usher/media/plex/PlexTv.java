package io.usher.media.plex;

import static io.usher.media.plex.PlexApi.PLEX_TV;
import static io.usher.media.plex.PlexApi.children;
import static io.usher.media.plex.PlexApi.flag;
import static io.usher.media.plex.PlexApi.text;

import io.usher.domain.media.PlexServerChoice;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import io.usher.http.Replies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/** plex.tv calls about the account rather than one server: which servers a token owns. */
public final class PlexTv {
  private static final String LISTING = "listing the Plex servers of your account";

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
