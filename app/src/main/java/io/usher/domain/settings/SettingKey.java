package io.usher.domain.settings;

import java.util.Optional;

/** One known setting: its key (a public name, see the interfaces contract), default and type. */
public record SettingKey(String key, String defaultValue, SettingType type, String description) {

  public static Optional<SettingKey> find(String key) {
    return SettingDefaults.ALL.stream().filter(k -> k.key().equals(key)).findFirst();
  }

  /** Secrets are the keys ending in -key, secret, password or token; they print masked. */
  public boolean secret() {
    return key.endsWith("-key")
        || key.endsWith("secret")
        || key.endsWith("password")
        || key.endsWith("token");
  }

  /** "••••1234": enough to recognise which secret is set, not enough to use it. */
  public static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String tail = value.length() > 8 ? value.substring(value.length() - 4) : "";
    return "••••" + tail;
  }
}
