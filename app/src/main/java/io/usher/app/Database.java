package io.usher.app;

import io.usher.domain.common.UsherException;
import io.usher.store.SecretBox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * The embedded H2 file database of one data directory, migrated by Flyway on open (decisions 0001
 * and 0008).
 *
 * <p>AUTO_SERVER lets a one-shot CLI command reach the database while the window or {@code usher
 * serve} has it open: the first process serves it to the others, on loopback only. WRITE_DELAY=0
 * makes every commit write its chunk before the commit returns, so what Usher acknowledged survives
 * the process being killed the next instant.
 */
public final class Database implements AutoCloseable {
  static final String FILE_NAME = "usher.mv.db";

  /** The newest migration this build carries (V12__…); DatabaseTest keeps it in step. */
  static final int SCHEMA = 12;

  private static final long OPEN_PATIENCE_NANOS = 10_000_000_000L;

  static {
    // Read once by H2 when it first starts a server socket: the auto-server listens on loopback
    // alone instead of every interface.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private final JdbcConnectionPool pool;
  private final DSLContext dsl;
  private final SecretBox secrets;

  private Database(JdbcConnectionPool pool, SecretBox secrets) {
    this.pool = pool;
    this.secrets = secrets;
    DefaultConfiguration config = new DefaultConfiguration();
    config.set(SQLDialect.H2);
    config.set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(pool)));
    config.settings().withRenderSchema(false);
    this.dsl = DSL.using(config);
  }

  public static Database open(Path dataDir) {
    DataFolder.secure(dataDir);
    SecretBox secrets = new SecretBox(DataFolder.secret(dataDir, DataFolder.KEY_FILE, 32));
    JdbcConnectionPool pool = null;
    try {
      pool = JdbcConnectionPool.create(url(dataDir), "usher", "");
      pool.setMaxConnections(16);
      firstConnection(pool);
      backUpBeforeMigrating(pool, dataDir);
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
      DataFolder.secure(dataDir);
      return new Database(pool, secrets);
    } catch (UsherException e) {
      if (pool != null) {
        pool.dispose();
      }
      throw e;
    } catch (Exception e) {
      if (pool != null) {
        pool.dispose();
      }
      if (damaged(e)) {
        throw new UsherException(damagedSentence(dataDir, rootMessage(e)), e);
      }
      throw new UsherException(
          "Could not open the database in "
              + dataDir
              + ": "
              + rootMessage(e)
              + ". Check that the folder is writable.",
          e);
    }
  }

  /**
   * A ledger from an older Usher is copied before its schema changes, so an upgrade that goes wrong
   * can be undone with usher restore.
   */
  private static void backUpBeforeMigrating(JdbcConnectionPool pool, Path dataDir)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      int schema = LedgerBackups.schema(c);
      if (schema > 0 && schema < SCHEMA) {
        Instant now = Instant.now();
        LedgerBackups.take(
            c, dataDir, LedgerBackups.dated(dataDir, now, "-before-v" + SCHEMA + ".zip"), now);
      }
    }
  }

  private static boolean damaged(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
        return true;
      }
      if (t instanceof org.h2.mvstore.MVStoreException store
          && store.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_CORRUPT) {
        return true;
      }
    }
    return false;
  }

  /**
   * H2 can fall back to an older state of a damaged file; Usher never does so silently: it says
   * what happened and which backup to restore.
   */
  private static String damagedSentence(Path dataDir, String detail) {
    String base =
        "The ledger file "
            + dataDir.resolve(FILE_NAME)
            + " is damaged ("
            + detail
            + "), so Usher did not open it. ";
    return LedgerBackups.list(dataDir).stream()
        .findFirst()
        .map(
            b ->
                base
                    + "The newest backup is "
                    + b.file()
                    + ", taken "
                    + b.created()
                    + ": run usher restore "
                    + b.file()
                    + " (the damaged file is kept beside the backups).")
        .orElse(base + "There is no backup in " + dataDir.resolve(LedgerBackups.FOLDER) + ".");
  }

  static String url(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.resolve("usher").toAbsolutePath()
        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
  }

  /**
   * Two Usher processes that open the folder at the same instant race to serve it: the loser sees
   * the file locked, or the winner's server before it answers. Both settle within moments, so the
   * loser waits and tries again rather than failing the owner's command.
   */
  private static void firstConnection(JdbcConnectionPool pool) throws SQLException {
    long deadline = System.nanoTime() + OPEN_PATIENCE_NANOS;
    long pause = 20;
    while (true) {
      try (Connection c = pool.getConnection()) {
        return;
      } catch (SQLException e) {
        if (!passing(e) || System.nanoTime() > deadline) {
          if (passing(e)) {
            throw new UsherException(
                "Another Usher process kept this data folder's database locked for 10 s (another"
                    + " command starting at the same moment, or one that hangs): try again.",
                e);
          }
          throw e;
        }
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UsherException("Interrupted while waiting for the database.", e);
      }
      pause = Math.min(pause * 2, 500);
    }
  }

  private static boolean passing(SQLException e) {
    return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
        || e.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1;
  }

  public DSLContext dsl() {
    return dsl;
  }

  /** A connection of the pool, for H2's own commands (BACKUP TO). */
  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  DataSource dataSource() {
    return pool;
  }

  /** Seals and opens secrets with the data folder's key. */
  public SecretBox secrets() {
    return secrets;
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
