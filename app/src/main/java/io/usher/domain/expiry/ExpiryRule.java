package io.usher.domain.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who loses access, and when. A standard user whose access ended (not active now, latest payment
 * end reached) loses every share once {@code graceDays} have passed since that end (0: at once).
 * During the grace days, when a grace library group is set, the user is narrowed to that group's
 * libraries instead; without one the user keeps access until grace ends.
 *
 * <p>Never touched: permanent users, active users, users who never paid (nothing ended; the owner
 * decides), and users between payments whose next payment has not started yet (their expiry lies
 * ahead).
 */
public final class ExpiryRule {
  private ExpiryRule() {}

  public static Optional<ExpiryDecision> decide(
      Subscriber s, int graceDays, boolean graceGroup, Instant now) {
    if (s.permanent() || s.activeNow() || s.expires() == null || s.expires().isAfter(now)) {
      return Optional.empty();
    }
    Instant removeAt = s.expires().plus(Duration.ofDays(Math.max(0, graceDays)));
    if (!now.isBefore(removeAt)) {
      return Optional.of(new ExpiryDecision(s, ExpiryAction.REMOVE, removeAt));
    }
    return graceGroup
        ? Optional.of(new ExpiryDecision(s, ExpiryAction.NARROW, removeAt))
        : Optional.empty();
  }

  /** The decisions for everyone in {@code users}, in their order; untouched users are absent. */
  public static List<ExpiryDecision> decideAll(
      Collection<Subscriber> users, int graceDays, boolean graceGroup, Instant now) {
    List<ExpiryDecision> out = new ArrayList<>();
    for (Subscriber s : users) {
      decide(s, graceDays, graceGroup, now).ifPresent(out::add);
    }
    return out;
  }
}
