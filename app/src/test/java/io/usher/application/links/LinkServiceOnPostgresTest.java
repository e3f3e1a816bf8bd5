package io.usher.application.links;

import io.usher.app.AppContext;
import io.usher.app.DatabaseAddress;
import io.usher.testing.MutableClock;
import io.usher.testing.PostgresLedgers;
import java.nio.file.Path;

/**
 * LinkServiceTest's cases on a real PostgreSQL ledger (issue 16: the suites run on both engines).
 */
class LinkServiceOnPostgresTest extends LinkServiceTest {
  /** This test's ledger, the same again when the test opens it again (a restart). */
  private DatabaseAddress postgres;

  @Override
  protected AppContext open(Path dataDir, MutableClock clock) {
    return new AppContext(dataDir, postgresLedger(), clock);
  }

  private DatabaseAddress postgresLedger() {
    if (postgres == null) {
      postgres = PostgresLedgers.fresh();
    }
    return postgres;
  }
}
