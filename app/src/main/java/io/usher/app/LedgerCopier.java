package io.usher.app;

import static io.usher.store.generated.Tables.MEDIA_SERVERS;
import static io.usher.store.generated.Tables.PAYMENTS;
import static io.usher.store.generated.Tables.PLANS;
import static io.usher.store.generated.Tables.SETTINGS;
import static io.usher.store.generated.Tables.USERS;

import io.usher.domain.backups.LedgerCopy;
import io.usher.domain.common.UsherException;
import io.usher.store.generated.DefaultSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Identity;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;

/**
 * {@code usher db copy}: the whole ledger, every table of the schema, into an empty ledger on the
 * other engine (or the same), in one transaction there, then every row of both compared. Rows are
 * copied as stored: secrets stay sealed, so the target's data folder must hold the same {@code
 * usher.key} (a new data folder gets a copy of it).
 */
final class LedgerCopier {
  /** Rows written per batch. */
  private static final int BATCH = 500;

  private final Database from;
  private final Path dataDir;

  LedgerCopier(Database from, Path dataDir) {
    this.from = from;
    this.dataDir = dataDir;
  }

  LedgerCopy copyTo(String target) {
    if (target.startsWith("jdbc:")) {
      DatabaseAddress address =
          new DatabaseAddress(
              target,
              given(System.getenv("USHER_DB_USER")),
              given(System.getenv("USHER_DB_PASSWORD")));
      try (Database to = Database.openPostgres(address, dataDir)) {
        return copy(to, address.shown());
      }
    }
    Path folder = Path.of(target).toAbsolutePath();
    if (folder.equals(dataDir.toAbsolutePath())) {
      throw new UsherException("The ledger is already in " + folder + ": copy it somewhere else.");
    }
    shareKey(folder);
    try (Database to = Database.open(folder)) {
      return copy(to, folder.toString());
    }
  }

