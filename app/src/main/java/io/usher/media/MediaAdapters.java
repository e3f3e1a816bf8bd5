package io.usher.media;

import io.usher.domain.media.MediaServer;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.PlexPin;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.sharing.Locator;
import io.usher.http.Http;
import io.usher.media.emby.EmbyServer;
import io.usher.media.jellyfin.JellyfinServer;
import io.usher.media.plex.PlexIdentity;
import io.usher.media.plex.PlexServer;
import io.usher.media.plex.PlexTv;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Picks the adapter for a server's kind. The plex.tv address is read on every use, so a changed
 * setting applies without a restart.
 */
public final class MediaAdapters implements MediaServers {
  private final Http http;
  private final Supplier<String> plexTvUrl;
  private final Supplier<String> plexAppUrl;
  private final PlexIdentity identity;

  /**
   * @param plexAppUrl Plex's web app, where the owner confirms a sign-in code
   */
  public MediaAdapters(
      Http http, Supplier<String> plexTvUrl, Supplier<String> plexAppUrl, PlexIdentity identity) {
    this.http = http;
    this.plexTvUrl = plexTvUrl;
    this.plexAppUrl = plexAppUrl;
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
    return plexTv().servers(token, proxyUrl);
  }

  @Override
  public PlexPin startPlexSignIn(String proxyUrl) {
    return plexTv().startSignIn(plexAppUrl.get(), proxyUrl);
  }

  @Override
  public Optional<String> plexSignInToken(PlexPin pin, String proxyUrl) {
    return plexTv().signInToken(pin, proxyUrl);
  }

  @Override
  public Locator plexLocator(String token, String proxyUrl) {
    PlexTv tv = plexTv();
    return address -> tv.locate(token, proxyUrl, address);
  }

  private PlexTv plexTv() {
    return new PlexTv(http, plexTvUrl.get(), identity);
  }
}
