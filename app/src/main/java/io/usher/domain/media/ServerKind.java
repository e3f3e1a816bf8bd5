package io.usher.domain.media;

import io.usher.domain.common.ValidationException;
import java.util.Locale;

/** The media servers Usher sells access to. Stored and typed in lower case. */
public enum ServerKind {
  PLEX,
  JELLYFIN,
  EMBY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return switch (this) {
      case PLEX -> "Plex";
      case JELLYFIN -> "Jellyfin";
      case EMBY -> "Emby";
    };
  }

  public static ServerKind fromCode(String code) {
    try {
      return valueOf(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ValidationException.of("kind", "The server kind is plex, jellyfin or emby.");
    }
  }
}
