package io.usher.domain.ledger;

/** The dashboard's headline numbers. Permanent users count as active too. */
public record StatusCounts(int active, int expiringSoon, int expired, int permanent) {

  /**
   * The counts of these users; "expiring soon" means active, standard, and ending before {@code
   * soonEnd}. A permanent user counts as active too.
   */
  public static StatusCounts of(java.util.List<UserRow> users, java.time.Instant soonEnd) {
    int active = 0;
    int soon = 0;
    int expired = 0;
    int permanent = 0;
    for (UserRow u : users) {
      if (u.permanent()) {
        permanent++;
        active++;
      } else if (u.status() == UserStatus.ACTIVE) {
        active++;
        if (u.expires() != null && u.expires().isBefore(soonEnd)) {
          soon++;
        }
      } else {
        expired++;
      }
    }
    return new StatusCounts(active, soon, expired, permanent);
  }
}
