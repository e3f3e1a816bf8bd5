package io.usher.store;

import static io.usher.store.generated.Tables.LIBRARY_GROUPS;

import io.usher.domain.servers.LibraryGroupStore;
import java.util.List;
import org.jooq.DSLContext;

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
}
