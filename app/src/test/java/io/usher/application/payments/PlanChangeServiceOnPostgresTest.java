package io.usher.application.payments;

import io.usher.app.AppContext;
import io.usher.app.DatabaseAddress;
import io.usher.testing.PostgresLedgers;
import java.nio.file.Path;

/**
 * PlanChangeServiceTest's cases on a real PostgreSQL ledger (issue 16: the suites run on both
 * engines).
 */
class PlanChangeServiceOnPostgresTest extends PlanChangeServiceTest {
  /** This test's ledger, the same again when the test opens it again (a restart). */
  private DatabaseAddress postgres;

  @Override
  protected AppContext open(Path dataDir) {
    return new AppContext(dataDir, postgresLedger(), clock, s -> media);
  }

  private DatabaseAddress postgresLedger() {
    if (postgres == null) {
      postgres = PostgresLedgers.fresh();
    }
    return postgres;
  }
}
