package io.usher.application;

import io.usher.app.AppContext;
import io.usher.app.DatabaseAddress;
import io.usher.testing.MutableClock;
import io.usher.testing.PostgresLedgers;
import java.nio.file.Path;

/**
 * PlanServiceTest's cases on a real PostgreSQL ledger (issue 16: the suites run on both engines).
 */
class PlanServiceOnPostgresTest extends PlanServiceTest {
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