  private static String given(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The target folder gets this folder's key, or must already hold the same one. */
  private void shareKey(Path folder) {
    try {
      Path ours = dataDir.resolve(DataFolder.KEY_FILE);
      Path theirs = folder.resolve(DataFolder.KEY_FILE);
      byte[] key = DataFolder.secret(dataDir, DataFolder.KEY_FILE, 32);
      if (Files.exists(theirs)) {
        if (!Arrays.equals(Files.readAllBytes(theirs), Files.readAllBytes(ours))) {
          throw new UsherException(
              folder
                  + " holds another usher.key: the copied secrets would not open there. Copy into"
                  + " an empty folder.");
        }
        return;
      }
      Files.createDirectories(folder);
      DataFolder.secure(folder);
      Files.write(theirs, key);
      DataFolder.secure(folder);
    } catch (IOException e) {
      throw new UsherException("Could not give " + folder + " the ledger's key: " + e.getMessage());
    }
  }

  private LedgerCopy copy(Database to, String shown) {
    List<Table<?>> tables = inOrder();
    DSLContext source = from.dsl();
    DSLContext target = to.dsl();
    // A new ledger holds only what its migrations made (the default library groups): the owner's
    // own rows are what make it not empty.
    for (Table<?> table : List.of(USERS, PLANS, PAYMENTS, MEDIA_SERVERS, SETTINGS)) {
      int there = target.fetchCount(table);
      if (there > 0) {
        throw new UsherException(
            "The ledger at "
                + shown
                + " is not empty ("
                + there
                + " rows in "
                + table.getName().toLowerCase(java.util.Locale.ROOT)
                + "): copy only into an empty one.");
      }
    }
    long[] rows = {0};
    target.transaction(
        t -> {
          DSLContext into = t.dsl();
          for (Table<?> table : tables.reversed()) {
            into.deleteFrom(table).execute();
          }
          for (Table<?> table : tables) {
            rows[0] += copyTable(source, into, table);
          }
          for (Table<?> table : tables) {
            restartIdentity(into, table, to.postgres());
          }
        });
    for (Table<?> table : tables) {
      verify(source, target, table, shown);
    }
    return new LedgerCopy(shown, tables.size(), rows[0]);
  }

  /** Every table after the tables it refers to (a table referring to itself aside). */
  static List<Table<?>> inOrder() {
    List<Table<?>> all = DefaultSchema.DEFAULT_SCHEMA.getTables();
    Set<Table<?>> placed = new LinkedHashSet<>();
    while (placed.size() < all.size()) {
      int before = placed.size();
      for (Table<?> table : all) {
        if (placed.contains(table)) {
          continue;
        }
        boolean ready = true;
        for (ForeignKey<?, ?> key : table.getReferences()) {
          Table<?> parent = key.getKey().getTable();
          if (!parent.equals(table) && !placed.contains(parent)) {
            ready = false;
          }
        }
        if (ready) {
          placed.add(table);
        }
      }
      if (placed.size() == before) {
        throw new IllegalStateException("the ledger's tables refer to each other in a circle");
      }
    }
    return new ArrayList<>(placed);
  }

  /**
   * Copies one table's rows in batches. A column referring to the same table (a linked user's
   * master) is written empty first and set once every row is there.
   */
  private static long copyTable(DSLContext source, DSLContext into, Table<?> table) {
    List<Field<?>> selfRefs = new ArrayList<>();
    for (ForeignKey<?, ?> key : table.getReferences()) {
      if (key.getKey().getTable().equals(table)) {
        selfRefs.addAll(key.getFields());
      }
    }
    List<Map.Entry<TableRecord<?>, Record>> later = new ArrayList<>();
    long count = 0;
    List<TableRecord<?>> batch = new ArrayList<>();
    try (Cursor<? extends Record> rows = rows(source, table)) {
      for (Record row : rows) {
        TableRecord<?> copy = (TableRecord<?>) into.newRecord(table);
        copy.from(row);
        for (Field<?> f : table.fields()) {
          copy.changed(f, true);
        }
        if (!selfRefs.isEmpty() && selfRefs.stream().anyMatch(f -> row.get(f) != null)) {
          later.add(Map.entry(copy, row));
          for (Field<?> f : selfRefs) {
            copy.set(f, null);
          }
        }
        batch.add(copy);
        count++;
        if (batch.size() == BATCH) {
          into.batchInsert(batch).execute();
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      into.batchInsert(batch).execute();
    }
    for (Map.Entry<TableRecord<?>, Record> pending : later) {
      UpdatableRecord<?> update = (UpdatableRecord<?>) pending.getKey();
      for (Field<?> f : selfRefs) {
        set(update, f, pending.getValue());
      }
      update.update();
    }
    return count;
  }

  @SuppressWarnings("unchecked")
  private static <T> void set(UpdatableRecord<?> record, Field<T> field, Record from) {
    record.set(field, (T) from.get(field));
  }

  /** The order rows are read in: by primary key, else by every column. */
  private static List<SortField<?>> order(Table<?> table) {
    List<? extends Field<?>> by =
        table.getPrimaryKey() != null ? table.getPrimaryKey().getFields() : List.of(table.fields());
    List<SortField<?>> order = new ArrayList<>();
    for (Field<?> f : by) {
      order.add(f.asc());
    }
    return order;
  }

  /** The next id after the copied ones, so new rows do not collide with them. */
  private static void restartIdentity(DSLContext into, Table<?> table, boolean postgres) {
    Identity<?, ?> identity = table.getIdentity();
    if (identity == null) {
      return;
    }
    String name = table.getName().toLowerCase(java.util.Locale.ROOT);
    String column = identity.getField().getName().toLowerCase(java.util.Locale.ROOT);
    Object max = into.select(org.jooq.impl.DSL.max(identity.getField())).from(table).fetchOne(0);
    long next = max == null ? 1 : ((Number) max).longValue() + 1;
    if (postgres) {
      into.execute(
          "SELECT setval(pg_get_serial_sequence('"
              + name
              + "', '"
              + column
              + "'), "
              + next
              + ", false)");
    } else {
      into.execute("ALTER TABLE " + name + " ALTER COLUMN " + column + " RESTART WITH " + next);
    }
  }

  /** A table's rows in key order, read a batch at a time rather than all at once. */
  private static Cursor<? extends Record> rows(DSLContext dsl, Table<?> table) {
    return dsl.selectFrom(table).orderBy(order(table)).fetchSize(BATCH).fetchLazy();
  }

  /** Both sides hold the same rows, value for value, in the same order. */
  private static void verify(DSLContext source, DSLContext target, Table<?> table, String shown) {
    try (Cursor<? extends Record> ours = rows(source, table);
        Cursor<? extends Record> theirs = rows(target, table)) {
      long row = 0;
      while (ours.hasNext() || theirs.hasNext()) {
        row++;
        if (!ours.hasNext()
            || !theirs.hasNext()
            || !Arrays.equals(ours.fetchNext().intoArray(), theirs.fetchNext().intoArray())) {
          throw new UsherException(
              "The copy at "
                  + shown
                  + " differs from the ledger in "
                  + table.getName().toLowerCase(java.util.Locale.ROOT)
                  + " at row "
                  + row
                  + ": empty it before trying again.");
        }
      }
    }
  }
}
