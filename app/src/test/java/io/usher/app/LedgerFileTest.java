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

  @Test
  void aLedgerFileThatIsMostlyDeadSpaceShrinksOnTheNextOpenWithEveryRowKept() throws Exception {
    Path file = dataDir.resolve(Database.FILE_NAME);
    try (Database db = Database.open(dataDir)) {
      db.dsl().execute("CREATE TABLE SCRATCH(ID INT PRIMARY KEY, TEXT VARCHAR(2000))");
      for (int id = 0; id < 200; id++) {
        db.dsl().execute("INSERT INTO SCRATCH VALUES(?, ?)", id, "a".repeat(1000));
      }
      // Each statement is its own commit and its own chunk: the same 200 rows rewritten until
      // the file is far bigger than the data in it.
      for (int round = 0; Files.size(file) < Database.COMPACT_ABOVE_BYTES * 3 / 2; round++) {
        db.dsl()
            .execute(
                "UPDATE SCRATCH SET TEXT = ? WHERE ID = ?",
                Integer.toString(round).repeat(100),
                round % 200);
      }
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
}
