package io.usher.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The child process of {@link LedgerKillTest}: threads that insert and update rows on the ledger's
 * own JDBC URL, each committing one by one and printing {@code ACK id} only after the commit
 * returned, until the test kills the process.
 *
 * <p>Arguments: data dir, run id, threads.
 */
public final class LedgerKillWriter {
  private LedgerKillWriter() {}

  public static void main(String[] args) throws Exception {
    String url = Database.url(Path.of(args[0]), false);
    String run = args[1];
    int threads = Integer.parseInt(args[2]);
    try (Connection c = DriverManager.getConnection(url, "usher", "")) {
      c.createStatement()
          .execute("CREATE TABLE IF NOT EXISTS KILLED(ID VARCHAR(40) PRIMARY KEY, V VARCHAR(400))");
      // H2 keeps freed space for 45 s before reusing it; a ledger in use for longer has none of
      // that grace, and this one should not need minutes to show it.
      c.createStatement().execute("SET RETENTION_TIME 0");
    }
    for (int t = 0; t < threads; t++) {
      String prefix = run + "-" + t + "-";
      Thread.ofPlatform().start(() -> write(url, prefix));
    }
  }

  private static void write(String url, String prefix) {
    try (Connection c = DriverManager.getConnection(url, "usher", "")) {
      c.setAutoCommit(false);
      for (int i = 0; ; i++) {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO KILLED VALUES(?, ?)");
            PreparedStatement update = c.prepareStatement("UPDATE KILLED SET V = ? WHERE ID = ?")) {
          insert.setString(1, prefix + i);
          insert.setString(2, "x".repeat(200 + i % 150));
          insert.executeUpdate();
          // Rewriting older rows frees pages, which is when H2 would reuse space.
          update.setString(1, "y".repeat(10 + i % 300));
          update.setString(2, prefix + i / 2);
          update.executeUpdate();
        }
        c.commit();
        synchronized (System.out) {
          System.out.println("ACK " + prefix + i);
          System.out.flush();
        }
      }
    } catch (SQLException e) {
      System.err.println(e);
    }
  }
}
