package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §6: one-shot commands started at the same moment on one data folder, with no window or
 * serve running, race to open (and serve) its database; each must wait its turn, never fail.
 */
class ConcurrentCommandsTest {
  private static final int PROCESSES = 6;
  private static final int COMMANDS = 8;

  @TempDir Path dataDir;
  @TempDir Path scratch;

  @Test
  void commandsStartedTogetherOnOneFolderAllSucceed() throws Exception {
    Cli cli = new Cli(option -> new AppContext(Path.of(option), Clock.systemUTC()), o -> {});
    List<String> setup = new ArrayList<>();
    setup.add(
        "plan add --name Monthly --price 5 --currency USD --months 1 --groups Standard"
            + " --streams 1");
    for (int p = 0; p < PROCESSES; p++) {
      setup.add("user add --email w" + p + "@example.com");
    }
    for (String command : setup) {
      List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
      args.addAll(List.of(command.split(" ")));
      assertThat(
              cli.execute(
                  new PrintWriter(new StringWriter()),
                  new PrintWriter(new StringWriter()),
                  args.toArray(String[]::new)))
          .isZero();
    }
    Files.createFile(scratch.resolve("go-0"));
    List<Process> writers = new ArrayList<>();
    List<String> lines = new CopyOnWriteArrayList<>();
    CountDownLatch finished = new CountDownLatch(PROCESSES);
    for (int p = 0; p < PROCESSES; p++) {
      Process writer =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.usher.app.CrashTestWriter",
                  dataDir.toString(),
                  "w" + p + "@example.com",
                  "w" + p,
                  Integer.toString(COMMANDS),
                  scratch.toString(),
                  "1")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      writers.add(writer);
      Thread.ofVirtual()
          .start(
              () -> {
                try (var out = writer.inputReader(StandardCharsets.UTF_8)) {
                  int seen = 0;
                  String line;
                  while (seen < COMMANDS && (line = out.readLine()) != null) {
                    lines.add(line);
                    seen = line.startsWith("FAIL") ? COMMANDS : seen + 1;
                  }
                } catch (java.io.IOException e) {
                  lines.add("FAIL reading: " + e);
                }
                finished.countDown();
              });
    }
    assertThat(finished.await(180, TimeUnit.SECONDS)).isTrue();
    Files.createFile(scratch.resolve("stop-0"));
    for (Process writer : writers) {
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(lines).noneMatch(l -> l.startsWith("FAIL")).hasSize(PROCESSES * COMMANDS);
  }
}
