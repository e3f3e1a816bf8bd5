package io.usher.domain.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The only rule for who may watch: a permanent user always; a standard user while now lies inside
 * some payment's [start, end). Nothing else is stored that could drift from it.
 */
public final class Access {
  private Access() {}

  public static boolean isActive(boolean permanent, Collection<Period> periods, Instant now) {
    return permanent || periods.stream().anyMatch(p -> p.contains(now));
  }

  /** When access ends: the latest end of any payment; empty when the user never paid. */
  public static Optional<Instant> expiry(Collection<Period> periods) {
    return periods.stream().map(Period::end).max(Instant::compareTo);
  }

  /** A renewal starts at the later of now and the current expiry: it extends, never overlaps. */
  public static Instant renewalStart(Optional<Instant> currentExpiry, Instant now) {
    return currentExpiry.filter(e -> e.isAfter(now)).orElse(now);
  }

  public static UserStatus status(boolean permanent, Collection<Period> periods, Instant now) {
    return isActive(permanent, periods, now) ? UserStatus.ACTIVE : UserStatus.EXPIRED;
  }
}
