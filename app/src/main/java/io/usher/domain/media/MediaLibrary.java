package io.usher.domain.media;

/**
 * A library as the server's sharing API names it.
 *
 * @param providerId what sharing calls take: for Plex the plex.tv section id (not the server's
 *     local key), for Jellyfin the folder Id, for Emby the folder Guid (not its numeric Id)
 * @param type movie, show, artist, … as the server says; may be null
 */
public record MediaLibrary(String providerId, String title, String type) {}
