package io.usher.domain.media;

/**
 * What a successful connection test learned about a server.
 *
 * @param machineId Plex's machineIdentifier, or the Jellyfin/Emby server id
 */
public record ServerInfo(String name, String version, String machineId) {}
