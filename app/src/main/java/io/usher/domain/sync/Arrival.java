package io.usher.domain.sync;

import io.usher.domain.media.RemoteUser;
import io.usher.domain.servers.Share;
import io.usher.domain.users.UserSpec;

/**
 * Someone on a server that Usher does not know yet: the user to create and their share, which gets
 * the new user's id once it is stored.
 */
public record Arrival(RemoteUser remote, UserSpec user, Share share) {}
