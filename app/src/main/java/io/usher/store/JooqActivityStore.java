package io.usher.store;

import static io.usher.store.generated.Tables.ACTIVITY_LOG;

import io.usher.domain.common.Inputs;
import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.ActivityStore;
import io.usher.domain.enforce.Outcome;
import io.usher.domain.enforce.Reason;
import io.usher.domain.enforce.SessionKey;
import io.usher.store.generated.tables.records.ActivityLogRecord;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/** The enforcement activity log (V7). */
public final class JooqActivityStore implements ActivityStore {
  private final DSLContext dsl;

  public JooqActivityStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void append(List<ActivityEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    // Plain JDBC batch: a pass may stop hundreds of streams, and jOOQ's per-record batch binding
    // cost more than the rest of the pass. Inside a transaction this is its connection.
    dsl.connection(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO activity_log (at, user_id, user_label, server_id, server_name,"
                      + " session_id, device, ip, title, reason, why, outcome, outcome_detail,"
                      + " notified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ActivityEntry e : entries) {
              insert.setObject(1, e.at().atOffset(ZoneOffset.UTC));
              insert.setObject(2, e.userId(), Types.BIGINT);
              insert.setString(3, Inputs.clip(e.user(), 500));
              insert.setObject(4, e.serverId(), Types.BIGINT);
              insert.setString(5, Inputs.clip(e.server(), 200));
              insert.setString(6, Inputs.clip(e.sessionId(), 200));
              insert.setString(7, Inputs.clip(e.device(), 500));
              insert.setString(8, Inputs.clip(e.ip(), 100));
              insert.setString(9, Inputs.clip(e.title(), 1000));
              insert.setString(10, e.reason().code());
              insert.setString(11, Inputs.clip(e.why(), 2000));
              insert.setString(12, e.outcome().code());
              insert.setString(13, Inputs.clip(e.outcomeDetail(), 2000));
              insert.setBoolean(14, e.notified());
              insert.addBatch();
            }
            insert.executeBatch();
          }
        });
  }

  @Override
  public List<ActivityEntry> recent(int limit) {
    return dsl.selectFrom(ACTIVITY_LOG)
        .orderBy(ACTIVITY_LOG.AT.desc(), ACTIVITY_LOG.ID.desc())
        .limit(Math.max(0, limit))
        .fetch(JooqActivityStore::toEntry);
  }

  @Override
  public Set<SessionKey> settledSince(Instant since) {
    Set<SessionKey> keys = new HashSet<>();
    dsl.select(ACTIVITY_LOG.SERVER_ID, ACTIVITY_LOG.SESSION_ID)
        .from(ACTIVITY_LOG)
        .where(ACTIVITY_LOG.AT.ge(since))
        .and(ACTIVITY_LOG.SERVER_ID.isNotNull())
        .and(ACTIVITY_LOG.OUTCOME.ne(Outcome.FAILED.code()))
        .forEach(r -> keys.add(new SessionKey(r.value1(), r.value2())));
    return keys;
  }

  private static ActivityEntry toEntry(ActivityLogRecord r) {
    return new ActivityEntry(
        r.getId(),
        r.getAt(),
        r.getUserId(),
        r.getUserLabel(),
        r.getServerId(),
        r.getServerName(),
        r.getSessionId(),
        r.getDevice(),
        r.getIp(),
        r.getTitle(),
        Reason.fromCode(r.getReason()),
        r.getWhy(),
        Outcome.fromCode(r.getOutcome()),
        r.getOutcomeDetail(),
        r.getNotified());
  }
}
