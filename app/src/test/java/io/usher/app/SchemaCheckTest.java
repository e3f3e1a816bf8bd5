package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.UsherException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a ledger asks its schema version first: one already at this Usher's skips Flyway (its
 * scan and validation cost a one-shot command more than the command), an older one is backed up and
 * migrated, and one a newer Usher wrote is refused in a sentence.
 */
class SchemaCheckTest {
  @TempDir Path dataDir;

  @Test
  void aLedgerAtThisSchemaOpensWithoutFlywayLookingAtItsMigrations() {
    try (Database db = Database.open(dataDir)) {
      // Flyway's validation would refuse a checksum that no migration file has.
      db.dsl().execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1");
    }

    try (Database db = Database.open(dataDir)) {
      assertThat(db.dsl().fetchValue("SELECT COUNT(*) FROM USERS")).isEqualTo(0L);
    }
  }

  @Test
  void aLedgerANewerUsherWroteIsRefusedAndLeftAsItIs() {
    try (Database db = Database.open(dataDir)) {
      db.dsl()
          .execute(
              "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                  + " \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\","
                  + " \"success\") VALUES (999, ?, 'future', 'SQL', 'V999__future.sql', 'test', 0,"
                  + " TRUE)",
              Integer.toString(Database.SCHEMA + 1));
    }

    assertThatThrownBy(() -> Database.open(dataDir))
        .isInstanceOf(UsherException.class)
        .hasMessage(
            "The ledger in "
                + dataDir
                + " was written by a newer Usher (schema "
                + (Database.SCHEMA + 1)
                + "; this one knows "
                + Database.SCHEMA
                + "): run that version or a newer one.");
  }
}
