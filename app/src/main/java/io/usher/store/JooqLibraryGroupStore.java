package io.usher.store;

import static io.usher.store.generated.Tables.LIBRARY_GROUPS;

import io.usher.domain.common.ConflictException;
import io.usher.domain.servers.LibraryGroupStore;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

public final class JooqLibraryGroupStore implements LibraryGroupStore {
  private final DSLContext dsl;

  public JooqLibraryGroupStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<String> names() {
    return dsl.select(LIBRARY_GROUPS.NAME)
        .from(LIBRARY_GROUPS)
        .orderBy(LIBRARY_GROUPS.BUILTIN.desc(), LIBRARY_GROUPS.ID)
        .fetch(LIBRARY_GROUPS.NAME);
  }

  @Override
  public void add(String name) {
    // Names differ only by case would confuse every list and command that takes one.
    boolean taken =
        dsl.fetchExists(
            LIBRARY_GROUPS, DSL.upper(LIBRARY_GROUPS.NAME).eq(name.toUpperCase(Locale.ROOT)));
    if (taken) {
      throw new ConflictException("A library group named '" + name + "' already exists.");
    }
    dsl.insertInto(LIBRARY_GROUPS).set(LIBRARY_GROUPS.NAME, name).execute();
  }
}
