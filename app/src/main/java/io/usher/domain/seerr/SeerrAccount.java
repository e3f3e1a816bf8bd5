package io.usher.domain.seerr;

import java.time.Instant;

/**
 * The Seerr account Usher made for a user.
 *
 * @param seerrId Seerr's number for the account
 * @param email the user's email when it was made, to name it once the user is gone
 */
public record SeerrAccount(long userId, long seerrId, String email, Instant createdAt) {}
