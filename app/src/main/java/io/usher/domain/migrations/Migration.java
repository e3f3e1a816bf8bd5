package io.usher.domain.migrations;

import java.time.Instant;
import java.util.List;

/**
 * A move of users from one server to another, with each user's part.
 *
 * @param fromId the source server, null once it is deleted (its name stays for the report)
 * @param cancelled when the owner cancelled it: users not started stay where they are
 * @param finished when the last user's part settled
 */
public record Migration(
    long id,
    String from,
    String to,
    Long fromId,
    Long toId,
    Instant created,
    Instant cancelled,
    Instant finished,
    List<Move> moves) {

  public long count(Move.State state) {
    return moves.stream().filter(m -> m.state() == state).count();
  }

  /** Users whose part has settled (moved, not moved or cancelled), for progress. */
  public long settled() {
    return moves.stream().filter(m -> m.state().settled()).count();
  }

  public boolean done() {
    return finished != null;
  }
}
