package io.usher.media.plex;

import java.util.Objects;
import okhttp3.Headers;

/**
 * Who Usher says it is to plex.tv and to Plex Media Servers (api-facts 1.1).
 *
 * @param clientId a stable UUID per installation; plex.tv lists the app under it and requires it
 * @param product the product name shown in the owner's Plex devices, e.g. "Usher"
 * @param version Usher's version
 */
public record PlexIdentity(String clientId, String product, String version) {
  public PlexIdentity {
    requireText(clientId, "clientId");
    requireText(product, "product");
    requireText(version, "version");
  }

  /**
   * The headers of every Plex request. The token travels here and never in a URL, because URLs end
   * up in logs and exception messages.
   */
  Headers headers(String token) {
    Headers.Builder headers =
        new Headers.Builder()
            .add("X-Plex-Client-Identifier", clientId)
            .add("X-Plex-Product", product)
            .add("X-Plex-Version", version)
            .add("X-Plex-Device-Name", product)
            .add("X-Plex-Platform", System.getProperty("os.name", "Java"));
    if (token != null && !token.isBlank()) {
      headers.add("X-Plex-Token", token);
    }
    return headers.build();
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
