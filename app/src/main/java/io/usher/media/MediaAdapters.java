package io.usher.media;

import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerConnection;
import io.usher.http.Http;
import io.usher.media.emby.EmbyServer;
import io.usher.media.jellyfin.JellyfinServer;
import io.usher.media.plex.PlexIdentity;
import io.usher.media.plex.PlexServer;
import io.usher.media.plex.PlexTv;
import java.util.List;
import java.util.function.Supplier;

/**
 * Picks the adapter for a server's kind. The plex.tv address is read on every use, so a changed
 * setting applies without a restart.
 */
public final class MediaAdapters implements MediaServers {
  private final Http http;
  private final Supplier<String> plexTvUrl;
  private final PlexIdentity identity;

  public MediaAdapters(Http http, Supplier<String> plexTvUrl, PlexIdentity identity) {
    this.http = http;
    this.plexTvUrl = plexTvUrl;
    this.identity = identity;
  }

  @Override
  public MediaServer connect(ServerConnection connection) {
    return switch (connection.kind()) {
      case PLEX -> new PlexServer(http, plexTvUrl.get(), identity, connection);
      case JELLYFIN ->
          new JellyfinServer(http, connection, identity.clientId(), identity.version());
      case EMBY -> new EmbyServer(http, connection, identity.clientId(), identity.version());
    };
  }

  @Override
  public List<PlexServerChoice> plexServers(String token, String proxyUrl) {
    return new PlexTv(http, plexTvUrl.get(), identity).servers(token, proxyUrl);
  }
}
