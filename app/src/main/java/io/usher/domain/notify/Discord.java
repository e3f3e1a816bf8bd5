package io.usher.domain.notify;

/**
 * What Usher asks of Discord through its bot: direct messages and the roles (or membership) of a
 * server's members. Failures that are worth retrying or the owner must fix throw {@link
 * DiscordException}; the expected refusals (DMs closed, not a member) are outcomes.
 */
public interface Discord {
  /** Checks the bot token; returns the bot's name. */
  String test();

  /** Opens (or reuses) the DM channel with the user and posts the text. */
  DmResult dm(String userId, String text);

  MemberResult addRole(String guildId, String userId, String roleId);

  MemberResult removeRole(String guildId, String userId, String roleId);

  /** Removes the user from the server. */
  MemberResult kick(String guildId, String userId);

  enum DmResult {
    SENT,
    /** The user blocks DMs from the bot or shares no server with it (Discord 50007). */
    DMS_CLOSED
  }

  enum MemberResult {
    DONE,
    /** The user is not in the server (Discord 10007 Unknown member). */
    NOT_IN_SERVER
  }
}
