package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.cli.Cli;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.testing.FakeStripe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §1: whatever Usher acknowledged survives kill -9 of the process that owns the database.
 * Real processes: {@code usher serve} (the database's owner and the webhook's server), one-shot CLI
 * writers reaching the database through it, and signed Stripe webhooks posted from here; the server
 * is killed with SIGKILL at a random moment of every round, started again, and at the end every
 * acknowledged payment must be in the ledger exactly once, and every start must have opened.
 */
class CrashDurabilityTest {
  private static final String SECRET = "whsec_crash";
  private static final int ROUNDS = Integer.getInteger("usher.crash.rounds", 30);
  private static final int CLI_WRITERS = 2;
  private static final int WEBHOOK_SENDERS = 3;

  @TempDir Path dataDir;
  @TempDir Path scratch;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> unacknowledgedEvents = new ConcurrentLinkedQueue<>();
  private final AtomicInteger eventCounter = new AtomicInteger();
  private final AtomicInteger cliAcks = new AtomicInteger();
  private final Semaphore roundsDone = new Semaphore(0);
  private final Map<String, Integer> acknowledgedIn = new ConcurrentHashMap<>();
  private volatile int round;
  private int port;

  /**
   * Every payment in the ledger and every one parked among the unmatched, by transaction. One run
   * in this session's verifies timed out on a table lock reading the unmatched payments right after
   * the last kill (issue 11): the read is tried again on a freshly opened ledger, a few times, and
   * every timeout is printed as evidence, so a lock that stays fails the test while one that clears
   * on reopening is seen rather than hidden.
   */
  private Map<String, Integer> readLedger() throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Map<String, Integer> inLedger = new HashMap<>();
      try (AppContext usher = new AppContext(dataDir, Clock.systemUTC())) {
        usher
            .queries()
            .payments(PaymentFilter.ALL)
            .forEach(p -> inLedger.merge(p.txn() + "#" + p.seq(), 1, Integer::sum));
        // The webhooks' payers are strangers: their payments wait among the unmatched ones.
        usher.unmatched().waiting().forEach(u -> inLedger.merge(u.txn() + "#1", 1, Integer::sum));
        return inLedger;
      } catch (org.jooq.exception.DataAccessException locked) {
        System.out.printf(
            "crash test: reading the ledger after the last round failed (attempt %d): %s%n",
            attempt, locked.getCause() == null ? locked : locked.getCause().getMessage());
        if (attempt == 4) {
          throw locked;
        }
        Thread.sleep(2_000);
      }
    }
  }

  @Test
  void everyAcknowledgedPaymentSurvivesKillNineOfTheServerExactlyOnce() throws Exception {
    port = freePort();
    cli(
        "plan",
        "add",
        "--name",
        "Monthly",
        "--price",
        "12.50",
        "--currency",
        "USD",
        "--months",
        "1",
        "--groups",
        "Standard",
        "--streams",
        "1");
    for (int w = 0; w < CLI_WRITERS; w++) {
      cli("user", "add", "--email", "cli" + w + "@example.com");
    }
    cli("settings", "set", "stripe.webhook-secret", SECRET);
    cli("settings", "set", "checkout.port", Integer.toString(port));

    Random random = new Random(Long.getLong("usher.crash.seed", System.nanoTime()));
    int failedStarts = 0;
    long started = System.nanoTime();
    List<Process> writers = new ArrayList<>();
    for (int w = 0; w < CLI_WRITERS; w++) {
      Process writer =
          start(
              "io.usher.app.CrashTestWriter",
              dataDir.toString(),
              "cli" + w + "@example.com",
              "cli" + w,
              "1000",
              scratch.toString(),
              Integer.toString(ROUNDS));
      writers.add(writer);
      Thread.ofVirtual().start(() -> readWriter(writer));
    }
    for (; round < ROUNDS; round++) {
      long roundStart = System.nanoTime();
      int acksBefore = cliAcks.get();
      Process serve = start("io.usher.app.Launcher", "--data-dir", dataDir.toString(), "serve");
      boolean up = awaitHealth(serve);
      long upAt = System.nanoTime();
      if (up) {
        Files.createFile(scratch.resolve("go-" + round));
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < WEBHOOK_SENDERS; s++) {
          senders.add(Thread.ofVirtual().start(() -> sendWebhooks(sending)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cliAcks.get() == acksBefore && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(1500));
        serve.destroyForcibly();
        sending.set(false);
        for (Thread t : senders) {
          t.join();
        }
      } else {
        failedStarts++;
        System.err.println("round " + round + ": serve did not start: " + stderrTail());
        serve.destroyForcibly();
      }
      serve.waitFor(10, TimeUnit.SECONDS);
      Files.createFile(scratch.resolve("stop-" + round));
      assertThat(roundsDone.tryAcquire(CLI_WRITERS, 60, TimeUnit.SECONDS))
          .as("writers finished round %d", round)
          .isTrue();
      System.out.printf(
          "round %d: serve up in %d ms, %d CLI acks, %d ms in all%n",
          round,
          (upAt - roundStart) / 1_000_000,
          cliAcks.get() - acksBefore,
          (System.nanoTime() - roundStart) / 1_000_000);
    }
    for (Process writer : writers) {
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("writer ended").isTrue();
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    Map<String, Integer> inLedger = readLedger();
    List<String> lost =
        acknowledged.stream().filter(txn -> !inLedger.containsKey(txn + "#1")).sorted().toList();
    long doubled = inLedger.values().stream().filter(n -> n > 1).count();
    System.out.printf(
        "crash test: %d rounds in %d s, %d acknowledged (%d CLI, %d webhook), %d lost, %d doubled,"
            + " %d failed starts%n",
        ROUNDS,
        seconds,
        acknowledged.size(),
        cliAcks.get(),
        acknowledged.size() - cliAcks.get(),
        lost.size(),
        doubled,
        failedStarts);
    assertThat(acknowledged).as("the test acknowledged something").hasSizeGreaterThan(ROUNDS);
    assertThat(cliAcks.get()).as("CLI writers were acknowledged").isPositive();
    assertThat(lost).as("acknowledged, then lost%s", evidence(lost)).isEmpty();
    assertThat(doubled).as("payments recorded twice").isZero();
    assertThat(failedStarts).as("starts that did not open the database").isZero();
  }

  /**
   * Posts signed invoice.paid events until told to stop; an event not answered 200 is sent again in
   * a later round, as Stripe retries what it got no 200 for.
   */
  private void sendWebhooks(AtomicBoolean sending) {
    while (sending.get()) {
      String invoice = unacknowledgedEvents.poll();
      if (invoice == null) {
        invoice = "in_crash_" + eventCounter.incrementAndGet();
      }
      HttpRequest request = FakeStripe.invoicePaid(port, invoice, SECRET);
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          acknowledged.add(invoice);
          acknowledgedIn.putIfAbsent(invoice, round);
          // Paced, so the server has time left for the CLI writers on two cores.
          Thread.sleep(10);
          continue;
        }
      } catch (IOException e) {
        // The server died mid-request: not acknowledged.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      unacknowledgedEvents.add(invoice);
    }
  }

  /**
   * For a loss: the round each was acknowledged in and every log line naming it (all processes
   * share one log), so a failure in CI says what happened to the payment.
   */
  private String evidence(List<String> lost) throws IOException {
    if (lost.isEmpty()) {
      return "";
    }
    Path log = scratch.resolve("logs").resolve("usher.log");
    // Latin-1: a line cut by a kill may end in half a UTF-8 character.
    List<String> lines =
        Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
    StringBuilder out = new StringBuilder();
    for (String id : lost) {
      out.append("\n").append(id).append(" acknowledged in round ").append(acknowledgedIn.get(id));
      String needle = id.startsWith("in_") ? "evt_" + id + ":" : id;
      lines.stream().filter(l -> l.contains(needle)).forEach(l -> out.append("\n  ").append(l));
    }
    List<String> problems =
        lines.stream()
            .filter(l -> l.contains(" ERROR ") || l.contains(" WARN "))
            .filter(l -> !l.contains("[main]"))
            .limit(20)
            .toList();
    out.append("\nwarnings and errors outside main threads: ").append(problems.size());
    problems.forEach(l -> out.append("\n  ").append(l));
    return out.toString();
  }

  private void readWriter(Process writer) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(line.substring(4));
          acknowledgedIn.putIfAbsent(line.substring(4), round);
          cliAcks.incrementAndGet();
        } else if (line.startsWith("DONE ")) {
          roundsDone.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean awaitHealth(Process serve) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(1))
            .build();
    while (System.nanoTime() < deadline && serve.isAlive()) {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(50);
    }
    return false;
  }

  private Process start(String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    // The first JVM to exit normally writes a class-data archive the later ones start from.
    command.add("-XX:+AutoCreateSharedArchive");
    command.add("-XX:SharedArchiveFile=" + scratch.resolve("classes.jsa"));
    command.add("-Dorg.jooq.no-logo=true");
    command.add("-Dorg.jooq.no-tips=true");
    command.add("-Dusher.logDir=" + scratch.resolve("logs"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(scratch.resolve("stderr.txt").toFile()))
        .start();
  }

  private String stderrTail() throws IOException {
    List<String> lines = Files.readAllLines(scratch.resolve("stderr.txt"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private void cli(String... args) {
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    StringWriter err = new StringWriter();
    int code =
        new Cli(Launcher::open, option -> {})
            .execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                all.toArray(String[]::new));
    assertThat(code).as("usher %s: %s", String.join(" ", args), err).isZero();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
