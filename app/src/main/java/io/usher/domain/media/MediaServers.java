package io.usher.domain.media;

import java.util.List;

/** Builds the right adapter for a server, and asks plex.tv which servers a token owns. */
public interface MediaServers {
  MediaServer connect(ServerConnection connection);

  /** The Plex Media Servers the token's account owns (plex.tv resources). */
  List<PlexServerChoice> plexServers(String token, String proxyUrl);
}
