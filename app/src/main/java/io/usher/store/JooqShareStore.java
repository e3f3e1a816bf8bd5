package io.usher.store;

import static io.usher.store.generated.Tables.SHARES;
import static io.usher.store.generated.Tables.SHARE_LIBRARIES;

import io.usher.domain.servers.Share;
import io.usher.domain.servers.ShareStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/** Shares and their libraries; a first sync may bring thousands at once. */
public final class JooqShareStore implements ShareStore {
  private final DSLContext dsl;

  public JooqShareStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<Share> forUser(long userId) {
    Map<Long, Set<Long>> libraries = new HashMap<>();
    dsl.select(SHARE_LIBRARIES.SHARE_ID, SHARE_LIBRARIES.LIBRARY_ID)
        .from(SHARE_LIBRARIES)
        .join(SHARES)
        .on(SHARES.ID.eq(SHARE_LIBRARIES.SHARE_ID))
        .where(SHARES.USER_ID.eq(userId))
        .forEach(r -> libraries.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
    return dsl.selectFrom(SHARES)
        .where(SHARES.USER_ID.eq(userId))
        .orderBy(SHARES.ID.desc())
        .fetch(r -> toShare(r, libraries));
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
        .fetch(r -> toShare(r, libraries));
  }

  private static Share toShare(
      io.usher.store.generated.tables.records.SharesRecord r, Map<Long, Set<Long>> libraries) {
    return new Share(
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
        Set.copyOf(libraries.getOrDefault(r.getId(), Set.of())));
  }

  @Override
  public void save(List<Share> shares) {
    if (shares.isEmpty()) {
      return;
    }
    List<Share> inserted = shares.stream().filter(s -> s.id() == 0).toList();
    List<Share> updated = shares.stream().filter(s -> s.id() != 0).toList();
    // Plain JDBC batches: a first sync writes tens of thousands of rows, and jOOQ's per-row
    // binding doubled the time. Inside a transaction this is the transaction's connection.
    dsl.connection(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO shares (account, account_id, provider_share_id, invited_at,"
                      + " accepted_at, pending, removed_at, all_libraries, user_id, server_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Share s : inserted) {
              bindFields(insert, s);
              insert.setLong(9, s.userId());
              insert.setLong(10, s.serverId());
              insert.addBatch();
            }
            if (!inserted.isEmpty()) {
              insert.executeBatch();
            }
          }
          // One read of the new ids by their (user, server) key costs less than H2's
          // generated-keys result for a large batch.
          Map<Long, Map<Long, Long>> ids = inserted.isEmpty() ? Map.of() : idsByServer(c, inserted);
          try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE shares SET account = ?, account_id = ?, provider_share_id = ?,"
                          + " invited_at = ?, accepted_at = ?, pending = ?, removed_at = ?,"
                          + " all_libraries = ? WHERE id = ?");
              PreparedStatement unlink =
                  c.prepareStatement("DELETE FROM share_libraries WHERE share_id = ?")) {
            for (Share s : updated) {
              bindFields(update, s);
              update.setLong(9, s.id());
              update.addBatch();
              unlink.setLong(1, s.id());
              unlink.addBatch();
            }
            if (!updated.isEmpty()) {
              update.executeBatch();
              unlink.executeBatch();
            }
          }
          try (PreparedStatement link =
              c.prepareStatement(
                  "INSERT INTO share_libraries (share_id, library_id) VALUES (?, ?)")) {
            int links = 0;
            for (Share s : inserted) {
              links += bindLinks(link, ids.get(s.serverId()).get(s.userId()), s);
            }
            for (Share s : updated) {
              links += bindLinks(link, s.id(), s);
            }
            if (links > 0) {
              link.executeBatch();
            }
          }
        });
  }

  private static Map<Long, Map<Long, Long>> idsByServer(java.sql.Connection c, List<Share> inserted)
      throws SQLException {
    Map<Long, Map<Long, Long>> ids = new HashMap<>();
    try (PreparedStatement read =
        c.prepareStatement("SELECT id, user_id FROM shares WHERE server_id = ?")) {
      for (long server : inserted.stream().map(Share::serverId).distinct().toList()) {
        Map<Long, Long> byUser = ids.computeIfAbsent(server, k -> new HashMap<>());
        read.setLong(1, server);
        try (ResultSet rows = read.executeQuery()) {
          while (rows.next()) {
            byUser.put(rows.getLong(2), rows.getLong(1));
          }
        }
      }
    }
    return ids;
  }

  private static void bindFields(PreparedStatement st, Share s) throws SQLException {
    st.setString(1, s.account());
    st.setString(2, s.accountId());
    st.setString(3, s.providerShareId());
    st.setObject(4, utc(s.invitedAt()));
    st.setObject(5, utc(s.acceptedAt()));
    st.setBoolean(6, s.pending());
    st.setObject(7, utc(s.removedAt()));
    st.setBoolean(8, s.allLibraries());
  }

  private static int bindLinks(PreparedStatement link, long shareId, Share s) throws SQLException {
    // In key order: the primary-key index then grows at its end instead of splitting pages.
    for (long library : s.libraryIds().stream().sorted().toList()) {
      link.setLong(1, shareId);
      link.setLong(2, library);
      link.addBatch();
    }
    return s.libraryIds().size();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
