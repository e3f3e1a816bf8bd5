package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
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
    Process usher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.jooq.no-logo=true",
                "-cp",
                System.getProperty("java.class.path"),
                "io.usher.app.Launcher",
                "--data-dir",
                dataDir.toString(),
                "serve")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(usher.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).startsWith("Usher is running headless on " + dataDir);

    usher.destroy();

    assertThat(usher.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
    try (InstanceLock lock = InstanceLock.acquire(dataDir);
        AppContext again = new AppContext(dataDir, Clock.systemUTC())) {
      assertThat(again.jobs().list()).isNotEmpty();
    }
  }
}
