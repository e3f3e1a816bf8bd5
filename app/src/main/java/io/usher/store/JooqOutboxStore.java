package io.usher.store;

import static io.usher.store.generated.Tables.OUTBOX;

import io.usher.domain.outbox.OutboxItem;
import io.usher.domain.outbox.OutboxStore;
import io.usher.store.generated.tables.records.OutboxRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

public final class JooqOutboxStore implements OutboxStore {
  private static final int MAX_ERROR = 2000;
  private final DSLContext dsl;
  private final Clock clock;

  public JooqOutboxStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public long enqueue(String kind, String payload, Instant due) {
    return dsl.insertInto(OUTBOX)
        .set(OUTBOX.KIND, kind)
        .set(OUTBOX.PAYLOAD, payload)
        .set(OUTBOX.CREATED_AT, clock.instant())
        .set(OUTBOX.NEXT_ATTEMPT_AT, due)
        .set(OUTBOX.ATTEMPTS, 0)
        .returning(OUTBOX.ID)
        .fetchOne(OUTBOX.ID);
  }

  @Override
  public List<OutboxItem> due(Instant now, int limit) {
    return dsl.selectFrom(OUTBOX)
        .where(OUTBOX.DONE_AT.isNull().and(OUTBOX.NEXT_ATTEMPT_AT.le(now)))
        .orderBy(OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.ID)
        .limit(limit)
        .fetch(JooqOutboxStore::toItem);
  }

  @Override
  public Optional<Instant> nextDue() {
    return Optional.ofNullable(
        dsl.select(DSL.min(OUTBOX.NEXT_ATTEMPT_AT))
            .from(OUTBOX)
            .where(OUTBOX.DONE_AT.isNull())
            .fetchOne(0, Instant.class));
  }

  /** Done work keeps its row but drops its parameters: a welcome mail's carry a password. */
  @Override
  public void done(long id, Instant at) {
    dsl.update(OUTBOX)
        .set(OUTBOX.DONE_AT, at)
        .set(OUTBOX.PAYLOAD, "")
        .where(OUTBOX.ID.eq(id))
        .execute();
  }

  @Override
  public void failed(long id, int attempts, Instant nextAttempt, String error) {
    String text = error == null ? "" : error;
    dsl.update(OUTBOX)
        .set(OUTBOX.ATTEMPTS, attempts)
        .set(OUTBOX.NEXT_ATTEMPT_AT, nextAttempt)
        .set(OUTBOX.LAST_ERROR, text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text)
        .where(OUTBOX.ID.eq(id))
        .execute();
  }

  @Override
  public List<OutboxItem> pending() {
    return dsl.selectFrom(OUTBOX)
        .where(OUTBOX.DONE_AT.isNull())
        .orderBy(OUTBOX.ID)
        .fetch(JooqOutboxStore::toItem);
  }

  private static OutboxItem toItem(OutboxRecord r) {
    return new OutboxItem(
        r.getId(),
        r.getKind(),
        r.getPayload(),
        r.getCreatedAt(),
        r.getAttempts(),
        r.getNextAttemptAt(),
        r.getLastError(),
        r.getDoneAt());
  }
}
