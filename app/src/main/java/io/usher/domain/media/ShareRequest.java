package io.usher.domain.media;

import java.util.List;

/**
 * Give one person access to the given libraries of a server.
 *
 * @param email the Plex account email (or username) to invite; for Jellyfin/Emby the contact email,
 *     not sent to the server
 * @param username the Jellyfin/Emby user name to create; ignored by Plex
 * @param password the Jellyfin/Emby password; null lets the adapter generate one
 * @param libraryIds provider ids; never empty (Plex reads an empty list as "everything")
 * @param maxStreams the plan's stream cap where the server enforces one itself (Emby), else
 *     informational
 */
public record ShareRequest(
    String email,
    String username,
    String password,
    List<String> libraryIds,
    boolean downloads,
    boolean transcode,
    int maxStreams) {

  public ShareRequest {
    libraryIds = List.copyOf(libraryIds);
    if (libraryIds.isEmpty()) {
      throw new IllegalArgumentException("a share needs at least one library");
    }
  }
}
