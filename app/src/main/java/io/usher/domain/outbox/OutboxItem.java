package io.usher.domain.outbox;

import java.time.Instant;

/**
 * Work recorded in the same transaction as the change that needs it (an invite after a payment, a
 * mail after an invite) and done afterwards, retried until it succeeds.
 *
 * @param payload the work's parameters, encoded with {@link Payload}
 * @param lastError the sentence of the last failure; null before any
 */
public record OutboxItem(
    long id,
    String kind,
    String payload,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant doneAt) {}
