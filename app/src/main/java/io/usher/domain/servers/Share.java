package io.usher.domain.servers;

import java.time.Instant;
import java.util.Set;

/**
 * What Usher believes a user has on one server.
 *
 * @param account the Plex account (username or email) or the Jellyfin/Emby user name
 * @param accountId the server's id of that account
 * @param providerShareId Plex's shared-server id; null elsewhere
 * @param removedAt when the share vanished (from the server, or taken away); null while it lasts
 * @param libraryIds Usher's library ids
 */
public record Share(
    long id,
    long userId,
    long serverId,
    String account,
    String accountId,
    String providerShareId,
    Instant invitedAt,
    Instant acceptedAt,
    boolean pending,
    Instant removedAt,
    boolean allLibraries,
    Set<Long> libraryIds) {
  /** The shares column holds an account (email or user name) of this many characters. */
  public static final int MAX_ACCOUNT = 320;

  public boolean active() {
    return removedAt == null;
  }

  /** This share, taken away at {@code at}. */
  public Share removed(Instant at) {
    return new Share(
        id,
        userId,
        serverId,
        account,
        accountId,
        providerShareId,
        invitedAt,
        acceptedAt,
        pending,
        at,
        allLibraries,
        libraryIds);
  }

  /** The account on the server, as adapters address it to change or remove access. */
  public io.usher.domain.media.RemoteUser onServer(String email) {
    return new io.usher.domain.media.RemoteUser(
        accountId, account, email, providerShareId, java.util.List.of(), false, false, null, null);
  }
}
