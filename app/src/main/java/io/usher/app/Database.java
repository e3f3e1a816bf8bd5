package io.usher.app;

import io.usher.domain.common.UsherException;
import io.usher.store.SecretBox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The ledger's database, migrated by Flyway on open: the embedded H2 file of one data directory
 * (decisions 0001 and 0008), or a PostgreSQL database several processes share ({@link
 * #openPostgres}, decision 0013).
 *
 * <p>AUTO_SERVER lets a one-shot CLI command reach the database while the window or {@code usher
 * serve} has it open: the first process serves it to the others, on loopback only. WRITE_DELAY=0
 * makes every commit write its chunk before the commit returns, and REUSE_SPACE=FALSE makes every
 * chunk go to the end of the file instead of over space H2 has freed, so what Usher acknowledged
 * survives the process being killed the next instant (decision 0008). The file grows with every
 * commit; the process that opens it first compacts it when it is mostly dead space.
 */
public final class Database implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
  static final String FILE_NAME = "usher.mv.db";

  /** The newest migration this build carries (V22__…); DatabaseTest keeps it in step. */
  static final int SCHEMA = 22;

  private static final long OPEN_PATIENCE_NANOS = 30_000_000_000L;

  /** Below this a ledger file is never worth compacting. */
  static final long COMPACT_ABOVE_BYTES = 16L * 1024 * 1024;

  /** Compacted when less than this share (percent) of its chunks is live data. */
  private static final int COMPACT_BELOW_FILL = 50;

  private static final long LINGER_NANOS = 5_000_000_000L;

  static {
    // Read once by H2 when it first starts a server socket: the auto-server listens on loopback
    // alone instead of every interface.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  /** How long a compaction while Usher runs waits for the connections out to come back. */
  private static final long DRAIN_NANOS = 10_000_000_000L;

  private final String url;
  private volatile JdbcConnectionPool pool;
  private final Gate gate = new Gate();
  private final DSLContext dsl;
  private final SecretBox secrets;
  private final LedgerGuard guard;
  private final boolean postgres;

  /**
   * @param guard the data folder's guard while an H2 ledger is open; null on PostgreSQL
   */
  private Database(
      String url, JdbcConnectionPool pool, SecretBox secrets, LedgerGuard guard, boolean postgres) {
    this.url = url;
    this.pool = pool;
    this.secrets = secrets;
    this.guard = guard;
    this.postgres = postgres;
    DefaultConfiguration config = new DefaultConfiguration();
    config.set(postgres ? SQLDialect.POSTGRES : SQLDialect.H2);
    config.set(new ThreadLocalTransactionProvider(new GatedConnections()));
    config.settings().withRenderSchema(false);
    if (postgres) {
      // The generated names are H2's upper case; unquoted, PostgreSQL folds them to the lower
      // case its migrations made.
      config.settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
    }
    this.dsl = DSL.using(config);
  }

  /** Whether the ledger is a PostgreSQL database rather than the data folder's H2 file. */
  public boolean postgres() {
    return postgres;
  }

  /**
   * Opens a ledger on PostgreSQL (issue 16), migrated by the same migrations in the form PostgreSQL
   * takes ({@code db/postgres}, made from {@code db/migration} by the build). The data folder still
   * holds the key that seals secrets. No file to compact, and no backup before an upgrade:
   * PostgreSQL is backed up with its own tools.
   */
  public static Database openPostgres(DatabaseAddress address, Path dataDir) {
    DataFolder.secure(dataDir);
    SecretBox secrets = new SecretBox(DataFolder.secret(dataDir, DataFolder.KEY_FILE, 32));
    PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
    source.setURL(address.url());
    if (address.user() != null) {
      source.setUser(address.user());
    }
    if (address.password() != null) {
      source.setPassword(address.password());
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(16);
    try {
      int schema = schema(pool);
      if (schema > SCHEMA) {
        throw new UsherException(
            "The ledger at "
                + address.shown()
                + " was written by a newer Usher (schema "
                + schema
                + "; this one knows "
                + SCHEMA
                + "): run that version or a newer one.");
      }
      if (schema != SCHEMA) {
        Flyway.configure()
            .dataSource(pool)
            .locations("classpath:db/postgres")
            .failOnMissingLocations(true)
            .load()
            .migrate();
      }
      return new Database(address.url(), pool, secrets, null, true);
    } catch (UsherException e) {
      pool.dispose();
      throw e;
    } catch (Exception e) {
      pool.dispose();
      throw new UsherException(
          "Could not open the ledger at "
              + address.shown()
              + ": "
              + rootMessage(e)
              + ". Check the address, the user and the password, and that PostgreSQL runs.",
          e);
    }
  }

  public static Database open(Path dataDir) {
    return open(dataDir, false);
  }

  /**
   * Opens the ledger and, when no other process uses it, rewrites its file first whatever its size:
   * after clear values were replaced, so none is left in the file's dead space.
   */
  static Database openCompacted(Path dataDir) {
    return open(dataDir, true);
  }

  private static Database open(Path dataDir, boolean compact) {
    DataFolder.secure(dataDir);
    SecretBox secrets = new SecretBox(DataFolder.secret(dataDir, DataFolder.KEY_FILE, 32));
    LedgerGuard guard = LedgerGuard.open(dataDir);
    try {
      return open(dataDir, compact, secrets, guard);
    } catch (RuntimeException e) {
      guard.close();
      throw e;
    }
  }

  private static Database open(
      Path dataDir, boolean compact, SecretBox secrets, LedgerGuard guard) {
    long deadline = System.nanoTime() + OPEN_PATIENCE_NANOS;
    long pause = 20;
    boolean compacted = false;
    while (true) {
      String url = url(dataDir, InstanceLock.running(dataDir));
      JdbcConnectionPool pool = pool(url);
      try {
        int schema = schema(pool);
        if (schema > SCHEMA) {
          throw new UsherException(
              "The ledger in "
                  + dataDir
                  + " was written by a newer Usher (schema "
                  + schema
                  + "; this one knows "
                  + SCHEMA
                  + "): run that version or a newer one.");
        }
        boolean upgraded = schema > 0 && schema < SCHEMA;
        if (upgraded) {
          backUp(pool, dataDir);
        }
        // A ledger already at this Usher's schema skips Flyway: its scan of the migrations and its
        // validation cost a one-shot command more than the command itself.
        if (schema != SCHEMA) {
          Flyway.configure()
              .dataSource(pool)
              .locations("classpath:db/migration")
              .failOnMissingLocations(true)
              .load()
              .migrate();
        }
        // An upgrade may have replaced values that must not linger in the file's dead space (the
        // sign-in links an older Usher kept in clear), so it is compacted like a sparse file.
        // A command beside a running window or serve leaves the file to it: that process
        // compacts on its own open and in its daily backup job.
        if (!compacted
            && !InstanceLock.runningElsewhere(dataDir)
            && compactIfSparse(pool, compact || upgraded)) {
          compacted = true;
          pool.dispose();
          continue;
        }
        DataFolder.secure(dataDir);
        return new Database(url, pool, secrets, guard, false);
      } catch (UsherException e) {
        pool.dispose();
        throw e;
      } catch (Exception e) {
        pool.dispose();
        if (passing(e) && System.nanoTime() < deadline) {
          pause = pauseBeforeRetry(pause);
          continue;
        }
        throw refusal(dataDir, e);
      }
    }
  }

  private static UsherException refusal(Path dataDir, Exception e) {
    if (damaged(e)) {
      return new UsherException(damagedSentence(dataDir, rootMessage(e)), e);
    }
    if (passing(e)) {
      return new UsherException(
          "Another Usher process kept this data folder's database busy for 30 s (a command"
              + " starting at the same moment, or one that hangs): try again.",
          e);
    }
    return new UsherException(
        "Could not open the database in "
            + dataDir
            + ": "
            + rootMessage(e)
            + ". Check that the folder is writable.",
        e);
  }

  private static long pauseBeforeRetry(long pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsherException("Interrupted while waiting for the database.", e);
    }
    return Math.min(pause * 2, 500);
  }

  /**
   * Appending every chunk (REUSE_SPACE=FALSE) leaves the space of replaced pages dead. When the
   * file is big and mostly dead, the process that has it alone rewrites it with SHUTDOWN COMPACT,
   * which H2 does into a new file that replaces the old one by an atomic rename, so a kill during
   * it leaves the old file whole. Never while another process uses the database through this one.
   *
   * @return true when it compacted, and the pool must be opened again
   */
  private static boolean compactIfSparse(JdbcConnectionPool pool, boolean always)
      throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet alone =
          s.executeQuery(
              // Remote sessions: this process reaches the file through another one, or another
              // one through this. The pool's own idle connections are sessions too, and harmless.
              "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")) {
        alone.next();
        if (alone.getInt(1) > 0) {
          return false;
        }
      }
      long size = 0;
      int fill = 100;
      try (ResultSet info =
          s.executeQuery(
              "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                  + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
        while (info.next()) {
          if (info.getString(1).equals("info.FILE_SIZE")) {
            size = Long.parseLong(info.getString(2));
          } else {
            fill = Integer.parseInt(info.getString(2));
          }
        }
      }
      if (!always && (size < COMPACT_ABOVE_BYTES || fill >= COMPACT_BELOW_FILL)) {
        return false;
      }
      LOG.info("Compacting the ledger file: {} bytes, {}% live", size, fill);
      s.execute("SHUTDOWN COMPACT");
      return true;
    }
  }

  /** The ledger's schema version: 0 for a new file, else the newest migration applied. */
  private static int schema(JdbcConnectionPool pool) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return LedgerBackups.schema(c);
    }
  }

  /**
   * A ledger from an older Usher is copied before its schema changes, so an upgrade that goes wrong
   * can be undone with usher restore.
   */
  private static void backUp(JdbcConnectionPool pool, Path dataDir) throws SQLException {
    try (Connection c = pool.getConnection()) {
      Instant now = Instant.now();
      LedgerBackups.take(
          c, dataDir, LedgerBackups.dated(dataDir, now, "-before-v" + SCHEMA + ".zip"), now);
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
                    + b.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + ": run usher restore "
                    + b.file()
                    + " (the damaged file is kept beside the backups).")
        .orElse(base + "There is no backup in " + dataDir.resolve(LedgerBackups.FOLDER) + ".");
  }

  /**
   * @param shared through the auto-server, as while a window or serve runs
   */
  static String url(Path dataDir, boolean shared) {
    return "jdbc:h2:file:"
        + dataDir.resolve("usher").toAbsolutePath()
        + ";WRITE_DELAY=0;REUSE_SPACE=FALSE"
        + (shared ? ";AUTO_SERVER=TRUE" : "");
  }

  /**
   * Two Usher processes that open the folder at the same instant race to serve it: the loser sees
   * the file locked, or the winner's server before it answers or just as it goes away. Both settle
   * within moments, and opening changes nothing until Flyway has a connection, so the loser waits
   * and opens again rather than failing the owner's command.
   */
  private static boolean passing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && passing(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean passing(SQLException e) {
    return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
        || e.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1
        || (e.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1
            && (String.valueOf(e.getMessage()).contains("Lock file")
                || String.valueOf(e.getMessage()).contains("Another process")));
  }

  public DSLContext dsl() {
    return dsl;
  }

  private static JdbcConnectionPool pool(String url) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "usher", "");
    pool.setMaxConnections(16);
    return pool;
  }

  /** A connection of the pool, for H2's own commands, while nothing else uses the ledger. */
  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** Work on one connection of the pool (BACKUP TO), never during a compaction. */
  <T> T withConnection(SqlWork<T> work) throws SQLException {
    gate.enter();
    try (Connection c = pool.getConnection()) {
      return work.apply(c);
    } finally {
      gate.leave();
    }
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * While a window or serve runs for weeks, appended chunks pile up in the file (decision 0008).
   * When it is big and mostly dead space and no other process is using the ledger, this rewrites it
   * as on open: new connections wait, the ones out are awaited (up to 10 s, else it is left for
   * next time), the file is compacted and a fresh pool opens it again.
   *
   * @return true when the file was rewritten
   */
  boolean compactIfSparse() {
    if (postgres || !gate.shut(DRAIN_NANOS)) {
      return false;
    }
    try {
      if (!compactIfSparse(pool, false)) {
        return false;
      }
      JdbcConnectionPool old = pool;
      pool = pool(url);
      old.dispose();
      return true;
    } catch (SQLException e) {
      throw new UsherException("Could not compact the ledger file: " + rootMessage(e) + ".", e);
    } finally {
      gate.open();
    }
  }

  /** jOOQ's connections, through the gate a compaction closes for a moment. */
  private final class GatedConnections implements ConnectionProvider {
    @Override
    public Connection acquire() {
      gate.enter();
      try {
        return pool.getConnection();
      } catch (SQLException e) {
        gate.leave();
        throw new DataAccessException("Error getting a connection to the ledger", e);
      } catch (RuntimeException e) {
        gate.leave();
        throw e;
      }
    }

    @Override
    public void release(Connection connection) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw new DataAccessException("Error returning a connection to the ledger", e);
      } finally {
        gate.leave();
      }
    }
  }

  /**
   * Counts the connections out. Shut, it makes new ones wait until it opens again; not a lock held
   * across threads, so a connection may come back on another thread than it left on.
   */
  private static final class Gate {
    private int out;
    private boolean shut;

    synchronized void enter() {
      while (shut) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UsherException("Interrupted while waiting for the ledger.", e);
        }
      }
      out++;
    }

    synchronized void leave() {
      out--;
      notifyAll();
    }

    /**
     * @return true when every connection came back in time; the gate is then shut until {@link
     *     #open}
     */
    synchronized boolean shut(long patienceNanos) {
      if (shut) {
        return false;
      }
      shut = true;
      long deadline = System.nanoTime() + patienceNanos;
      while (out > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          open();
          return false;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          open();
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }

    synchronized void open() {
      shut = false;
      notifyAll();
    }
  }

  /** Seals and opens secrets with the data folder's key. */
  public SecretBox secrets() {
    return secrets;
  }

  /**
   * A process that serves the database to others (the auto-server) takes it down when it exits; a
   * one-shot command that happens to serve waits, briefly, until the commands it serves are done,
   * so none of them fails half-way.
   */
  @Override
  public void close() {
    try {
      if (!postgres) {
        awaitRemoteSessions();
      }
      pool.dispose();
    } finally {
      if (guard != null) {
        guard.close();
      }
    }
  }

  private void awaitRemoteSessions() {
    long deadline = System.nanoTime() + LINGER_NANOS;
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet own =
          s.executeQuery(
              "SELECT CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()")) {
        if (!own.next() || own.getString(1) != null) {
          return;
        }
      }
      while (System.nanoTime() < deadline) {
        try (ResultSet remote =
            s.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")) {
          remote.next();
          if (remote.getInt(1) == 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    } catch (SQLException e) {
      // The database is already going away: nothing to wait for.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
