package io.usher.store;

import static io.usher.store.generated.Tables.MEDIA_SERVERS;
import static io.usher.store.generated.Tables.SERVER_LOCATIONS;
import static io.usher.store.generated.Tables.SHARES;

import io.usher.domain.common.NotFoundException;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.NewServer;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerSettings;
import io.usher.domain.servers.ServerStore;
import io.usher.store.generated.tables.records.MediaServersRecord;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

public final class JooqServerStore implements ServerStore {
  /** Where a server's token or API key is sealed; see {@link SecretBox}. */
  private static final String CREDENTIAL = "media_servers.credential";

  private final DSLContext dsl;
  private final Clock clock;
  private final SecretBox box;

  public JooqServerStore(DSLContext dsl, Clock clock, SecretBox box) {
    this.dsl = dsl;
    this.clock = clock;
    this.box = box;
  }

  /** Seals credentials written in clear by an Usher from before secrets were sealed; how many. */
  public int sealClearSecrets() {
    int sealed = 0;
    for (MediaServersRecord rec : dsl.fetch(MEDIA_SERVERS)) {
      if (!SecretBox.isSealed(rec.getCredential()) && !rec.getCredential().isEmpty()) {
        rec.setCredential(box.seal(CREDENTIAL, rec.getCredential()));
        rec.store();
        sealed++;
      }
    }
    return sealed;
  }

  @Override
  public Server insert(NewServer s) {
    MediaServersRecord rec = dsl.newRecord(MEDIA_SERVERS);
    rec.setKind(s.kind().code());
    rec.setName(s.name());
    rec.setUrl(s.url());
    rec.setCredential(box.seal(CREDENTIAL, s.credential()));
    rec.setMachineId(s.machineId());
    rec.setProxyUrl(s.proxyUrl());
    rec.setCreatedAt(clock.instant());
    write(rec, s.settings());
    Integrity.guard("A server named '" + s.name() + "' is already linked.", rec::store);
    return byId(rec.getId()).orElseThrow();
  }

  @Override
  public void updateSettings(long serverId, ServerSettings settings) {
    MediaServersRecord rec = dsl.fetchSingle(MEDIA_SERVERS, MEDIA_SERVERS.ID.eq(serverId));
    write(rec, settings);
    rec.store();
  }

  @Override
  public void rename(long serverId, String name) {
    MediaServersRecord rec = dsl.fetchSingle(MEDIA_SERVERS, MEDIA_SERVERS.ID.eq(serverId));
    rec.setName(name);
    Integrity.guard("A server named '" + name + "' is already linked.", rec::store);
  }

  private void write(MediaServersRecord rec, ServerSettings s) {
    rec.setLocationId(s.location() == null ? null : locationId(s.location()));
    rec.setEnabled(s.enabled());
    rec.setAcceptsNewUsers(s.acceptsNewUsers());
    rec.setAcceptsTrials(s.acceptsTrials());
    rec.setTrialOnly(s.trialOnly());
    rec.setCapacity(s.capacity());
    rec.setTranscode_4k(s.transcode4k());
  }

  private long locationId(String name) {
    return dsl.select(SERVER_LOCATIONS.ID)
        .from(SERVER_LOCATIONS)
        .where(DSL.upper(SERVER_LOCATIONS.NAME).eq(name.toUpperCase(java.util.Locale.ROOT)))
        .fetchOptional(SERVER_LOCATIONS.ID)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no server location named '" + name + "': add it first."));
  }

  @Override
  public List<Server> all() {
    return select().orderBy(MEDIA_SERVERS.NAME).fetch(this::toServer);
  }

  @Override
  public Optional<Server> byId(long id) {
    return select().where(MEDIA_SERVERS.ID.eq(id)).fetchOptional(this::toServer);
  }

  @Override
  public Optional<Server> byName(String name) {
    return select()
        .where(DSL.upper(MEDIA_SERVERS.NAME).eq(name.strip().toUpperCase(java.util.Locale.ROOT)))
        .fetchOptional(this::toServer);
  }

  @Override
  public Map<Long, Integer> userCounts() {
    return dsl.select(SHARES.SERVER_ID, DSL.count())
        .from(SHARES)
        .where(SHARES.REMOVED_AT.isNull())
        .groupBy(SHARES.SERVER_ID)
        .fetchMap(r -> r.value1(), r -> r.value2());
  }

  private org.jooq.SelectOnConditionStep<Record> select() {
    return dsl.select(MEDIA_SERVERS.fields())
        .select(SERVER_LOCATIONS.NAME)
        .from(MEDIA_SERVERS)
        .leftJoin(SERVER_LOCATIONS)
        .on(SERVER_LOCATIONS.ID.eq(MEDIA_SERVERS.LOCATION_ID));
  }

  /**
   * A credential that does not open (the key file is missing or another one) reads as empty: the
   * server then answers 401 and the owner links it again.
   */
  private Server toServer(Record r) {
    return new Server(
        r.get(MEDIA_SERVERS.ID),
        ServerKind.fromCode(r.get(MEDIA_SERVERS.KIND)),
        r.get(MEDIA_SERVERS.NAME),
        r.get(MEDIA_SERVERS.URL),
        box.open(CREDENTIAL, r.get(MEDIA_SERVERS.CREDENTIAL)).orElse(""),
        r.get(MEDIA_SERVERS.MACHINE_ID),
        r.get(MEDIA_SERVERS.PROXY_URL),
        new ServerSettings(
            r.get(SERVER_LOCATIONS.NAME),
            r.get(MEDIA_SERVERS.ENABLED),
            r.get(MEDIA_SERVERS.ACCEPTS_NEW_USERS),
            r.get(MEDIA_SERVERS.ACCEPTS_TRIALS),
            r.get(MEDIA_SERVERS.TRIAL_ONLY),
            r.get(MEDIA_SERVERS.CAPACITY),
            r.get(MEDIA_SERVERS.TRANSCODE_4K)));
  }
}
