package io.usher.domain.notify;

import java.time.Instant;

/**
 * What Usher last set on Discord for one user.
 *
 * @param discordId the Discord id the rest applies to
 * @param subscriberRole the subscriber role id Usher gave; null when none
 * @param trialRole the trial role id Usher gave; null when none
 * @param kicked Usher removed the user from the server
 * @param notMemberAt when Discord last said the user is not in the server; null otherwise
 */
public record DiscordRoles(
    long userId,
    String discordId,
    String subscriberRole,
    String trialRole,
    boolean kicked,
    Instant notMemberAt) {

  /** Nothing known to be set: a user the job has not handled yet. */
  public static DiscordRoles none(long userId, String discordId) {
    return new DiscordRoles(userId, discordId, null, null, false, null);
  }

  public DiscordRoles withSubscriberRole(String role) {
    return new DiscordRoles(userId, discordId, role, trialRole, kicked, notMemberAt);
  }

  public DiscordRoles withTrialRole(String role) {
    return new DiscordRoles(userId, discordId, subscriberRole, role, kicked, notMemberAt);
  }

  public DiscordRoles withKicked(boolean isKicked) {
    return isKicked
        ? new DiscordRoles(userId, discordId, null, null, true, notMemberAt)
        : new DiscordRoles(userId, discordId, subscriberRole, trialRole, false, notMemberAt);
  }

  public DiscordRoles withNotMemberAt(Instant at) {
    return new DiscordRoles(userId, discordId, subscriberRole, trialRole, kicked, at);
  }
}
