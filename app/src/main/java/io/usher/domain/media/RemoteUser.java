package io.usher.domain.media;

import java.time.Instant;
import java.util.List;

/**
 * A person with access to one server, as that server reports it.
 *
 * @param accountId the server's own id of the account (Plex account id, Jellyfin/Emby user id)
 * @param username Plex username, or the Jellyfin/Emby user name
 * @param email the account's email; Jellyfin and Emby do not know it (null)
 * @param shareId Plex's shared-server id, needed to change or remove the share; null elsewhere
 * @param libraryIds provider ids of the libraries shared; ignored when allLibraries
 * @param pending invited but not accepted yet (Plex)
 * @param downloads whether the account may download (Plex allowSync, Jellyfin/Emby
 *     EnableContentDownloading); null when the server did not say
 */
public record RemoteUser(
    String accountId,
    String username,
    String email,
    String shareId,
    List<String> libraryIds,
    boolean allLibraries,
    boolean pending,
    Instant invitedAt,
    Instant acceptedAt,
    Boolean downloads) {

  public RemoteUser {
    libraryIds = libraryIds == null ? List.of() : List.copyOf(libraryIds);
  }

  /** Someone whose download permission the server did not say (or Usher does not need). */
  public RemoteUser(
      String accountId,
      String username,
      String email,
      String shareId,
      List<String> libraryIds,
      boolean allLibraries,
      boolean pending,
      Instant invitedAt,
      Instant acceptedAt) {
    this(
        accountId,
        username,
        email,
        shareId,
        libraryIds,
        allLibraries,
        pending,
        invitedAt,
        acceptedAt,
        null);
  }
}
