package io.usher.domain.enforce;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The append-only log of what enforcement did. */
public interface ActivityStore {
  /** Writes the entries (their id is ignored) in one batch. */
  void append(List<ActivityEntry> entries);

  /** The newest entries first, at most {@code limit}. */
  List<ActivityEntry> recent(int limit);

  /** Sessions with a settled entry (stopped or not stoppable) since {@code since}. */
  Set<SessionKey> settledSince(Instant since);
}
