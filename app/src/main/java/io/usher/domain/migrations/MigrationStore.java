package io.usher.domain.migrations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Moves between servers and each user's part in them. */
public interface MigrationStore {
  /** Records a move with its users' parts; returns its id. */
  long create(String from, String to, long fromId, long toId, Instant created, List<Move> moves);

  Optional<Migration> byId(long id);

  /** The newest moves first. */
  List<Migration> recent(int limit);

  /** Replaces one user's state and detail. */
  void update(Move move);

  void cancel(long id, Instant at);

  void finish(long id, Instant at);
}
