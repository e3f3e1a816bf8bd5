package io.usher.domain.settings;

import java.util.Map;
import java.util.Optional;

public interface SettingsStore {
  Optional<String> get(String key);

  void put(String key, String value);

  /** Only the settings that were set; defaults live in {@link SettingDefaults}. */
  Map<String, String> stored();
}
