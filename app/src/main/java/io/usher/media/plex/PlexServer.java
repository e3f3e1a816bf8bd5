package io.usher.media.plex;

import static io.usher.media.plex.PlexApi.PLEX_TV;
import static io.usher.media.plex.PlexApi.children;
import static io.usher.media.plex.PlexApi.flag;
import static io.usher.media.plex.PlexApi.instant;
import static io.usher.media.plex.PlexApi.text;

import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.MediaLibrary;
import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerInfo;
import io.usher.domain.media.ShareRequest;
import io.usher.domain.media.ShareResult;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import io.usher.http.Replies;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Plex Media Server: sharing goes through plex.tv (through the account's proxy, if any),
 * streams through the server itself (always direct). Wire formats per api-facts sections 1 and 2.
 */
public final class PlexServer implements MediaServer {
  private static final Logger LOG = LoggerFactory.getLogger(PlexServer.class);
  static final String DEFAULT_REASON = "The server owner has ended the stream.";

  private final PlexApi tv;
  private final PlexApi pms;
  private final String plexTvUrl;
  private final ServerConnection connection;
  private final String machineId;
  private final String label;
  private final ShareFailures shareFailures;

  /**
   * @param plexTvUrl the plex.tv base (the plex.tv-url setting, or its override), for the v1 and
   *     the v2 API alike
   * @param connection the server's address, the owner's token and its machineIdentifier
   */
  public PlexServer(
      Http http, String plexTvUrl, PlexIdentity identity, ServerConnection connection) {
    if (connection.machineId() == null || connection.machineId().isBlank()) {
      throw new IllegalArgumentException("a Plex server needs its machineIdentifier");
    }
    this.tv = new PlexApi(http.withProxy(connection.proxyUrl()), identity);
    this.pms = new PlexApi(http, identity);
    this.plexTvUrl = plexTvUrl;
    this.connection = connection;
    this.machineId = connection.machineId().strip();
    boolean named = connection.name() != null && !connection.name().isBlank();
    this.label = "Plex server " + (named ? connection.name().strip() : connection.url());
    this.shareFailures = new ShareFailures(tv, connection.credential());
  }

  @Override
  public ServerInfo test() {
    String doing = "checking the server";
    HttpReply reply = pms.get(pmsUrl("identity").build(), token(), false, label);
    Replies.requireOk(reply, label, doing);
    JsonNode identity = pms.readXml(reply, label, doing);
    String found = text(identity, "machineIdentifier");
    if (found == null) {
      throw Replies.unreadable(label, doing, null);
    }
    if (!found.equals(machineId)) {
      throw new MediaServerException(
          Kind.NOT_FOUND,
          "The server at "
              + connection.url()
              + " is another Plex server (machine "
              + found
              + ") than "
              + label
              + ": correct the address in the server's settings.");
    }
    checkToken();
    String name = connection.name();
    if (name == null || name.isBlank()) {
      name = text(plexTvServer("naming " + label), "name");
    }
    return new ServerInfo(name, text(identity, "version"), found);
  }

  /** plex.tv's v2 user call answers 401 (or 422 "Invalid token") for a token it does not know. */
  private void checkToken() {
    String doing = "checking the token of " + label;
    HttpReply reply = tv.get(tvUrl("api", "v2", "user").build(), token(), true, PLEX_TV);
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, doing);
    }
  }

  @Override
  public List<MediaLibrary> libraries() {
    String doing = "listing the libraries of " + label;
    List<MediaLibrary> libraries = new ArrayList<>();
    for (JsonNode section : children(plexTvServer(doing), "Section")) {
      // Section@id is plex.tv's global id, what sharing takes; Section@key is the server's own.
      String id = text(section, "id");
      if (id == null) {
        throw Replies.unreadable(PLEX_TV, doing, null);
      }
      libraries.add(new MediaLibrary(id, text(section, "title"), text(section, "type")));
    }
    return libraries;
  }

  /** plex.tv's v1 view of this server (api-facts 1.5): its name and its sections, global ids. */
  private JsonNode plexTvServer(String doing) {
    HttpReply reply = tv.get(tvUrl("api", "servers", machineId).build(), token(), false, PLEX_TV);
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, doing);
    }
    List<JsonNode> servers = children(tv.readXml(reply, PLEX_TV, doing), "Server");
    return servers.stream()
        .filter(server -> machineId.equals(text(server, "machineIdentifier")))
        .findFirst()
        .or(() -> servers.stream().findFirst())
        .orElseThrow(
            () ->
                new MediaServerException(
                    Kind.NOT_FOUND,
                    "plex.tv does not list "
                        + label
                        + " for this Plex account: sign in with the account that owns it."));
  }

  @Override
  public List<RemoteUser> users() {
    String doing = "listing the users of " + label;
    List<RemoteUser> shares = PlexUsers.fromSharedServers(sharedServers(doing));
    if (shares == null) {
      throw Replies.unreadable(PLEX_TV, doing, null);
    }
    return PlexUsers.merge(shares, pendingInvites(doing));
  }

  private JsonNode sharedServers(String doing) {
    HttpUrl url = tvUrl("api", "servers", machineId, "shared_servers").build();
    HttpReply reply = tv.get(url, token(), false, PLEX_TV);
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, doing);
    }
    return tv.readXml(reply, PLEX_TV, doing);
  }

  private List<RemoteUser> pendingInvites(String doing) {
    HttpUrl url = tvUrl("api", "v2", "shared_servers", "invites", "owned", "pending").build();
    HttpReply reply = tv.get(url, token(), true, PLEX_TV);
    if (reply.code() == 404 || reply.code() == 410) {
      // The v1 list above is the source of truth for shares; this v2 call only adds invites v1
      // may not show. plex.tv has retired invite endpoints before (v1 invites went 410 in 2024),
      // so losing it must not lose the whole listing.
      LOG.warn("plex.tv answered {} for pending invites; listing v1 shares only", reply.code());
      return List.of();
    }
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, doing);
    }
    return PlexUsers.fromPendingInvites(tv.readJson(reply, PLEX_TV, doing), machineId);
  }

  @Override
  public ShareResult share(ShareRequest request) {
    List<Long> sections = sectionIds(request.libraryIds());
    String doing = "inviting " + request.email() + " to " + label;
    PlexSettings settings = new PlexSettings(request.downloads(), false, false);
    ObjectNode body = tv.http().json().createObjectNode();
    body.put("machineIdentifier", machineId);
    body.put("invitedEmail", request.email());
    sections.forEach(body.putArray("librarySectionIds")::add);
    settings.writeV2(body.putObject("settings"));
    body.put("skipFriendship", true);
    HttpReply reply =
        tv.postJson(tvUrl("api", "v2", "shared_servers").build(), token(), body, PLEX_TV);
    if (reply.code() == 404) {
      // Some accounts get 404 (code 1002) from v2 (api-facts 1.8, python-plexapi#1504); v1 is
      // the documented fallback. Only a 404: any other refusal means v2 understood the request.
      LOG.info("plex.tv v2 sharing answered 404; inviting through v1");
      return shareV1(request, sections, settings, doing);
    }
    if (!reply.ok()) {
      throw shareFailures.of(reply, request.email(), label, doing);
    }
    JsonNode share = tv.readJson(reply, PLEX_TV, doing);
    JsonNode invited = share.path("invited");
    String shareId = text(share, "id");
    if (shareId == null) {
      throw Replies.unreadable(PLEX_TV, doing, null);
    }
    boolean accepted = flag(share, "accepted") || instant(share, "acceptedAt") != null;
    return new ShareResult(
        text(share, "invitedId") != null ? text(share, "invitedId") : text(invited, "id"),
        text(invited, "username"),
        shareId,
        !accepted,
        null);
  }

  private ShareResult shareV1(
      ShareRequest request, List<Long> sections, PlexSettings settings, String doing) {
    ObjectNode body = tv.http().json().createObjectNode();
    body.put("server_id", machineId);
    ObjectNode shared = body.putObject("shared_server");
    sections.forEach(shared.putArray("library_section_ids")::add);
    shared.put("invited_email", request.email());
    settings.writeV1(body.putObject("sharing_settings"));
    HttpUrl url = tvUrl("api", "servers", machineId, "shared_servers").build();
    HttpReply reply = tv.postJson(url, token(), body, PLEX_TV);
    if (!reply.ok()) {
      throw shareFailures.of(reply, request.email(), label, doing);
    }
    JsonNode tree = tv.readXml(reply, PLEX_TV, doing);
    List<JsonNode> shares = children(tree, "SharedServer");
    JsonNode share = shares.isEmpty() ? tree : shares.getFirst();
    String shareId = text(share, "id");
    if (shareId == null) {
      throw Replies.unreadable(PLEX_TV, doing, null);
    }
    return new ShareResult(
        text(share, "userID"),
        text(share, "username"),
        shareId,
        instant(share, "acceptedAt") == null,
        null);
  }

  @Override
  public void updateLibraries(RemoteUser user, List<String> libraryIds) {
    postLibraries(user, libraryIds, current -> current);
  }

  /** The share's other flags are kept as they are; allowSync becomes {@code downloads}. */
  @Override
  public void updateAccess(RemoteUser user, List<String> libraryIds, boolean downloads) {
    postLibraries(
        user,
        libraryIds,
        current ->
            new PlexSettings(downloads, current.allowCameraUpload(), current.allowChannels()));
  }

  private void postLibraries(
      RemoteUser user,
      List<String> libraryIds,
      java.util.function.UnaryOperator<PlexSettings> settings) {
    if (libraryIds == null || libraryIds.isEmpty()) {
      throw new IllegalArgumentException(
          "Plex shares every library for an empty list: remove the share instead");
    }
    String shareId = shareIdOf(user);
    String doing = "changing the libraries of " + who(user) + " on " + label;
    ObjectNode body = tv.http().json().createObjectNode();
    settings.apply(currentSettings(shareId, doing)).writeV2(body.putObject("settings"));
    sectionIds(libraryIds).forEach(body.putArray("librarySectionIds")::add);
    HttpReply reply =
        tv.postJson(tvUrl("api", "v2", "shared_servers", shareId).build(), token(), body, PLEX_TV);
    if (reply.code() == 404) {
      throw new MediaServerException(
          Kind.NOT_FOUND,
          "plex.tv no longer has the share of "
              + who(user)
              + " on "
              + label
              + ": sync the users of the server.");
    }
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, doing);
    }
  }

  /**
   * v2 wants the whole settings object with the libraries (api-facts 1.9) and the contract hands
   * Usher only the libraries, so the share's flags are read back from v1 and sent unchanged; were
   * they not, changing libraries would quietly take downloads away.
   */
  private PlexSettings currentSettings(String shareId, String doing) {
    HttpUrl url = tvUrl("api", "servers", machineId, "shared_servers").build();
    HttpReply reply = tv.get(url, token(), false, PLEX_TV);
    if (reply.code() == 404 || reply.code() == 410) {
      LOG.warn("plex.tv answered {} for the shares; sending default flags", reply.code());
      return PlexSettings.NONE;
    }
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, doing);
    }
    PlexSettings settings = PlexUsers.settingsOf(tv.readXml(reply, PLEX_TV, doing), shareId);
    return settings != null ? settings : PlexSettings.NONE;
  }

  @Override
  public void remove(RemoteUser user) {
    String shareId = shareIdOf(user);
    String doing = "removing the share of " + who(user) + " on " + label;
    HttpUrl url = tvUrl("api", "v2", "shared_servers", shareId).build();
    HttpReply reply = tv.delete(url, token(), PLEX_TV);
    if (reply.code() == 404) {
      // The share is gone already (removed in Plex Web, or the invite was declined): the owner
      // wanted it gone, so that is success, not an error to retry forever.
      LOG.info("Share {} on {} was already removed", shareId, label);
      return;
    }
    if (!reply.ok()) {
      throw PlexApi.tvFailure(reply, doing);
    }
  }

  @Override
  public List<ActiveStream> streams() {
    String doing = "listing the streams";
    HttpReply reply = pms.get(pmsUrl("status", "sessions").build(), token(), false, label);
    Replies.requireOk(reply, label, doing);
    return PlexSessions.streams(pms.readXml(reply, label, doing));
  }

  @Override
  public void stopStream(String sessionId, String message) {
    if (sessionId == null || sessionId.isBlank()) {
      throw new IllegalArgumentException("stopping a Plex stream takes its Session id");
    }
    String reason = message == null || message.isBlank() ? DEFAULT_REASON : message;
    HttpUrl url =
        pmsUrl("status", "sessions", "terminate")
            .addQueryParameter("sessionId", sessionId)
            .addQueryParameter("reason", reason)
            .build();
    HttpReply reply = pms.get(url, token(), false, label);
    if (reply.code() == 401) {
      throw new MediaServerException(
          Kind.FEATURE_UNAVAILABLE,
          "Stopping streams needs Plex Pass on the server owner's account.");
    }
    if (reply.code() == 404) {
      throw new MediaServerException(Kind.NOT_FOUND, "That stream has already ended.");
    }
    Replies.requireOk(reply, label, "stopping a stream");
  }

  /** Plex takes plex.tv's numeric section ids; anything else is a local key or a mix-up. */
  private static List<Long> sectionIds(List<String> libraryIds) {
    if (libraryIds.isEmpty()) {
      // ShareRequest refuses this already; plex.tv would read [] as "every library".
      throw new IllegalArgumentException("a Plex share needs at least one library");
    }
    try {
      return libraryIds.stream().map(id -> Long.parseLong(id.strip())).toList();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Plex library ids are plex.tv's numeric section ids", e);
    }
  }

  private static String shareIdOf(RemoteUser user) {
    if (user.shareId() == null || user.shareId().isBlank()) {
      throw new IllegalArgumentException("a Plex user needs the share id plex.tv listed");
    }
    return user.shareId();
  }

  private static String who(RemoteUser user) {
    return user.username() != null
        ? user.username()
        : user.email() != null ? user.email() : "user " + user.accountId();
  }

  private String token() {
    return connection.credential();
  }

  private HttpUrl.Builder tvUrl(String... segments) {
    return PlexApi.under(PlexApi.base(plexTvUrl, PLEX_TV), segments);
  }

  private HttpUrl.Builder pmsUrl(String... segments) {
    return PlexApi.under(PlexApi.base(connection.url(), label), segments);
  }
}
