package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's H2 settings alone under kill -9, many times and fast. With H2's defaults
 * (REUSE_SPACE on) a chunk written into freed space could be out of reach of the next open's
 * recovery, which then settled on an older state: commits that had returned were lost, in the first
 * rounds here (decision 0008). {@link CrashDurabilityTest} proves the same through Usher's own
 * processes, with fewer kills.
 */
class LedgerKillTest {
  private static final int ROUNDS = Integer.getInteger("usher.ledgerkill.rounds", 30);

  @TempDir Path dataDir;

  @Test
  void everyCommitThatReturnedSurvivesKillNineOfTheWriter() throws Exception {
    Random random = new Random(Long.getLong("usher.ledgerkill.seed", System.nanoTime()));
    Set<String> acknowledged = new HashSet<>();
    List<String> lost = new ArrayList<>();
    long started = System.nanoTime();
    int rounds = 0;
    for (; rounds < ROUNDS && lost.isEmpty(); rounds++) {
      Process writer =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  LedgerKillWriter.class.getName(),
                  dataDir.toString(),
                  "r" + rounds,
                  "3")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      List<String> acks = new ArrayList<>();
      Thread reader =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (BufferedReader out =
                        new BufferedReader(
                            new InputStreamReader(
                                writer.getInputStream(), StandardCharsets.UTF_8))) {
                      String line;
                      while ((line = out.readLine()) != null) {
                        if (line.startsWith("ACK ")) {
                          synchronized (acks) {
                            acks.add(line.substring(4));
                          }
                        }
                      }
                    } catch (java.io.IOException e) {
                      // The process was killed mid-line: what was read counts.
                    }
                  });
      Thread.sleep(900 + random.nextInt(1100));
      writer.destroyForcibly();
      assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
      reader.join();
      synchronized (acks) {
        acknowledged.addAll(acks);
      }
      Set<String> present = rows();
      acknowledged.stream().filter(id -> !present.contains(id)).sorted().forEach(lost::add);
    }
    System.out.printf(
        "ledger kill test: %d rounds in %d s, %d commits acknowledged, %d lost%n",
        rounds,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
        acknowledged.size(),
        lost.size());
    assertThat(acknowledged).as("the writers committed something").hasSizeGreaterThan(ROUNDS);
    assertThat(lost).as("committed, then lost to kill -9").isEmpty();
  }

  private Set<String> rows() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(Database.url(dataDir, false), "usher", "");
        ResultSet r = c.createStatement().executeQuery("SELECT ID FROM KILLED")) {
      while (r.next()) {
        ids.add(r.getString(1));
      }
    } catch (java.sql.SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("KILLED")) {
        throw e;
      }
    }
    return ids;
  }
}
