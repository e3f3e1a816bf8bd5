package io.usher.domain.expiry;

import java.time.Instant;

/** One reminder: this user, about this expiry, this many days before it. Sent at most once. */
public record ReminderKey(long userId, Instant expires, int daysBefore) {}
