package io.usher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.app.Database;
import io.usher.application.sync.SyncProgress;
import io.usher.application.sync.SyncReport;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints what a first sync of 5,000 Plex friends on 3 servers costs, through the real Plex adapter
 * against a local plex.tv fake, and compares its database part with a bare JDBC batch insert of the
 * same rows. Run with {@code ./mvnw -Pbench verify}.
 */
class SyncBench {
  static final int FULL = 5_000;

  /** Both sides first run once at a tenth of the size, so neither is timed with a cold JIT. */
  static final int WARM_UP = 500;

  static final String[] MACHINES = {"m1", "m2", "m3"};
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dirs;

  @Test
  void firstSyncOfFiveThousandFriendsOnThreeServers() throws Exception {
    measure(WARM_UP, dirs.resolve("warm"), false);
    bareInsert(WARM_UP, dirs.resolve("warm-bare"));
    // Medians of three first syncs and three bare inserts, each into a fresh data folder.
    long[] db = new long[3];
    long[] bares = new long[3];
    for (int run = 0; run < 3; run++) {
      db[run] = measure(FULL, dirs.resolve("sync" + run), run == 0);
      bares[run] = bareInsert(FULL, dirs.resolve("bare" + run));
    }
    java.util.Arrays.sort(db);
    java.util.Arrays.sort(bares);
    long dbPart = db[1];
    long bare = bares[1];
    LedgerBench.Bench.print("sync: database part, median of 3 first syncs", dbPart);
    LedgerBench.Bench.print("bare JDBC batch insert of the same rows, median of 3", bare);
    System.out.printf(
        "BENCH %-55s        %8.2f x  (goal: at most 2)%n",
        "sync database part / bare insert", (double) dbPart / bare);
  }

  /** Returns the nanoseconds the sync spent in its transactions. */
  private long measure(int friends, Path syncDir, boolean print) throws Exception {
    try (MockWebServer web = new MockWebServer()) {
      web.setDispatcher(new PlexTvFake(web, friends));
      web.start();
      String base = web.url("/").toString().replaceAll("/$", "");
      try (AppContext usher = new AppContext(syncDir, new MutableClock(NOW))) {
        usher.settings().set("plex.tv-url", base);
        Fixtures.monthly(usher, "Monthly", "10");
        for (String m : MACHINES) {
          usher.servers().addPlex("bench-token", null, m, null, null);
        }
        long[] dbStart = {0};
        long[] dbNanos = {0};
        SyncProgress timing =
            new SyncProgress() {
              @Override
              public void step(String text, double fraction) {
                long now = System.nanoTime();
                if (dbStart[0] != 0) {
                  dbNanos[0] += now - dbStart[0];
                  dbStart[0] = 0;
                }
                if (text.startsWith("Saving")) {
                  dbStart[0] = now;
                }
              }

              @Override
              public boolean cancelled() {
                return false;
              }
            };
        resetPeaks();
        long start = System.nanoTime();
        SyncReport report = usher.sync().run(null, timing);
        long wall = System.nanoTime() - start;
        assertThat(report.problems()).isEmpty();
        assertThat(report.newUsers()).isEqualTo(friends);
        if (!print) {
          return dbNanos[0];
        }
        LedgerBench.Bench.print("sync: 5,000 friends x 3 Plex servers, wall time", wall);
        System.out.printf(
            "BENCH %-55s        %8.0f users/s%n", "sync: throughput", friends / (wall / 1e9));
        System.out.printf("BENCH %-55s        %8.1f MB%n", "sync: peak heap used", peakHeapMb());
        long again = System.nanoTime();
        assertThat(usher.sync().run(null, SyncProgress.NONE).summary())
            .isEqualTo("Nothing changed.");
        LedgerBench.Bench.print("sync: second run, nothing changed", System.nanoTime() - again);
        return dbNanos[0];
      }
    }
  }

