package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every chunk goes to the end of the ledger file (decision 0008), so replaced pages leave dead
 * space behind; the process that opens the file alone compacts it once it is big and mostly dead.
 */
class LedgerFileTest {
  @TempDir Path dataDir;

  /** The same 200 rows rewritten, one commit and one chunk each, until the file is bloated. */
  private static void bloat(Database db, Path file) throws Exception {
    db.dsl().execute("CREATE TABLE SCRATCH(ID INT PRIMARY KEY, TEXT VARCHAR(2000))");
    for (int id = 0; id < 200; id++) {
      db.dsl().execute("INSERT INTO SCRATCH VALUES(?, ?)", id, "a".repeat(1000));
    }
    for (int round = 0; Files.size(file) < Database.COMPACT_ABOVE_BYTES * 3 / 2; round++) {
      db.dsl()
          .execute(
              "UPDATE SCRATCH SET TEXT = ? WHERE ID = ?",
              Integer.toString(round).repeat(100),
              round % 200);
    }
  }

  @Test
  void aLedgerFileThatIsMostlyDeadSpaceShrinksOnTheNextOpenWithEveryRowKept() throws Exception {
    Path file = dataDir.resolve(Database.FILE_NAME);
    try (Database db = Database.open(dataDir)) {
      bloat(db, file);
    }
    long bloated = Files.size(file);

    try (Database db = Database.open(dataDir)) {
      assertThat(db.dsl().fetchValue("SELECT COUNT(*) FROM SCRATCH")).isEqualTo(200L);
      try (var c = db.connection()) {
        assertThat(LedgerBackups.schema(c)).isEqualTo(Database.SCHEMA);
      }
    }
    assertThat(Files.size(file)).isLessThan(bloated / 4);
  }

  @Test
  void aRunningLedgerIsCompactedOnceTheTransactionsUnderWayHaveEnded() throws Exception {
    Path file = dataDir.resolve(Database.FILE_NAME);
    try (Database db = Database.open(dataDir)) {
      bloat(db, file);
      long bloated = Files.size(file);
      var transactions = new io.usher.store.JooqTransactions(db.dsl());
      var inside = new java.util.concurrent.CountDownLatch(1);
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () ->
                      transactions.inTransaction(
                          () -> {
                            db.dsl().execute("INSERT INTO SCRATCH VALUES(1000, 'during')");
                            inside.countDown();
                            sleep(300);
                            return null;
                          }));
      inside.await();

      assertThat(db.compactIfSparse()).isTrue();
      writer.join();

      assertThat(Files.size(file)).isLessThan(bloated / 4);
      assertThat(db.dsl().fetchValue("SELECT COUNT(*) FROM SCRATCH")).isEqualTo(201L);
      db.dsl().execute("INSERT INTO SCRATCH VALUES(1001, 'after')");
      assertThat(db.compactIfSparse()).as("nothing left to gain").isFalse();
    }
    try (Database db = Database.open(dataDir)) {
      assertThat(db.dsl().fetchValue("SELECT COUNT(*) FROM SCRATCH")).isEqualTo(202L);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
