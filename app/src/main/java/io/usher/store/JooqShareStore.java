package io.usher.store;

import static io.usher.store.generated.Tables.SHARES;
import static io.usher.store.generated.Tables.SHARE_LIBRARIES;

import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Shares and their libraries, written in JDBC batches: a first sync may bring thousands. */
public final class JooqShareStore implements ShareStore {
  private final DSLContext dsl;

  public JooqShareStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<Share> forServer(long serverId) {
    Map<Long, Set<Long>> libraries = new HashMap<>();
    dsl.select(SHARE_LIBRARIES.SHARE_ID, SHARE_LIBRARIES.LIBRARY_ID)
        .from(SHARE_LIBRARIES)
        .join(SHARES)
        .on(SHARES.ID.eq(SHARE_LIBRARIES.SHARE_ID))
        .where(SHARES.SERVER_ID.eq(serverId))
        .forEach(r -> libraries.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
    return dsl.selectFrom(SHARES)
        .where(SHARES.SERVER_ID.eq(serverId))
        .orderBy(SHARES.ID)
        .fetch(
            r ->
                new Share(
                    r.getId(),
                    r.getUserId(),
                    r.getServerId(),
                    r.getAccount(),
                    r.getAccountId(),
                    r.getProviderShareId(),
                    r.getInvitedAt(),
                    r.getAcceptedAt(),
                    r.getPending(),
                    r.getRemovedAt(),
                    r.getAllLibraries(),
                    Set.copyOf(libraries.getOrDefault(r.getId(), Set.of()))));
  }

  @Override
  public void save(List<Share> shares) {
    if (shares.isEmpty()) {
      return;
    }
    List<Query> writes = new ArrayList<>();
    List<Share> inserted = new ArrayList<>();
    for (Share s : shares) {
      if (s.id() == 0) {
        inserted.add(s);
        writes.add(
            dsl.insertInto(SHARES)
                .set(SHARES.USER_ID, s.userId())
                .set(SHARES.SERVER_ID, s.serverId())
                .set(SHARES.ACCOUNT, s.account())
                .set(SHARES.ACCOUNT_ID, s.accountId())
                .set(SHARES.PROVIDER_SHARE_ID, s.providerShareId())
                .set(SHARES.INVITED_AT, s.invitedAt())
                .set(SHARES.ACCEPTED_AT, s.acceptedAt())
                .set(SHARES.PENDING, s.pending())
                .set(SHARES.REMOVED_AT, s.removedAt())
                .set(SHARES.ALL_LIBRARIES, s.allLibraries()));
      } else {
        writes.add(
            dsl.update(SHARES)
                .set(SHARES.ACCOUNT, s.account())
                .set(SHARES.ACCOUNT_ID, s.accountId())
                .set(SHARES.PROVIDER_SHARE_ID, s.providerShareId())
                .set(SHARES.INVITED_AT, s.invitedAt())
                .set(SHARES.ACCEPTED_AT, s.acceptedAt())
                .set(SHARES.PENDING, s.pending())
                .set(SHARES.REMOVED_AT, s.removedAt())
                .set(SHARES.ALL_LIBRARIES, s.allLibraries())
                .where(SHARES.ID.eq(s.id())));
        writes.add(dsl.deleteFrom(SHARE_LIBRARIES).where(SHARE_LIBRARIES.SHARE_ID.eq(s.id())));
      }
    }
    dsl.batch(writes).execute();
    Map<Key, Long> newIds = idsOf(inserted);
    List<Query> links = new ArrayList<>();
    for (Share s : shares) {
      long id = s.id() != 0 ? s.id() : newIds.get(new Key(s.userId(), s.serverId()));
      for (long library : s.libraryIds()) {
        links.add(
            dsl.insertInto(SHARE_LIBRARIES)
                .set(SHARE_LIBRARIES.SHARE_ID, id)
                .set(SHARE_LIBRARIES.LIBRARY_ID, library));
      }
    }
    if (!links.isEmpty()) {
      dsl.batch(links).execute();
    }
  }

  /** The ids the database gave new shares, found by their (user, server) key. */
  private Map<Key, Long> idsOf(List<Share> inserted) {
    Map<Key, Long> ids = new HashMap<>();
    if (inserted.isEmpty()) {
      return ids;
    }
    Set<Long> servers = new HashSet<>();
    inserted.forEach(s -> servers.add(s.serverId()));
    dsl.select(SHARES.ID, SHARES.USER_ID, SHARES.SERVER_ID)
        .from(SHARES)
        .where(SHARES.SERVER_ID.in(servers))
        .forEach(r -> ids.put(new Key(r.value2(), r.value3()), r.value1()));
    return ids;
  }

  private record Key(long user, long server) {}
}
