package io.usher.application;

import io.usher.app.AppContext;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each test gets a fresh data directory: a real H2 file database migrated by Flyway, or, in the
 * suites' PostgreSQL runs ({@code …OnPostgresTest}), a fresh PostgreSQL database.
 */
public abstract class LedgerTestBase {
  protected static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir protected Path dataDir;
  protected MutableClock clock;
  protected AppContext usher;

  @BeforeEach
  void openLedger() {
    clock = new MutableClock(NOW);
    usher = open(dataDir, clock);
  }

  /** The ledger a test works on; the PostgreSQL runs of a suite open theirs there. */
  protected AppContext open(Path dataDir, MutableClock clock) {
    return new AppContext(dataDir, null, clock);
  }

  @AfterEach
  void closeLedger() {
    usher.close();
  }
}
