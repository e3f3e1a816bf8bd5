package io.usher.store;

import static io.usher.store.generated.Tables.SETTINGS;

import io.usher.domain.settings.SettingsStore;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqSettingsStore implements SettingsStore {
  private final DSLContext dsl;

  public JooqSettingsStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<String> get(String key) {
    return dsl.select(SETTINGS.SETTING_VALUE)
        .from(SETTINGS)
        .where(SETTINGS.SETTING_KEY.eq(key))
        .fetchOptional(SETTINGS.SETTING_VALUE);
  }

  @Override
  public void put(String key, String value) {
    dsl.mergeInto(SETTINGS)
        .using(dsl.selectOne())
        .on(SETTINGS.SETTING_KEY.eq(key))
        .whenMatchedThenUpdate()
        .set(SETTINGS.SETTING_VALUE, value)
        .whenNotMatchedThenInsert(SETTINGS.SETTING_KEY, SETTINGS.SETTING_VALUE)
        .values(key, value)
        .execute();
  }

  @Override
  public Map<String, String> stored() {
    return dsl.selectFrom(SETTINGS).fetchMap(SETTINGS.SETTING_KEY, SETTINGS.SETTING_VALUE);
  }
}
