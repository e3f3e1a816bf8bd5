package io.usher.domain.media;

import java.util.List;
import java.util.Optional;

/**
 * One connected Plex, Jellyfin or Emby server. Every method either does what it says or throws a
 * {@link MediaServerException} whose message is one sentence the owner can act on.
 */
public interface MediaServer {
  /** Checks address and credential; what the server says about itself. */
  ServerInfo test();

  List<MediaLibrary> libraries();

  /** Everyone with access (or a pending invite) to this server, and what they can see. */
  List<RemoteUser> users();

  /** Plex: invites the email; Jellyfin/Emby: creates the user, sets password and policy. */
  ShareResult share(ShareRequest request);

  /** Replaces the libraries a user can see; {@code libraryIds} is never empty. */
  void updateLibraries(RemoteUser user, List<String> libraryIds);

  /**
   * Replaces the libraries a user can see and whether they may download (Plex: the share's
   * allowSync; Jellyfin/Emby: EnableContentDownloading); {@code libraryIds} is never empty.
   */
  void updateAccess(RemoteUser user, List<String> libraryIds, boolean downloads);

  /** Takes all access away (Plex: removes the share; Jellyfin/Emby: disables the user). */
  void remove(RemoteUser user);

  /**
   * Gives access back to someone whose access was removed (a renewal after expiry). Plex simply
   * invites again; Jellyfin and Emby enable the kept account instead of creating a second one.
   */
  default ShareResult restore(RemoteUser user, ShareRequest request) {
    return share(request);
  }

  List<ActiveStream> streams();

  /** Stops a stream, showing {@code message} to the viewer where the server can. */
  void stopStream(String sessionId, String message);

  /** The server's device controls, when it has them (Emby). */
  default Optional<DeviceAccess> deviceAccess() {
    return Optional.empty();
  }
}
