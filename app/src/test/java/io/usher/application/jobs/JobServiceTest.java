package io.usher.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.LedgerTestBase;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.store.JooqJobRunStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Running jobs by name on a real ledger: records, failures, the lease, the list. */
class JobServiceTest extends LedgerTestBase {
  final AtomicInteger okRuns = new AtomicInteger();

  Job job(String name, Runnable work) {
    return new Job() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "test job " + name;
      }

      @Override
      public Duration every() {
        return Duration.ofHours(1);
      }

      @Override
      public JobResult run(boolean dryRun) {
        if (!dryRun) {
          work.run();
        }
        return JobResult.of(dryRun ? "would work" : "worked");
      }
    };
  }

  JobService service(JooqJobRunStore store) {
    return new JobService(
        store,
        List.of(
            job("good", okRuns::incrementAndGet),
            job(
                "bad",
                () -> {
                  throw new UsherException("The server did not answer.");
                })),
        clock);
  }

  io.usher.app.Database db;

  JooqJobRunStore store() {
    if (db == null) {
      db = io.usher.app.Database.open(dataDir);
    }
    return new JooqJobRunStore(db.dsl());
  }

  @org.junit.jupiter.api.AfterEach
  void closeSecondConnection() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aFailingJobIsRecordedWithItsSentenceAndTheOthersStillRun() {
    JobService jobs = service(store());

    jobs.runScheduled("bad");
    jobs.runScheduled("good");

    assertThat(okRuns).hasValue(1);
    var byName =
        jobs.list().stream().collect(java.util.stream.Collectors.toMap(JobStatus::name, s -> s));
    assertThat(byName.get("bad").last().outcome()).isEqualTo("failed");
    assertThat(byName.get("bad").last().message()).isEqualTo("The server did not answer.");
    assertThat(byName.get("good").last().outcome()).isEqualTo("ok");
    assertThat(byName.get("good").nextRun()).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void aJobHeldByAnotherProcessIsNotRunTwice() {
    JooqJobRunStore store = store();
    assertThat(store.lock("good", "someone-else", NOW, NOW.plus(Duration.ofMinutes(10)))).isTrue();

    assertThatThrownBy(() -> service(store).run("good", false))
        .isInstanceOf(ConflictException.class)
        .hasMessage("The good job is running already; try again when it has finished.");
    assertThat(okRuns).hasValue(0);

    clock.advance(Duration.ofMinutes(11));
    service(store).run("good", false);
    assertThat(okRuns).as("the stale lease ran out").hasValue(1);
  }

  @Test
  void aTimedRunIsLeftOutWhenAnotherProcessRanTheJobWithinItsPeriod() {
    JooqJobRunStore store = store();
    service(store).run("good", false);
    JobService elsewhere = service(store);

    clock.advance(Duration.ofMinutes(50));
    elsewhere.runScheduled("good");
    assertThat(okRuns).as("started 50 minutes ago, in another process").hasValue(1);

    clock.advance(Duration.ofMinutes(5));
    elsewhere.runScheduled("good");
    assertThat(okRuns).as("nine tenths of the hour have passed").hasValue(2);
    assertThat(elsewhere.run("good", false).summary())
        .as("Run now is never left out")
        .isEqualTo("worked");
  }

  @Test
  void aDryRunChangesNothingAndIsNotRecorded() {
    JobService jobs = service(store());

    assertThat(jobs.run("good", true).summary()).isEqualTo("would work");
    assertThat(okRuns).hasValue(0);
    assertThat(jobs.list()).allSatisfy(s -> assertThat(s.last()).isNull());
  }

  @Test
  void anUnknownJobNamesTheKnownOnes() {
    assertThatThrownBy(() -> service(store()).run("nope", false))
        .isInstanceOf(ValidationException.class)
        .hasMessage("There is no job named 'nope'. Jobs: good, bad.");
  }

  @Test
  void theBuiltInJobsRunThroughUsher() {
    assertThat(usher.jobs().run("actives", false).summary())
        .isEqualTo("0 active (0 permanent), 0 expiring within 7 days, 0 expired.");
    assertThat(usher.jobs().list())
        .extracting(JobStatus::name)
        .contains("sync", "outbox", "tokens", "actives");
  }
}
