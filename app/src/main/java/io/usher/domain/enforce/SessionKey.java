package io.usher.domain.enforce;

/** A session as enforcement remembers it: session ids are unique per server only. */
public record SessionKey(long serverId, String sessionId) {}
