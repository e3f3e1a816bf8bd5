package io.usher.domain.servers;

/**
 * A library of a linked server, in one library group.
 *
 * @param providerId the id sharing calls take (plex.tv section id, Jellyfin Id, Emby Guid)
 */
public record Library(
    long id,
    long serverId,
    String server,
    String providerId,
    String title,
    String type,
    String group) {}
