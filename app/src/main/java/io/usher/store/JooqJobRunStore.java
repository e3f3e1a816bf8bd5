package io.usher.store;

import static io.usher.store.generated.Tables.JOB_LOCKS;
import static io.usher.store.generated.Tables.JOB_RUNS;

import io.usher.domain.jobs.JobRun;
import io.usher.domain.jobs.JobRunStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

public final class JooqJobRunStore implements JobRunStore {
  private static final int MAX_MESSAGE = 4000;
  private final DSLContext dsl;

  public JooqJobRunStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public long started(String job, Instant at) {
    return dsl.insertInto(JOB_RUNS)
        .set(JOB_RUNS.JOB, job)
        .set(JOB_RUNS.STARTED_AT, at)
        .set(JOB_RUNS.OUTCOME, "running")
        .returning(JOB_RUNS.ID)
        .fetchOne(JOB_RUNS.ID);
  }

  @Override
  public void finished(long runId, Instant at, String outcome, String message) {
    String text = message == null ? "" : message;
    dsl.update(JOB_RUNS)
        .set(JOB_RUNS.FINISHED_AT, at)
        .set(JOB_RUNS.OUTCOME, outcome)
        .set(JOB_RUNS.MESSAGE, text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text)
        .where(JOB_RUNS.ID.eq(runId))
        .execute();
  }

  @Override
  public Map<String, JobRun> latest() {
    Map<String, JobRun> latest = new HashMap<>();
    var newest =
        dsl.select(JOB_RUNS.JOB, DSL.max(JOB_RUNS.ID).as("id"))
            .from(JOB_RUNS)
            .groupBy(JOB_RUNS.JOB);
    dsl.selectFrom(JOB_RUNS)
        .where(JOB_RUNS.ID.in(dsl.select(newest.field("id", Long.class)).from(newest)))
        .forEach(r -> latest.put(r.getJob(), run(r)));
    return latest;
  }

  @Override
  public java.util.Optional<JobRun> latest(String job) {
    return dsl.selectFrom(JOB_RUNS)
        .where(JOB_RUNS.JOB.eq(job))
        .orderBy(JOB_RUNS.STARTED_AT.desc(), JOB_RUNS.ID.desc())
        .limit(1)
        .fetchOptional(JooqJobRunStore::run);
  }

  private static JobRun run(io.usher.store.generated.tables.records.JobRunsRecord r) {
    return new JobRun(
        r.getId(), r.getJob(), r.getStartedAt(), r.getFinishedAt(), r.getOutcome(), r.getMessage());
  }

  @Override
  public boolean lock(String job, String holder, Instant now, Instant until) {
    int taken =
        dsl.update(JOB_LOCKS)
            .set(JOB_LOCKS.HOLDER, holder)
            .set(JOB_LOCKS.UNTIL, until)
            .where(JOB_LOCKS.JOB.eq(job).and(JOB_LOCKS.UNTIL.lt(now)))
            .execute();
    if (taken == 1) {
      return true;
    }
    if (dsl.fetchExists(JOB_LOCKS, JOB_LOCKS.JOB.eq(job))) {
      return false;
    }
    try {
      dsl.insertInto(JOB_LOCKS)
          .set(JOB_LOCKS.JOB, job)
          .set(JOB_LOCKS.HOLDER, holder)
          .set(JOB_LOCKS.UNTIL, until)
          .execute();
      return true;
    } catch (IntegrityConstraintViolationException raced) {
      return false;
    }
  }

  @Override
  public void unlock(String job, String holder) {
    dsl.deleteFrom(JOB_LOCKS)
        .where(JOB_LOCKS.JOB.eq(job).and(JOB_LOCKS.HOLDER.eq(holder)))
        .execute();
  }
}
