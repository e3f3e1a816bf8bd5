package io.usher.domain.ledger;

/** Append-only record of edits to the ledger: what changed, from what, to what. */
public interface AuditLog {
  void record(String entity, long entityId, String action, String detail);
}
