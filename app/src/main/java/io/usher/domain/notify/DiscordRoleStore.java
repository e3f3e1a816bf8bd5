package io.usher.domain.notify;

import java.util.Map;

/** The users Discord knows about and what Usher last set for them. */
public interface DiscordRoleStore {
  /** Every user with a Discord id: user id → Discord id. */
  Map<Long, String> discordIds();

  /** What was last set, by user id. */
  Map<Long, DiscordRoles> all();

  void save(DiscordRoles roles);
}
