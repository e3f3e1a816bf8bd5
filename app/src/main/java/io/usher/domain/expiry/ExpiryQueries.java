package io.usher.domain.expiry;

import io.usher.domain.servers.Share;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The reads expiry and reminders need, each one pass over its table. */
public interface ExpiryQueries {
  /**
   * The users whose expiry (latest payment end) lies in ({@code after}, {@code until}], with their
   * state at {@code now}. Narrowing by expiry in the database first keeps a run over 100,000 users
   * to the few it may act on: {@code until = now} finds everyone whose access ended, {@code (now,
   * now + 7 days]} everyone a reminder may be due to.
   *
   * @param after null for no lower bound
   */
  List<Subscriber> expiringBetween(Instant after, Instant until, Instant now);

  /** The active (not removed) shares of these users, by user id; users without one are absent. */
  Map<Long, List<Share>> activeShares(Collection<Long> userIds);
}
