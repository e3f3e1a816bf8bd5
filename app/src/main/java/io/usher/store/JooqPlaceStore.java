package io.usher.store;

import static io.usher.store.generated.Tables.IP_PLACES;
import static io.usher.store.generated.Tables.STREAM_SIGHTINGS;

import io.usher.domain.common.Inputs;
import io.usher.domain.sharing.Place;
import io.usher.domain.sharing.PlaceStore;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

public final class JooqPlaceStore implements PlaceStore {
  private final DSLContext dsl;

  public JooqPlaceStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<String> unlooked(Instant since, int limit) {
    return dsl.selectDistinct(STREAM_SIGHTINGS.ADDRESS)
        .from(STREAM_SIGHTINGS)
        .where(STREAM_SIGHTINGS.LAST_SEEN.ge(since))
        .and(STREAM_SIGHTINGS.ADDRESS.isNotNull())
        .andNotExists(
            DSL.selectOne()
                .from(IP_PLACES)
                .where(IP_PLACES.ADDRESS.eq(STREAM_SIGHTINGS.ADDRESS))
                .and(IP_PLACES.LOOKED_AT.ge(since)))
        .orderBy(STREAM_SIGHTINGS.ADDRESS)
        .limit(limit)
        .fetch(STREAM_SIGHTINGS.ADDRESS);
  }

  @Override
  public void looked(Map<String, Optional<Place>> answers, Instant at) {
    if (answers.isEmpty()) {
      return;
    }
    dsl.connection(
        c -> {
          try (PreparedStatement merge =
              c.prepareStatement(
                  "MERGE INTO ip_places t USING (SELECT CAST(? AS VARCHAR(64)) address,"
                      + " CAST(? AS TIMESTAMP WITH TIME ZONE) looked_at,"
                      + " CAST(? AS DOUBLE PRECISION) latitude, CAST(? AS DOUBLE PRECISION)"
                      + " longitude, CAST(? AS VARCHAR(200)) city, CAST(? AS VARCHAR(100))"
                      + " country) s ON t.address = s.address"
                      + " WHEN MATCHED THEN UPDATE SET looked_at = s.looked_at,"
                      + " latitude = s.latitude, longitude = s.longitude, city = s.city,"
                      + " country = s.country"
                      + " WHEN NOT MATCHED THEN INSERT (address, looked_at, latitude, longitude,"
                      + " city, country) VALUES (s.address, s.looked_at, s.latitude,"
                      + " s.longitude, s.city, s.country)")) {
            for (Map.Entry<String, Optional<Place>> e : answers.entrySet()) {
              merge.setString(1, e.getKey());
              merge.setObject(2, at.atOffset(ZoneOffset.UTC));
              Place p = e.getValue().orElse(null);
              if (p == null) {
                merge.setNull(3, Types.DOUBLE);
                merge.setNull(4, Types.DOUBLE);
              } else {
                merge.setDouble(3, p.latitude());
                merge.setDouble(4, p.longitude());
              }
              merge.setString(5, p == null ? null : Inputs.clip(p.city(), Place.MAX_CITY));
              merge.setString(6, p == null ? null : Inputs.clip(p.country(), Place.MAX_COUNTRY));
              merge.addBatch();
            }
            merge.executeBatch();
          }
        });
  }

  @Override
  public Map<String, Place> places() {
    Map<String, Place> places = new HashMap<>();
    dsl.selectFrom(IP_PLACES)
        .where(IP_PLACES.LATITUDE.isNotNull())
        .forEach(
            r ->
                places.put(
                    r.getAddress(),
                    new Place(r.getLatitude(), r.getLongitude(), r.getCity(), r.getCountry())));
    return places;
  }

  @Override
  public int forgetBefore(Instant before) {
    return dsl.deleteFrom(IP_PLACES).where(IP_PLACES.LOOKED_AT.lt(before)).execute();
  }
}
