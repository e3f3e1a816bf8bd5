package io.usher.domain.sharing;

import java.util.Optional;

/** Places a public address on the map (plex.tv's GeoIP). */
public interface Locator {
  /**
   * Where the address is; empty when the service knows no place for it.
   *
   * @throws io.usher.domain.media.MediaServerException when plex.tv could not be asked or its
   *     answer read
   */
  Optional<Place> locate(String address);
}
