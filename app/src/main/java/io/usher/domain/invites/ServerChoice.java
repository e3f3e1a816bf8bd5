package io.usher.domain.invites;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which server a subscriber lands on (product spec, item 5): the current server if it suits the
 * plan; else the server of a pending invite; else a server the user had before that has room; else
 * any enabled server that accepts new users (and trials, for a trial plan) with room, preferring
 * the customer's location, ties going to the fewest users, then the oldest server.
 */
public final class ServerChoice {
  private ServerChoice() {}

  /**
   * @param current the server the user shares now; null if none
   * @param pendingInvite the server of an invite not yet accepted; null if none
   * @param previous servers the user had before, most recent first
   */
  public static Candidate choose(
      List<Candidate> servers,
      Long current,
      Long pendingInvite,
      List<Long> previous,
      String plan,
      boolean trialPlan,
      String location) {
    Optional<Candidate> kept =
        find(servers, current)
            .filter(c -> c.suits(trialPlan))
            .or(() -> find(servers, pendingInvite).filter(c -> c.suits(trialPlan)));
    if (kept.isPresent()) {
      return kept.get();
    }
    for (Long id : previous) {
      Optional<Candidate> before = find(servers, id).filter(c -> c.suits(trialPlan) && c.hasRoom());
      if (before.isPresent()) {
        return before.get();
      }
    }
    Comparator<Candidate> preference =
        Comparator.<Candidate>comparingInt(c -> sameLocation(c, location) ? 0 : 1)
            .thenComparingInt(Candidate::users)
            .thenComparingLong(Candidate::id);
    return servers.stream()
        .filter(c -> c.takesNewcomer(trialPlan))
        .min(preference)
        .orElseThrow(() -> new NoServerException(plan));
  }

  private static boolean sameLocation(Candidate c, String location) {
    return location != null && c.location() != null && c.location().equalsIgnoreCase(location);
  }

  private static Optional<Candidate> find(List<Candidate> servers, Long id) {
    return id == null
        ? Optional.empty()
        : servers.stream().filter(c -> Objects.equals(c.id(), id)).findFirst();
  }
}
