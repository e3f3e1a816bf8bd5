package io.usher.app;

import io.usher.domain.common.UsherException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * The embedded H2 file database of one data directory, migrated by Flyway on open.
 *
 * <p>AUTO_SERVER lets a one-shot CLI command reach the database while the window or {@code usher
 * serve} has it open: the first process serves it to the others over loopback.
 */
public final class Database implements AutoCloseable {
  private final JdbcConnectionPool pool;
  private final DSLContext dsl;

  private Database(JdbcConnectionPool pool) {
    this.pool = pool;
    DefaultConfiguration config = new DefaultConfiguration();
    config.set(SQLDialect.H2);
    config.set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(pool)));
    config.settings().withRenderSchema(false);
    this.dsl = DSL.using(config);
  }

  public static Database open(Path dataDir) {
    JdbcConnectionPool pool = null;
    try {
      Files.createDirectories(dataDir);
      String url =
          "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
      pool = JdbcConnectionPool.create(url, "usher", "");
      pool.setMaxConnections(16);
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
      return new Database(pool);
    } catch (Exception e) {
      if (pool != null) {
        pool.dispose();
      }
      throw new UsherException(
          "Could not open the database in "
              + dataDir
              + ": "
              + rootMessage(e)
              + ". Check that the folder is writable and not used by a newer Usher.",
          e);
    }
  }

  public DSLContext dsl() {
    return dsl;
  }

  @Override
  public void close() {
    pool.dispose();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int newline = msg.indexOf('\n');
    return newline > 0 ? msg.substring(0, newline) : msg;
  }
}
