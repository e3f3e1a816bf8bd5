package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.ledger.PaymentFilter;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakeStripe;
import io.usher.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §1: two {@code usher serve} processes, each with its own data folder, on one PostgreSQL
 * ledger. Every Stripe event is delivered to both at once (as a retry can reach another machine),
 * while both time the payments job every second; afterwards each acknowledged payment is in the
 * ledger exactly once and no job ever ran in both at the same time.
 */
class TwoServesOnPostgresTest {
  private static final String SECRET = "whsec_two";
  private static final int EVENTS = 40;
  static TestPostgres postgres;

  @TempDir Path first;
  @TempDir Path second;
  @TempDir Path scratch;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws Exception {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void twoServesOnOneLedgerLandEachPaymentOnceAndNeverRunAJobTogether() throws Exception {
    String url = postgres.newDatabase() + "?user=" + TestPostgres.USER;
    cli(first, url, "settings", "set", "stripe.webhook-secret", SECRET);
    cli(first, url, "settings", "set", "stripe.poll-seconds", "1");
    // The secret is sealed with the first folder's key: the second must have the same one.
    Files.copy(first.resolve(DataFolder.KEY_FILE), second.resolve(DataFolder.KEY_FILE));
    int[] ports = {freePort(), freePort()};
    List<Process> serves = new ArrayList<>();
    try {
      serves.add(serve(first, url, ports[0]));
      serves.add(serve(second, url, ports[1]));
      for (int i = 0; i < 2; i++) {
        assertThat(awaitHealth(serves.get(i), ports[i])).as("serve %d is up", i).isTrue();
      }
      List<Thread> senders = new ArrayList<>();
      for (int e = 0; e < EVENTS; e++) {
        String invoice = "in_two_" + e;
        for (int port : ports) {
          senders.add(Thread.ofVirtual().start(() -> deliver(invoice, port)));
        }
        Thread.sleep(25);
      }
      for (Thread t : senders) {
        t.join();
      }
      // Both keep timing the payments job for a few more of its periods.
      Thread.sleep(3_000);
    } finally {
      for (Process serve : serves) {
        serve.destroy();
      }
      for (Process serve : serves) {
        if (!serve.waitFor(30, TimeUnit.SECONDS)) {
          serve.destroyForcibly();
        }
      }
    }

    Map<String, Integer> inLedger = new HashMap<>();
    try (AppContext usher =
        new AppContext(
            scratch,
            new DatabaseAddress(url, null, null),
            Clock.systemUTC(),
            s -> new FakeMediaServers())) {
      usher
          .queries()
          .payments(PaymentFilter.ALL)
          .forEach(p -> inLedger.merge(p.txn(), 1, Integer::sum));
      usher.unmatched().waiting().forEach(u -> inLedger.merge(u.txn(), 1, Integer::sum));
    }
    assertThat(acknowledged).as("both serves acknowledged events").hasSize(EVENTS);
    assertThat(inLedger.keySet()).as("every acknowledged payment landed").hasSize(EVENTS);
    assertThat(inLedger.values()).as("and landed once").containsOnly(1);

    List<String> overlaps = new ArrayList<>();
    int paymentRuns = 0;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT job, started_at, finished_at FROM job_runs ORDER BY job, started_at, id")) {
      String job = null;
      Instant lastEnd = null;
      while (r.next()) {
        String name = r.getString(1);
        Instant start = r.getObject(2, java.time.OffsetDateTime.class).toInstant();
        java.time.OffsetDateTime end = r.getObject(3, java.time.OffsetDateTime.class);
        if (name.equals("payments")) {
          paymentRuns++;
        }
        if (name.equals(job) && lastEnd != null && start.isBefore(lastEnd)) {
          overlaps.add(name + " started at " + start + " before the run before ended, " + lastEnd);
        }
        job = name;
        lastEnd = end == null ? Instant.MAX : end.toInstant();
      }
    }
    assertThat(paymentRuns).as("the payments job ran in both, again and again").isGreaterThan(3);
    assertThat(overlaps).as("runs of one job at the same time").isEmpty();
    System.out.printf(
        "two serves: %d events delivered twice each, %d payments, %d payment job runs%n",
        EVENTS, inLedger.size(), paymentRuns);
  }

  /** Posts the signed invoice.paid event; a 200 is an acknowledgement. */
  private void deliver(String invoice, int port) {
    HttpRequest request = FakeStripe.invoicePaid(port, invoice, SECRET);
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        acknowledged.add(invoice);
      }
    } catch (IOException e) {
      // Not acknowledged; the count below says so.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void cli(Path dataDir, String url, String... args) {
    PostgresLedgerTest.Ran ran = PostgresLedgerTest.usher(dataDir, url, args);
    assertThat(ran.code()).as(ran.err()).isZero();
  }

  private Process serve(Path dataDir, String url, int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Dorg.jooq.no-logo=true");
    command.add("-Dorg.jooq.no-tips=true");
    command.add("-Dusher.logDir=" + dataDir.resolve("logs"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.usher.app.Launcher");
    command.addAll(List.of("--data-dir", dataDir.toString(), "--db-url", url, "serve"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    scratch.resolve("serve-" + port + ".txt").toFile()));
    builder.environment().put("USHER_CHECKOUT_PORT", Integer.toString(port));
    builder.environment().remove("USHER_DB_URL");
    return builder.start();
  }

  private boolean awaitHealth(Process serve, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && serve.isAlive()) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // Not up yet.
      }
      Thread.sleep(100);
    }
    System.err.println(Files.readString(scratch.resolve("serve-" + port + ".txt")));
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
