package io.usher.application.servers;

import io.usher.application.Pause;
import io.usher.domain.common.UsherException;
import io.usher.domain.media.MediaServers;
import io.usher.domain.media.PlexPin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * "Sign in with Plex" (the PIN flow Overseerr, Tautulli and Wizarr use): plex.tv gives a code, the
 * owner confirms it in the browser, and Usher asks plex.tv every couple of seconds until the
 * account's token arrives. The token is handed to the caller and never stored here.
 */
public final class PlexSignIn {
  /** How often plex.tv is asked; the Plex web app itself asks about once a second. */
  static final Duration EVERY = Duration.ofSeconds(2);

  private final MediaServers media;
  private final Clock clock;
  private final Pause pause;

  public PlexSignIn(MediaServers media, Clock clock, Pause pause) {
    this.media = media;
    this.clock = clock;
    this.pause = pause;
  }

  /**
   * A new code and the address where the owner confirms it.
   *
   * @param proxyUrl optional http://host:port proxy for plex.tv; null or blank: none
   */
  public PlexPin start(String proxyUrl) {
    return media.startPlexSignIn(blankToNull(proxyUrl));
  }

  /**
   * Waits until the owner has confirmed the code.
   *
   * @return the account's token; empty when {@code cancelled} turned true first
   * @throws UsherException when the code expired before it was confirmed
   */
  public Optional<String> await(PlexPin pin, String proxyUrl, BooleanSupplier cancelled) {
    Instant deadline = clock.instant().plus(pin.lifetime());
    String proxy = blankToNull(proxyUrl);
    while (!cancelled.getAsBoolean()) {
      Optional<String> token = media.plexSignInToken(pin, proxy);
      if (token.isPresent()) {
        return token;
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new UsherException(
            "The Plex sign-in code expired before it was confirmed: start again.");
      }
      try {
        pause.sleep(EVERY, cancelled);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
