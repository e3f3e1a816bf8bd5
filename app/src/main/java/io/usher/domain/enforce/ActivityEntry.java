package io.usher.domain.enforce;

import java.time.Instant;

/**
 * One thing enforcement did: which stream, what and why, and how it went.
 *
 * @param id 0 until stored
 * @param userId null when the user is gone
 * @param user the user's label when it happened
 * @param why one sentence for the owner
 * @param outcomeDetail the server's refusal or failure; null when stopped
 * @param notified a mail was queued to the user for it
 */
public record ActivityEntry(
    long id,
    Instant at,
    Long userId,
    String user,
    Long serverId,
    String server,
    String sessionId,
    String device,
    String ip,
    String title,
    Reason reason,
    String why,
    Outcome outcome,
    String outcomeDetail,
    boolean notified) {}
