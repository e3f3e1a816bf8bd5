package io.usher.domain.media;

/**
 * A Plex Media Server that a token owns, as plex.tv lists it, for the owner to pick.
 *
 * @param url the connection Usher would use (a direct one before a relay)
 */
public record PlexServerChoice(String name, String machineId, String url, String version) {}
