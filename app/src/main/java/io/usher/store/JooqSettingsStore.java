package io.usher.store;

import static io.usher.store.generated.Tables.SETTINGS;

import io.usher.domain.settings.SettingKey;
import io.usher.domain.settings.SettingsStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings rows; secret ones (see {@link SettingKey#secret()}) are sealed by the box. */
public final class JooqSettingsStore implements SettingsStore {
  private static final Logger LOG = LoggerFactory.getLogger(JooqSettingsStore.class);

  private final DSLContext dsl;
  private final SecretBox box;
  private final Set<String> toldUnreadable = ConcurrentHashMap.newKeySet();

  public JooqSettingsStore(DSLContext dsl, SecretBox box) {
    this.dsl = dsl;
    this.box = box;
  }

  @Override
  public Optional<String> get(String key) {
    return dsl.select(SETTINGS.SETTING_VALUE)
        .from(SETTINGS)
        .where(SETTINGS.SETTING_KEY.eq(key))
        .fetchOptional(SETTINGS.SETTING_VALUE)
        .flatMap(stored -> reveal(key, stored));
  }

  @Override
  public void put(String key, String value) {
    String stored = secret(key) ? box.seal(place(key), value) : value;
    dsl.mergeInto(SETTINGS)
        .using(dsl.selectOne())
        .on(SETTINGS.SETTING_KEY.eq(key))
        .whenMatchedThenUpdate()
        .set(SETTINGS.SETTING_VALUE, stored)
        .whenNotMatchedThenInsert(SETTINGS.SETTING_KEY, SETTINGS.SETTING_VALUE)
        .values(key, stored)
        .execute();
  }

  @Override
  public Map<String, String> stored() {
    Map<String, String> values = new LinkedHashMap<>();
    dsl.selectFrom(SETTINGS)
        .fetch()
        .forEach(
            r ->
                reveal(r.getSettingKey(), r.getSettingValue())
                    .ifPresent(v -> values.put(r.getSettingKey(), v)));
    return values;
  }

  /** Seals secrets written in clear by an Usher from before secrets were sealed; how many. */
  public int sealClearSecrets() {
    int sealed = 0;
    for (var r : dsl.selectFrom(SETTINGS).fetch()) {
      if (secret(r.getSettingKey()) && !SecretBox.isSealed(r.getSettingValue())) {
        if (!r.getSettingValue().isEmpty()) {
          put(r.getSettingKey(), r.getSettingValue());
          sealed++;
        }
      }
    }
    return sealed;
  }

  private Optional<String> reveal(String key, String stored) {
    if (!secret(key)) {
      return Optional.of(stored);
    }
    Optional<String> clear = box.open(place(key), stored);
    if (clear.isEmpty() && toldUnreadable.add(key)) {
      LOG.warn(
          "The stored {} cannot be read with this data folder's usher.key (missing or from another"
              + " installation); it counts as not set until it is entered again.",
          key);
    }
    return clear;
  }

  private static boolean secret(String key) {
    return SettingKey.find(key).map(SettingKey::secret).orElse(false);
  }

  private static String place(String key) {
    return "setting:" + key;
  }
}
