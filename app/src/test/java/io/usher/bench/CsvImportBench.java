package io.usher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.app.Database;
import io.usher.application.imports.CsvImportService;
import io.usher.application.imports.ImportPlan;
import io.usher.application.imports.ImportProgress;
import io.usher.application.imports.ImportReport;
import io.usher.application.invites.InviteResult;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.plans.PlanDuration;
import io.usher.store.JooqPaymentStore;
import io.usher.store.JooqPlanStore;
import io.usher.store.JooqServerStore;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the bulk invite's speed figures (run with {@code ./mvnw -Pbench verify}): checking a
 * 10,000-row file (target: well under 1 s) with every row naming its own transaction id, so the
 * ledger lookup carries 10,000 refs; then invite throughput with a pace of 0 against a fake invite.
 */
class CsvImportBench {
  static final int ROWS = 10_000;
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;

  @Test
  void tenThousandRows() {
    MutableClock clock = new MutableClock(NOW);
    FakeMediaServers media = new FakeMediaServers();
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    media.server("http://tower:32400").library("1", "Movies");
    media.server("http://den:8096").library("f1", "Movies");
    try (AppContext usher = new AppContext(dataDir, clock, s -> media);
        Database db = Database.open(dataDir)) {
      usher.servers().addPlex("good-token", null, "abc123", null, null);
      usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "key");
      Fixtures.monthly(usher, "Monthly", "12.50");
      usher.plans().create(Fixtures.plan("Yearly", "100", PlanDuration.months(12)));
      CsvImportService imports =
          new CsvImportService(
              new JooqServerStore(db.dsl(), clock, db.secrets()),
              new JooqPlanStore(db.dsl(), clock),
              new JooqPaymentStore(db.dsl(), clock),
              r -> new InviteResult(null, null, null, r.email(), false, null),
              r -> {},
              report -> {},
              () -> 0,
              (d, c) -> {},
              clock);
      String csv = generate();

      ImportPlan plan =
          LedgerBench.Bench.median(
              "validate a 10,000-row CSV", 7, () -> imports.validate("bench.csv", csv));
      assertThat(plan.problemLines()).isEmpty();
      assertThat(plan.rows()).hasSize(ROWS);

      long start = System.nanoTime();
      ImportReport report = imports.run(plan, ImportProgress.NONE);
      long nanos = System.nanoTime() - start;
      assertThat(report.invited()).hasSize(ROWS);
      LedgerBench.Bench.print("run 10,000 invites, pace 0, fake invite", nanos);
      System.out.printf(
          "BENCH %-55s        %8.0f invites/s%n",
          "invite throughput (pace 0)", ROWS / (nanos / 1e9));
    }
  }

  /** The same run through the real InviteService (payment, share, welcome mail queued). */
  @Test
  void invitesThroughTheRealInvitePath() {
    MutableClock clock = new MutableClock(NOW);
    FakeMediaServers media = new FakeMediaServers();
    media.server("http://den:8096").library("f1", "Movies");
    try (AppContext usher = new AppContext(dataDir.resolve("real"), clock, s -> media)) {
      usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "key");
      usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");
      usher.settings().set("invite.pace-seconds", "0");
      Fixtures.monthly(usher, "Monthly", "12.50");
      int rows = 2_000;
      StringBuilder csv = new StringBuilder("Email,Server Name,Plan Name\n");
      for (int i = 0; i < rows; i++) {
        csv.append("real").append(i).append("@example.com,Den,Monthly\n");
      }
      ImportPlan plan = usher.imports().validate("real.csv", csv.toString());
      long start = System.nanoTime();
      ImportReport report = usher.imports().run(plan, ImportProgress.NONE);
      long nanos = System.nanoTime() - start;
      assertThat(report.invited()).hasSize(rows);
      LedgerBench.Bench.print("run 2,000 invites through InviteService, pace 0", nanos);
      System.out.printf(
          "BENCH %-55s        %8.0f invites/s%n",
          "invite throughput, real invite path (pace 0)", rows / (nanos / 1e9));
    }
  }

  private static String generate() {
    StringBuilder csv =
        new StringBuilder(
            "Email,Server Name,Plan Name,Transaction ID,Sequence,Quantity,Amount,Paid At,End Date\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("user")
          .append(i)
          .append("@example.com,")
          .append(i % 3 == 0 ? "Tower" : "Den")
          .append(',')
          .append(i % 2 == 0 ? "Monthly" : "Yearly")
          .append(",bench-")
          .append(i)
          .append(",1,")
          .append(1 + i % 3)
          .append(",")
          .append(i % 5 == 0 ? "9.99" : "")
          .append(",2026-11-")
          .append(10 + i % 10)
          .append(",")
          .append(i % 7 == 0 ? "2027-06-30" : "")
          .append('\n');
    }
    return csv.toString();
  }
}
