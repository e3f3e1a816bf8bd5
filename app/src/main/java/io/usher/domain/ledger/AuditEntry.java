package io.usher.domain.ledger;

import java.time.Instant;

/** One audited change to the ledger. */
public record AuditEntry(Instant at, String entity, long entityId, String action, String detail) {}
