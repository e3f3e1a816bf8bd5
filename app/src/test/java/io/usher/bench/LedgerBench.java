package io.usher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.app.Database;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.testing.Fixtures;
import io.usher.testing.FreshJvm;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.users.UsersViewModel;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the ledger's speed figures (run with {@code ./mvnw -Pbench verify}): 50,000 users and
 * 200,000 payments, the status query over all of them, the dashboard's figures, and {@code usher
 * --version} in a fresh JVM. Figures are printed, not asserted: a slow machine should not fail the
 * build.
 */
class LedgerBench {
  static final int USERS = 50_000;
  static final int PAYMENTS_PER_USER = 4;
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;

  @Test
  void ledgerWithFiftyThousandUsers() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (AppContext usher = new AppContext(dataDir, clock)) {
      List<Plan> plans =
          List.of(
              Fixtures.monthly(usher, "Basic", "10"),
              usher.plans().create(Fixtures.plan("Weekly", "3", PlanDuration.days(7))),
              usher.plans().create(Fixtures.plan("Yearly", "100", PlanDuration.months(12))));
      long seedStart = System.nanoTime();
      seed(plans);
      Bench.print(
          "seed 50,000 users + 200,000 payments (batch insert)", System.nanoTime() - seedStart);

      List<UserRow> rows =
          Bench.median("status query, all users", 7, () -> usher.queries().users());
      assertThat(rows).hasSize(USERS);
      Bench.median("dashboard counts", 5, () -> usher.queries().counts());
      Bench.median(
          "dashboard: counts, 12 months of revenue, lists and checklist",
          5,
          () -> usher.dashboard().overview(java.time.ZoneId.of("Europe/Berlin")));

      UsersViewModel users =
          new UsersViewModel(
              io.usher.ui.shell.MainWindow.usersDesk(usher),
              new UiTasks(Runnable::run, Runnable::run));
      Bench.median(
          "Users screen: load every user, ready to show",
          5,
          () -> {
            users.load();
            return users.all().size();
          });
      // What typing "user4242" then clearing it costs, one key at a time.
      List<String> keys = new ArrayList<>();
      String word = "user4242";
      for (int i = 1; i <= word.length(); i++) {
        keys.add(word.substring(0, i));
      }
      keys.add("");
      int[] next = {0};
      Bench.median(
          "Users screen: search-as-you-type, one key press",
          keys.size() * 3,
          () -> {
            users.search().set(keys.get(next[0]++ % keys.size()));
            return users.shown().size();
          });
    }
    Bench.median("usher --version (fresh JVM)", 5, LedgerBench::versionInFreshJvm);
  }

  private void seed(List<Plan> plans) throws Exception {
    try (Database db = Database.open(dataDir)) {
      db.dsl()
          .connection(
              c -> {
                c.setAutoCommit(false);
                Random random = new Random(42);
                try (PreparedStatement users =
                        c.prepareStatement(
                            "INSERT INTO users (id, email, name, permanent, must_change_account, created_at)"
                                + " VALUES (?, ?, ?, ?, FALSE, ?)");
                    PreparedStatement payments =
                        c.prepareStatement(
                            "INSERT INTO payments (user_id, plan_id, amount_minor, currency, starts_at, ends_at,"
                                + " txn_id, seq, source, created_at) VALUES (?, ?, 1000, 'USD', ?, ?, ?, 1, 'manual', ?)")) {
                  Timestamp created = Timestamp.from(NOW);
                  for (int u = 1; u <= USERS; u++) {
                    users.setLong(1, 1_000_000L + u);
                    users.setString(2, "user" + u + "@example.com");
                    users.setString(3, "User " + u);
                    users.setBoolean(4, u % 50 == 0);
                    users.setTimestamp(5, created);
                    users.addBatch();
                    // Four consecutive months ending somewhere between 90 days ago and 60 days
                    // ahead.
                    Instant end = NOW.plus(Duration.ofDays(random.nextInt(150) - 90));
                    for (int p = 0; p < PAYMENTS_PER_USER; p++) {
                      Instant start = end.minus(Duration.ofDays(30));
                      payments.setLong(1, 1_000_000L + u);
                      payments.setLong(2, plans.get((u + p) % plans.size()).id());
                      payments.setTimestamp(3, Timestamp.from(start));
                      payments.setTimestamp(4, Timestamp.from(end));
                      payments.setString(5, "bench-" + u + "-" + p);
                      payments.setTimestamp(6, created);
                      payments.addBatch();
                      end = start;
                    }
                    if (u % 5_000 == 0) {
                      users.executeBatch();
                      payments.executeBatch();
                    }
                  }
                }
                c.commit();
              });
    }
  }

  private static String versionInFreshJvm() {
    try {
      Process p = new ProcessBuilder(FreshJvm.usher("--version")).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("usher --version failed: " + out);
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tiny timing helpers: warm-up is the first runs, the median is what is printed. */
  static final class Bench {
    static <T> T median(String what, int runs, Supplier<T> work) {
      List<Long> times = new ArrayList<>();
      T result = null;
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        result = work.get();
        times.add(System.nanoTime() - start);
      }
      times.sort(Long::compare);
      System.out.printf(
          "BENCH %-55s median %8.1f ms   (min %.1f, max %.1f, %d runs)%n",
          what, times.get(runs / 2) / 1e6, times.getFirst() / 1e6, times.getLast() / 1e6, runs);
      return result;
    }

    static void print(String what, long nanos) {
      System.out.printf("BENCH %-55s        %8.1f ms%n", what, nanos / 1e6);
    }
  }
}
