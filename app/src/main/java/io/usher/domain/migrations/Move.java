package io.usher.domain.migrations;

/**
 * One user's part in a move between servers, and where it stands.
 *
 * @param detail what happened, or what will, in words the owner reads in the report
 */
public record Move(long migrationId, long userId, String who, State state, String detail) {
  public static final int MAX_DETAIL = 2000;

  /**
   * Waiting to start; shared on the target with the source share still in place; moved; not moved
   * (the reason in the detail, the user still on the source); cancelled before it started.
   */
  public enum State {
    WAITING,
    ON_TARGET,
    MOVED,
    NOT_MOVED,
    CANCELLED;

    /** Nothing more happens to the user in this move. */
    public boolean settled() {
      return this == MOVED || this == NOT_MOVED || this == CANCELLED;
    }
  }

  public Move {
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }
  }

  public Move as(State next, String what) {
    return new Move(migrationId, userId, who, next, what);
  }
}
