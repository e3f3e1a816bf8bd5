package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard that tells a lock file left by a killed Usher from one a live process holds. */
class LedgerGuardTest {
  @TempDir Path dataDir;

  Path leftOver() throws Exception {
    Path lockFile = dataDir.resolve("usher.lock.db");
    Files.writeString(lockFile, "#FileLock\nmethod=FILE\nid=18c0ffee\nserver=127.0.0.1:9092\n");
    return lockFile;
  }

  @Test
  void aLockFileNoLiveProcessHoldsIsRemovedBeforeTheLedgerOpens() throws Exception {
    Path lockFile = leftOver();

    try (LedgerGuard guard = LedgerGuard.open(dataDir)) {
      assertThat(lockFile).doesNotExist();
    }
  }

  @Test
  void aLockFileIsLeftAloneWhileAnotherProcessHasTheLedgerOpen() throws Exception {
    Process other =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LedgerGuardHolder.class.getName(),
                    dataDir.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("HELD");
      Path lockFile = leftOver();

      try (LedgerGuard guard = LedgerGuard.open(dataDir)) {
        assertThat(lockFile).as("another process has the ledger open").exists();
      }
    } finally {
      other.getOutputStream().close();
      if (!other.waitFor(10, TimeUnit.SECONDS)) {
        other.destroyForcibly();
      }
    }
  }

  @Test
  void opensInOneProcessShareOneLockAndTheLastCloseLetsGo() throws Exception {
    LedgerGuard first = LedgerGuard.open(dataDir);
    LedgerGuard second = LedgerGuard.open(dataDir);
    Path lockFile = leftOver();
    first.close();
    try (LedgerGuard third = LedgerGuard.open(dataDir)) {
      assertThat(lockFile).as("this process still has the ledger open").exists();
    }
    second.close();

    try (LedgerGuard again = LedgerGuard.open(dataDir)) {
      assertThat(lockFile).as("nobody had it open any more").doesNotExist();
    }
  }
}
