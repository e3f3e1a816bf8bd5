package io.usher.domain.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface OutboxStore {
  /** Records work, due at {@code due}; joins the caller's transaction. */
  long enqueue(String kind, String payload, Instant due);

  /** Undone items due at or before {@code now}, oldest first. */
  List<OutboxItem> due(Instant now, int limit);

  /** When the next undone item is due; empty when there is nothing to do. */
  Optional<Instant> nextDue();

  void done(long id, Instant at);

  void failed(long id, int attempts, Instant nextAttempt, String error);

  /** Every undone item, for the owner to see what waits and why. */
  List<OutboxItem> pending();
}
