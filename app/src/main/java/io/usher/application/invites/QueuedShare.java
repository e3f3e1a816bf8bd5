package io.usher.application.invites;

import io.usher.domain.outbox.Payload;
import java.util.Map;

/**
 * A share waiting in the outbox (a payment's, or an invite the server could not take yet), as its
 * payload holds it.
 *
 * @param account the account to share with: the Plex email, or the Jellyfin/Emby user name
 */
public record QueuedShare(long userId, long serverId, long planId, String account) {
  /** The outbox kind of queued shares. */
  public static final String KIND = "invite";

  public String encode() {
    return Payload.encode(
        Map.of(
            "user", Long.toString(userId),
            "server", Long.toString(serverId),
            "plan", Long.toString(planId),
            "account", account));
  }

  public static QueuedShare decode(String payload) {
    Map<String, String> p = Payload.decode(payload);
    return new QueuedShare(
        Long.parseLong(p.get("user")),
        Long.parseLong(p.get("server")),
        Long.parseLong(p.get("plan")),
        p.get("account"));
  }
}
