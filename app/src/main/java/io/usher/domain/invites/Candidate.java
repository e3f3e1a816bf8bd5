package io.usher.domain.invites;

/**
 * A server as server choice sees it.
 *
 * @param capacity most users; null means no limit
 * @param users users sharing it now
 * @param grantsPlan the plan's library groups hold at least one library on this server
 */
public record Candidate(
    long id,
    String name,
    boolean enabled,
    boolean acceptsNewUsers,
    boolean acceptsTrials,
    boolean trialOnly,
    Integer capacity,
    int users,
    String location,
    boolean grantsPlan) {

  boolean hasRoom() {
    return capacity == null || users < capacity;
  }

  /** The plan can be served here at all (for a user who is already on it). */
  boolean suits(boolean trialPlan) {
    return enabled && grantsPlan && (!trialPlan || acceptsTrials) && (trialPlan || !trialOnly);
  }

  /** A newcomer may be put here. */
  boolean takesNewcomer(boolean trialPlan) {
    return suits(trialPlan) && acceptsNewUsers && hasRoom();
  }
}
