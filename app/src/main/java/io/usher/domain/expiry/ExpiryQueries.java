package io.usher.domain.expiry;

import io.usher.domain.servers.Share;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The reads expiry and reminders need, each one pass over its table. */
public interface ExpiryQueries {
  /** Every user with their expiry and whether they are active at {@code now}. */
  List<Subscriber> subscribers(Instant now);

  /** The active (not removed) shares of these users, by user id; users without one are absent. */
  Map<Long, List<Share>> activeShares(Collection<Long> userIds);
}
