package io.usher.store;

import static io.usher.store.generated.Tables.STREAM_SIGHTINGS;

import io.usher.domain.sharing.Sighting;
import io.usher.domain.sharing.SightingStore;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

public final class JooqSightingStore implements SightingStore {
  private final DSLContext dsl;

  public JooqSightingStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void seen(List<Sighting> sightings) {
    if (sightings.isEmpty()) {
      return;
    }
    // One prepared MERGE in a JDBC batch: a pass sees hundreds of streams, and jOOQ's batch of
    // separate statements cost 90 ms a pass of 500. Inside a transaction this is its connection.
    dsl.connection(
        c -> {
          try (PreparedStatement merge =
              c.prepareStatement(
                  "MERGE INTO stream_sightings t USING (SELECT CAST(? AS BIGINT) server_id,"
                      + " CAST(? AS VARCHAR(200)) session_id, CAST(? AS BIGINT) user_id,"
                      + " CAST(? AS VARCHAR(200)) device, CAST(? AS VARCHAR(64)) address,"
                      + " CAST(? AS TIMESTAMP WITH TIME ZONE) first_seen,"
                      + " CAST(? AS TIMESTAMP WITH TIME ZONE) last_seen) s"
                      + " ON t.server_id = s.server_id AND t.session_id = s.session_id"
                      + " WHEN MATCHED THEN UPDATE SET user_id = s.user_id, device = s.device,"
                      + " address = s.address, last_seen = s.last_seen"
                      + " WHEN NOT MATCHED THEN INSERT (server_id, session_id, user_id, device,"
                      + " address, first_seen, last_seen) VALUES (s.server_id, s.session_id,"
                      + " s.user_id, s.device, s.address, s.first_seen, s.last_seen)")) {
            for (Sighting x : sightings) {
              merge.setLong(1, x.serverId());
              merge.setString(2, x.sessionId());
              merge.setLong(3, x.userId());
              merge.setString(4, x.device());
              merge.setString(5, x.address());
              merge.setObject(6, x.firstSeen().atOffset(ZoneOffset.UTC));
              merge.setObject(7, x.lastSeen().atOffset(ZoneOffset.UTC));
              merge.addBatch();
            }
            merge.executeBatch();
          }
        });
  }

  @Override
  public List<Sighting> since(Instant since) {
    return dsl.selectFrom(STREAM_SIGHTINGS)
        .where(STREAM_SIGHTINGS.LAST_SEEN.ge(since))
        .fetch(
            r ->
                new Sighting(
                    r.getUserId(),
                    r.getServerId(),
                    r.getSessionId(),
                    r.getDevice(),
                    r.getAddress(),
                    r.getFirstSeen(),
                    r.getLastSeen()));
  }

  @Override
  public int forgetBefore(Instant before) {
    return dsl.deleteFrom(STREAM_SIGHTINGS).where(STREAM_SIGHTINGS.LAST_SEEN.lt(before)).execute();
  }
}
