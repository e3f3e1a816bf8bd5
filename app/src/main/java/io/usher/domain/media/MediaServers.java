package io.usher.domain.media;

import io.usher.domain.sharing.Locator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the right adapter for a server, asks plex.tv which servers a token owns, and signs the
 * owner in to Plex.
 */
public interface MediaServers {
  MediaServer connect(ServerConnection connection);

  /** The Plex Media Servers the token's account owns (plex.tv resources). */
  List<PlexServerChoice> plexServers(String token, String proxyUrl);

  /**
   * Starts "Sign in with Plex": a code the owner confirms at the returned address.
   *
   * @param proxyUrl optional http://host:port proxy for plex.tv; null: none
   */
  PlexPin startPlexSignIn(String proxyUrl);

  /**
   * The account's token once the owner has signed in; empty while plex.tv still waits for them.
   *
   * @throws MediaServerException {@link MediaServerException.Kind#NOT_FOUND} once the code expired
   */
  Optional<String> plexSignInToken(PlexPin pin, String proxyUrl);

  /**
   * plex.tv's GeoIP, asked with the owner's Plex token.
   *
   * @param proxyUrl optional http://host:port proxy for plex.tv; null: none
   */
  Locator plexLocator(String token, String proxyUrl);
}
