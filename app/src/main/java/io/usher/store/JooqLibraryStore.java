package io.usher.store;

import static io.usher.store.generated.Tables.LIBRARIES;
import static io.usher.store.generated.Tables.LIBRARY_GROUPS;
import static io.usher.store.generated.Tables.MEDIA_SERVERS;

import io.usher.domain.common.NotFoundException;
import io.usher.domain.media.MediaLibrary;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.LibraryStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

public final class JooqLibraryStore implements LibraryStore {
  private final DSLContext dsl;

  public JooqLibraryStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<Library> all() {
    return select().orderBy(MEDIA_SERVERS.NAME, LIBRARIES.TITLE).fetch(JooqLibraryStore::toLibrary);
  }

  @Override
  public List<Library> forServer(long serverId) {
    return select()
        .where(LIBRARIES.SERVER_ID.eq(serverId))
        .orderBy(LIBRARIES.TITLE)
        .fetch(JooqLibraryStore::toLibrary);
  }

  @Override
  public Optional<Library> byId(long id) {
    return select().where(LIBRARIES.ID.eq(id)).fetchOptional(JooqLibraryStore::toLibrary);
  }

  @Override
  public int replace(long serverId, List<MediaLibrary> reported) {
    Map<String, Record> stored = new HashMap<>();
    dsl.select(LIBRARIES.ID, LIBRARIES.PROVIDER_ID, LIBRARIES.TITLE, LIBRARIES.MEDIA_TYPE)
        .from(LIBRARIES)
        .where(LIBRARIES.SERVER_ID.eq(serverId))
        .forEach(r -> stored.put(r.get(LIBRARIES.PROVIDER_ID), r));
    long privateGroup = groupId(PlanSpec.PRIVATE_GROUP);
    Set<String> kept = new HashSet<>();
    int added = 0;
    for (MediaLibrary lib : reported) {
      if (!kept.add(lib.providerId())) {
        continue;
      }
      Record old = stored.get(lib.providerId());
      if (old == null) {
        dsl.insertInto(LIBRARIES)
            .set(LIBRARIES.SERVER_ID, serverId)
            .set(LIBRARIES.PROVIDER_ID, lib.providerId())
            .set(LIBRARIES.TITLE, lib.title())
            .set(LIBRARIES.MEDIA_TYPE, lib.type())
            .set(LIBRARIES.GROUP_ID, privateGroup)
            .execute();
        added++;
      } else if (!lib.title().equals(old.get(LIBRARIES.TITLE))
          || !java.util.Objects.equals(lib.type(), old.get(LIBRARIES.MEDIA_TYPE))) {
        dsl.update(LIBRARIES)
            .set(LIBRARIES.TITLE, lib.title())
            .set(LIBRARIES.MEDIA_TYPE, lib.type())
            .where(LIBRARIES.ID.eq(old.get(LIBRARIES.ID)))
            .execute();
      }
    }
    Set<String> gone = new HashSet<>(stored.keySet());
    gone.removeAll(kept);
    if (!gone.isEmpty()) {
      dsl.deleteFrom(LIBRARIES)
          .where(LIBRARIES.SERVER_ID.eq(serverId).and(LIBRARIES.PROVIDER_ID.in(gone)))
          .execute();
    }
    return added;
  }

  @Override
  public void setGroup(long libraryId, String group) {
    int n =
        dsl.update(LIBRARIES)
            .set(LIBRARIES.GROUP_ID, groupId(group))
            .where(LIBRARIES.ID.eq(libraryId))
            .execute();
    if (n == 0) {
      throw new NotFoundException("There is no library with id " + libraryId + ".");
    }
  }

  private long groupId(String name) {
    return dsl.select(LIBRARY_GROUPS.ID)
        .from(LIBRARY_GROUPS)
        .where(DSL.upper(LIBRARY_GROUPS.NAME).eq(name.strip().toUpperCase(Locale.ROOT)))
        .fetchOptional(LIBRARY_GROUPS.ID)
        .orElseThrow(
            () -> new NotFoundException("There is no library group named '" + name + "'."));
  }

  private SelectOnConditionStep<Record> select() {
    return dsl.select(LIBRARIES.fields())
        .select(MEDIA_SERVERS.NAME, LIBRARY_GROUPS.NAME)
        .from(LIBRARIES)
        .join(MEDIA_SERVERS)
        .on(MEDIA_SERVERS.ID.eq(LIBRARIES.SERVER_ID))
        .join(LIBRARY_GROUPS)
        .on(LIBRARY_GROUPS.ID.eq(LIBRARIES.GROUP_ID));
  }

  private static Library toLibrary(Record r) {
    return new Library(
        r.get(LIBRARIES.ID),
        r.get(LIBRARIES.SERVER_ID),
        r.get(MEDIA_SERVERS.NAME),
        r.get(LIBRARIES.PROVIDER_ID),
        r.get(LIBRARIES.TITLE),
        r.get(LIBRARIES.MEDIA_TYPE),
        r.get(LIBRARY_GROUPS.NAME));
  }
}
