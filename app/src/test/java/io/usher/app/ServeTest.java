package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.FreshJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code usher serve} in a real process: it runs headless and stops cleanly on SIGTERM. */
class ServeTest {
  @TempDir Path dataDir;

  @Test
  void serveRunsUntilSigtermThenReleasesTheDataFolder() throws Exception {
    // A free port: on a shared machine another Usher may hold the default 8765, and the sentence
    // about it would come first.
    try (AppContext setup = new AppContext(dataDir, Clock.systemUTC());
        ServerSocket free = new ServerSocket(0)) {
      setup.settings().set("checkout.port", Integer.toString(free.getLocalPort()));
    }
    Process usher = serve();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(usher.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).startsWith("Usher is running headless on " + dataDir);
    assertDatabaseServerListensOnLoopbackOnly();

    usher.destroy();

    assertThat(usher.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
    try (InstanceLock lock = InstanceLock.acquire(dataDir);
        AppContext again = new AppContext(dataDir, Clock.systemUTC())) {
      assertThat(again.jobs().list()).isNotEmpty();
    }
  }

  /**
   * Opening the ledger reads the lock file to see whether an instance runs; reading a file closes a
   * descriptor of it, and on POSIX that dropped the lock this very process held, so a second serve
   * (or window) started beside the first.
   */
  @Test
  void aSecondServeOnTheSameDataIsRefusedWhileTheFirstRuns() throws Exception {
    try (AppContext setup = new AppContext(dataDir, Clock.systemUTC());
        ServerSocket free = new ServerSocket(0)) {
      setup.settings().set("checkout.port", Integer.toString(free.getLocalPort()));
    }
    Process first = serve();
    Process second = null;
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).startsWith("Usher is running headless on " + dataDir);

      second = serve();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("refused, not running").isTrue();
      String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(second.exitValue()).as(said).isEqualTo(1);
      assertThat(said).contains("Usher is already running on this data (pid " + first.pid() + ").");
    } finally {
      if (second != null) {
        second.destroyForcibly();
      }
      first.destroy();
      first.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process serve() throws IOException {
    return new ProcessBuilder(FreshJvm.usher("--data-dir", dataDir.toString(), "serve"))
        .redirectErrorStream(true)
        .start();
  }

  /**
   * Issue 11 §5: H2's auto-server, which lets one-shot commands reach the database while serve
   * runs, listened on every interface. Read from the kernel's socket table which address the port
   * named in H2's lock file is bound to; no traffic is sent anywhere.
   */
  private void assertDatabaseServerListensOnLoopbackOnly() throws IOException {
    Properties lock = new Properties();
    try (var in = Files.newInputStream(dataDir.resolve("usher.lock.db"))) {
      lock.load(in);
    }
    String server = lock.getProperty("server");
    assertThat(server)
        .as("H2's lock file names its server")
        .matches("(localhost|127\\.0\\.0\\.1):\\d+");
    int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    String portHex = String.format("%04X", port);
    List<String> listening = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table))) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 3 && f[1].endsWith(":" + portHex) && f[3].equals("0A")) {
          listening.add(f[1].substring(0, f[1].indexOf(':')));
        }
      }
    }
    assertThat(listening)
        .as("local addresses listening on " + port + " (127.0.0.1, as IPv4 or IPv4-mapped IPv6)")
        .isNotEmpty()
        .allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F"));
  }
}
