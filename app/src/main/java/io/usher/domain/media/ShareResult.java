package io.usher.domain.media;

/**
 * What the server answered to a share.
 *
 * @param password the Jellyfin/Emby password that was set (to mail to the user); null for Plex
 */
public record ShareResult(
    String accountId, String username, String shareId, boolean pending, String password) {}
