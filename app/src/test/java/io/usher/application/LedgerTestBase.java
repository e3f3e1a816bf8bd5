package io.usher.application;

import io.usher.app.AppContext;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets a fresh data directory: a real H2 file database migrated by Flyway. */
public abstract class LedgerTestBase {
  protected static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir protected Path dataDir;
  protected MutableClock clock;
  protected AppContext usher;

  @BeforeEach
  void openLedger() {
    clock = new MutableClock(NOW);
    usher = new AppContext(dataDir, clock);
  }

  @AfterEach
  void closeLedger() {
    usher.close();
  }
}
