package io.usher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.app.Database;
import io.usher.application.expiry.ExpiryStep;
import io.usher.application.jobs.JobResult;
import io.usher.bench.LedgerBench.Bench;
import io.usher.domain.expiry.ExpiryRule;
import io.usher.domain.expiry.Subscriber;
import io.usher.domain.media.ServerKind;
import io.usher.domain.plans.Plan;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the expiry decision's speed (run with {@code ./mvnw -Pbench verify}): 100,000 users, each
 * with a share on one server, 1,000 of them expired. The goal is under 200 ms without API calls:
 * the pure rule over everyone, and the whole dry run (ledger read, rule, shares of the expired).
 */
class ExpiryBench {
  static final int USERS = 100_000;
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;

  @Test
  void expiryDecisionOverOneHundredThousandUsers() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    FakeMediaServers media = new FakeMediaServers();
    media.server("http://den:8096").library("f1", "Movies");
    try (AppContext usher = new AppContext(dataDir, clock, s -> media)) {
      Plan plan = Fixtures.monthly(usher, "Monthly", "10");
      long server =
          usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k").id();
      long seedStart = System.nanoTime();
      seed(plan.id(), server);
      Bench.print("seed 100,000 users + payments + shares", System.nanoTime() - seedStart);

      List<Subscriber> everyone = inMemory();
      int decided =
          Bench.median(
              "expiry rule, 100,000 users in memory",
              21,
              () -> ExpiryRule.decideAll(everyone, 0, false, NOW).size());
      assertThat(decided).isEqualTo(1_000);

      try (Database db = Database.open(dataDir)) {
        Bench.median(
            "  grouped query alone",
            7,
            () ->
                db.dsl()
                    .fetch(
                        "SELECT user_id FROM payments GROUP BY user_id HAVING MAX(ends_at) <= ?",
                        java.time.OffsetDateTime.parse("2026-11-22T10:00:00Z"))
                    .size());
      }
      List<ExpiryStep> steps =
          Bench.median(
              "expire preview, 100,000 users (ledger read + rule)",
              7,
              () -> usher.expiry().preview());
      assertThat(steps).hasSize(1_000);
      JobResult dry =
          Bench.median("expire --dry-run, 100,000 users", 7, () -> usher.expiry().run(true));
      assertThat(dry.summary()).isEqualTo("1000 users would lose access");
      Bench.median("remind --dry-run, 100,000 users", 5, () -> usher.jobs().run("remind", true));
    }
  }

  private static List<Subscriber> inMemory() {
    List<Subscriber> all = new ArrayList<>(USERS);
    for (int u = 1; u <= USERS; u++) {
      boolean expired = u % 100 == 0;
      Instant end = expired ? NOW.minus(Duration.ofDays(2)) : NOW.plus(Duration.ofDays(u % 60 + 1));
      all.add(
          new Subscriber(
              u, "user" + u + "@example.com", null, u % 50 == 1, "Monthly", end, !expired, false));
    }
    return all;
  }

  private void seed(long planId, long serverId) throws Exception {
    try (Database db = Database.open(dataDir)) {
      db.dsl()
          .connection(
              c -> {
                c.setAutoCommit(false);
                Random random = new Random(42);
                try (PreparedStatement users =
                        c.prepareStatement(
                            "INSERT INTO users (id, email, name, permanent, must_change_account,"
                                + " created_at) VALUES (?, ?, ?, ?, FALSE, ?)");
                    PreparedStatement payments =
                        c.prepareStatement(
                            "INSERT INTO payments (user_id, plan_id, amount_minor, currency,"
                                + " starts_at, ends_at, txn_id, seq, source, created_at)"
                                + " VALUES (?, ?, 1000, 'USD', ?, ?, ?, 1, 'manual', ?)");
                    PreparedStatement shares =
                        c.prepareStatement(
                            "INSERT INTO shares (user_id, server_id, account, account_id,"
                                + " pending, all_libraries) VALUES (?, ?, ?, ?, FALSE, FALSE)")) {
                  Timestamp created = Timestamp.from(NOW);
                  for (int u = 1; u <= USERS; u++) {
                    long id = 1_000_000L + u;
                    users.setLong(1, id);
                    users.setString(2, "user" + u + "@example.com");
                    users.setString(3, "User " + u);
                    // Permanent users among the expired too: they must stay.
                    users.setBoolean(4, u % 50 == 1 || u % 1000 == 550);
                    users.setTimestamp(5, created);
                    users.addBatch();
                    boolean expired = u % 100 == 0 || u % 1000 == 550;
                    Instant end =
                        expired
                            ? NOW.minus(Duration.ofDays(1 + random.nextInt(5)))
                            : NOW.plus(Duration.ofDays(1 + random.nextInt(60)));
                    for (int p = 0; p < 2; p++) {
                      Instant start = end.minus(Duration.ofDays(30));
                      payments.setLong(1, id);
                      payments.setLong(2, planId);
                      payments.setTimestamp(3, Timestamp.from(start));
                      payments.setTimestamp(4, Timestamp.from(end));
                      payments.setString(5, "bench-" + u + "-" + p);
                      payments.setTimestamp(6, created);
                      payments.addBatch();
                      end = start;
                    }
                    shares.setLong(1, id);
                    shares.setLong(2, serverId);
                    shares.setString(3, "user" + u);
                    shares.setString(4, "acct-" + u);
                    shares.addBatch();
                    if (u % 5_000 == 0) {
                      users.executeBatch();
                      payments.executeBatch();
                      shares.executeBatch();
                    }
                  }
                }
                c.commit();
              });
    }
  }
}
