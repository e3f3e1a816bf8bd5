package io.usher.domain.sharing;

import java.time.Instant;

/**
 * What the owner did about a flagged user.
 *
 * @param warnedAt when the user was last warned; null if never
 * @param ignoredAt when the owner last set the evidence aside: streams last seen before then no
 *     longer count; null if never
 */
public record SharingReview(long userId, Instant warnedAt, Instant ignoredAt) {}
