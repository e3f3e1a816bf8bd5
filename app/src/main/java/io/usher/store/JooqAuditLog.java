package io.usher.store;

import static io.usher.store.generated.Tables.AUDIT_LOG;

import io.usher.domain.common.Inputs;
import io.usher.domain.ledger.AuditEntry;
import io.usher.domain.ledger.AuditLog;
import java.time.Clock;
import org.jooq.DSLContext;

public final class JooqAuditLog implements AuditLog {
  private static final int MAX_DETAIL = 8000;
  private final DSLContext dsl;
  private final Clock clock;

  public JooqAuditLog(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public void recordAll(java.util.List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    java.time.Instant now = clock.instant();
    org.jooq.BatchBindStep batch =
        dsl.batch(
            dsl.insertInto(
                    AUDIT_LOG,
                    AUDIT_LOG.AT,
                    AUDIT_LOG.ENTITY,
                    AUDIT_LOG.ENTITY_ID,
                    AUDIT_LOG.ACTION,
                    AUDIT_LOG.DETAIL)
                .values((java.time.Instant) null, null, null, null, null));
    entries.forEach(
        e ->
            batch.bind(
                now, e.entity(), e.entityId(), e.action(), Inputs.clip(e.detail(), MAX_DETAIL)));
    batch.execute();
  }

  @Override
  public void record(String entity, long entityId, String action, String detail) {
    String text = Inputs.clip(detail, MAX_DETAIL);
    dsl.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.AT, clock.instant())
        .set(AUDIT_LOG.ENTITY, entity)
        .set(AUDIT_LOG.ENTITY_ID, entityId)
        .set(AUDIT_LOG.ACTION, action)
        .set(AUDIT_LOG.DETAIL, text)
        .execute();
  }
}
