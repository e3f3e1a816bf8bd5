package io.usher.store;

import static io.usher.store.generated.Tables.ACTIVITY_LOG;

import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.enforce.ActivityStore;
import io.usher.domain.enforce.Outcome;
import io.usher.domain.enforce.Reason;
import io.usher.domain.enforce.SessionKey;
import io.usher.store.generated.tables.records.ActivityLogRecord;
import java.time.Instant;
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
    List<ActivityLogRecord> records =
        entries.stream()
            .map(
                e -> {
                  ActivityLogRecord r = dsl.newRecord(ACTIVITY_LOG);
                  r.setAt(e.at());
                  r.setUserId(e.userId());
                  r.setUserLabel(clip(e.user(), 500));
                  r.setServerId(e.serverId());
                  r.setServerName(clip(e.server(), 200));
                  r.setSessionId(clip(e.sessionId(), 200));
                  r.setDevice(clip(e.device(), 500));
                  r.setIp(clip(e.ip(), 100));
                  r.setTitle(clip(e.title(), 1000));
                  r.setReason(e.reason().code());
                  r.setWhy(clip(e.why(), 2000));
                  r.setOutcome(e.outcome().code());
                  r.setOutcomeDetail(clip(e.outcomeDetail(), 2000));
                  r.setNotified(e.notified());
                  return r;
                })
            .toList();
    dsl.batchInsert(records).execute();
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

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
