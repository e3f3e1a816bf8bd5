package io.usher.store;

import static io.usher.store.generated.Tables.SERVER_LOCATIONS;

import io.usher.domain.common.ConflictException;
import io.usher.domain.servers.LocationStore;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

public final class JooqLocationStore implements LocationStore {
  private final DSLContext dsl;

  public JooqLocationStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<String> names() {
    return dsl.select(SERVER_LOCATIONS.NAME)
        .from(SERVER_LOCATIONS)
        .orderBy(SERVER_LOCATIONS.NAME)
        .fetch(SERVER_LOCATIONS.NAME);
  }

  @Override
  public void add(String name) {
    boolean taken =
        dsl.fetchExists(
            SERVER_LOCATIONS, DSL.upper(SERVER_LOCATIONS.NAME).eq(name.toUpperCase(Locale.ROOT)));
    if (taken) {
      throw new ConflictException("A server location named '" + name + "' already exists.");
    }
    dsl.insertInto(SERVER_LOCATIONS).set(SERVER_LOCATIONS.NAME, name).execute();
  }
}
