package io.usher.testing;

import io.usher.app.Database;
import io.usher.app.DatabaseAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh PostgreSQL ledgers for the suites' PostgreSQL runs: one server for the whole test JVM,
 * started on first use and stopped when the JVM ends, and one database migrated once as a template,
 * which each ledger is a copy of (a copy takes milliseconds; migrating takes most of a second).
 */
public final class PostgresLedgers {
  private static final String TEMPLATE = "usher_template";
  private static final AtomicInteger LEDGERS = new AtomicInteger();
  private static TestPostgres server;

  private PostgresLedgers() {}

  /** A new ledger, already at this build's schema, nobody else's. */
  public static synchronized DatabaseAddress fresh() {
    try {
      if (server == null) {
        server = TestPostgres.start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        server.close();
                      } catch (Exception e) {
                        // The JVM is ending; the temporary folder goes with the machine's.
                      }
                    }));
        execute("CREATE DATABASE " + TEMPLATE);
        Path keys = Files.createTempDirectory("usher-template");
        Database.openPostgres(address(TEMPLATE), keys).close();
      }
      String name = "usher_t" + LEDGERS.incrementAndGet();
      execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
      return address(name);
    } catch (Exception e) {
      throw new IllegalStateException("Could not make a PostgreSQL ledger: " + e.getMessage(), e);
    }
  }

  private static DatabaseAddress address(String database) {
    return new DatabaseAddress(server.url(database), TestPostgres.USER, null);
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(server.url("postgres"), TestPostgres.USER, null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
