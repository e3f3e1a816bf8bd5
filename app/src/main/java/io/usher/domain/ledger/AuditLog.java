package io.usher.domain.ledger;

/** Append-only record of edits to the ledger: what changed, from what, to what. */
public interface AuditLog {
  void record(String entity, long entityId, String action, String detail);

  /** Many entries at once, in one batch; their {@code at} is ignored (now is used). */
  void recordAll(java.util.List<AuditEntry> entries);
}