  /** The rows a first sync writes: users, their payments and audit entries, shares, links. */
  private long bareInsert(int friends, Path bareDir) throws Exception {
    try (Database db = Database.open(bareDir)) {
      long[] took = {0};
      db.dsl()
          .connection(
              c -> {
                c.setAutoCommit(false);
                Timestamp now = Timestamp.from(NOW);
                c.createStatement()
                    .execute(
                        "INSERT INTO plans (id, name, price_minor, currency, duration_amount,"
                            + " duration_unit, max_streams, created_at) VALUES (1, 'P', 0, 'USD', 1,"
                            + " 'MONTHS', 1, CURRENT_TIMESTAMP)");
                for (int s = 1; s <= MACHINES.length; s++) {
                  c.createStatement()
                      .execute(
                          "INSERT INTO media_servers (id, kind, name, url, credential, created_at)"
                              + " VALUES ("
                              + s
                              + ", 'plex', 'S"
                              + s
                              + "', 'http://x', 't', CURRENT_TIMESTAMP)");
                  for (int l = 1; l <= 3; l++) {
                    c.createStatement()
                        .execute(
                            "INSERT INTO libraries (id, server_id, provider_id, title, group_id)"
                                + " VALUES ("
                                + (s * 10 + l)
                                + ", "
                                + s
                                + ", 'p"
                                + l
                                + "', 'L', 1)");
                  }
                }
                c.commit();
                long start = System.nanoTime();
                try (PreparedStatement users =
                        c.prepareStatement(
                            "INSERT INTO users (id, email, name, permanent, must_change_account,"
                                + " created_at) VALUES (?, ?, ?, FALSE, FALSE, ?)");
                    PreparedStatement payments =
                        c.prepareStatement(
                            "INSERT INTO payments (user_id, plan_id, amount_minor, currency,"
                                + " starts_at, ends_at, txn_id, seq, source, created_at) VALUES (?,"
                                + " 1, 0, 'USD', ?, ?, ?, 1, 'sync', ?)");
                    PreparedStatement shares =
                        c.prepareStatement(
                            "INSERT INTO shares (id, user_id, server_id, account, account_id)"
                                + " VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement links =
                        c.prepareStatement(
                            "INSERT INTO share_libraries (share_id, library_id) VALUES (?, ?)");
                    PreparedStatement audit =
                        c.prepareStatement(
                            "INSERT INTO audit_log (at, entity, entity_id, action, detail) VALUES"
                                + " (?, 'user', ?, 'imported', ?)")) {
                  int shareId = 0;
                  for (int u = 1; u <= friends; u++) {
                    users.setLong(1, u);
                    users.setString(2, "friend" + u + "@example.com");
                    users.setString(3, "friend" + u);
                    users.setTimestamp(4, now);
                    users.addBatch();
                    payments.setLong(1, u);
                    payments.setTimestamp(2, now);
                    payments.setTimestamp(3, Timestamp.from(NOW.plusSeconds(2_592_000)));
                    payments.setString(4, "sync-" + u);
                    payments.setTimestamp(5, now);
                    payments.addBatch();
                    audit.setTimestamp(1, now);
                    audit.setLong(2, u);
                    audit.setString(3, "friend" + u + " from Plex server Server m1");
                    audit.addBatch();
                    for (int s = 1; s <= MACHINES.length; s++) {
                      shareId++;
                      shares.setLong(1, shareId);
                      shares.setLong(2, u);
                      shares.setLong(3, s);
                      shares.setString(4, "friend" + u);
                      shares.setString(5, Integer.toString(u));
                      shares.addBatch();
                      for (int l = 1; l <= 3; l++) {
                        links.setLong(1, shareId);
                        links.setLong(2, s * 10 + l);
                        links.addBatch();
                      }
                    }
                  }
                  users.executeBatch();
                  payments.executeBatch();
                  shares.executeBatch();
                  links.executeBatch();
                  audit.executeBatch();
                }
                c.commit();
                took[0] = System.nanoTime() - start;
              });
      return took[0];
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1024.0 / 1024.0;
  }

  /** plex.tv with three servers whose shared_servers list the same 5,000 friends. */
  static final class PlexTvFake extends Dispatcher {
    private final MockWebServer web;
    private final int friends;
    private final Map<String, String> shared = new java.util.concurrent.ConcurrentHashMap<>();

    PlexTvFake(MockWebServer web, int friends) {
      this.web = web;
      this.friends = friends;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      String base = web.url("/").toString().replaceAll("/$", "");
      if (path.equals("/api/v2/resources")) {
        StringBuilder json = new StringBuilder("[");
        for (String m : MACHINES) {
          json.append(json.length() > 1 ? "," : "")
              .append("{\"name\":\"Server ")
              .append(m)
              .append("\",\"product\":\"Plex Media Server\",\"clientIdentifier\":\"")
              .append(m)
              .append("\",\"provides\":\"server\",\"owned\":true,\"connections\":[{\"uri\":\"")
              .append(base)
              .append("/")
              .append(m)
              .append("\",\"local\":true,\"relay\":false}]}");
        }
        return ok(json.append("]").toString());
      }
      if (path.equals("/api/v2/user")) {
        return ok("{\"id\":1,\"username\":\"owner\"}");
      }
      if (path.equals("/api/v2/shared_servers/invites/owned/pending")) {
        return ok("[]");
      }
      for (String m : MACHINES) {
        if (path.equals("/" + m + "/identity")) {
          return ok(
              "<MediaContainer size=\"0\" machineIdentifier=\"" + m + "\" version=\"1.41.0\"/>");
        }
        if (path.equals("/api/servers/" + m)) {
          return ok(
              "<MediaContainer size=\"1\"><Server name=\"Server "
                  + m
                  + "\" machineIdentifier=\""
                  + m
                  + "\"><Section id=\""
                  + m
                  + "01\" key=\"1\" type=\"movie\" title=\"Movies\"/><Section id=\""
                  + m
                  + "02\" key=\"2\" type=\"show\" title=\"Shows\"/><Section id=\""
                  + m
                  + "03\" key=\"3\" type=\"artist\" title=\"Music\"/></Server></MediaContainer>");
        }
        if (path.equals("/api/servers/" + m + "/shared_servers")) {
          return ok(shared.computeIfAbsent(m, machine -> sharedServers(machine, friends)));
        }
      }
      return new MockResponse.Builder().code(404).body("").build();
    }

    private static MockResponse ok(String body) {
      return new MockResponse.Builder().code(200).body(body).build();
    }
  }

  static String sharedServers(String machine, int friends) {
    StringBuilder xml = new StringBuilder("<MediaContainer size=\"" + friends + "\">");
    for (int u = 1; u <= friends; u++) {
      xml.append("<SharedServer id=\"")
          .append(machine)
          .append(u)
          .append("\" username=\"friend")
          .append(u)
          .append("\" email=\"friend")
          .append(u)
          .append("@example.com\" userID=\"")
          .append(u)
          .append("\" acceptedAt=\"1700000000\" invitedAt=\"1699000000\" allLibraries=\"0\">");
      for (int l = 1; l <= 3; l++) {
        xml.append("<Section id=\"")
            .append(machine)
            .append("0")
            .append(l)
            .append("\" key=\"")
            .append(l)
            .append("\" shared=\"1\"/>");
      }
      xml.append("</SharedServer>");
    }
    return xml.append("</MediaContainer>").toString();
  }
}
