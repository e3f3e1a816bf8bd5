package io.usher.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Usher keeps its data: --data-dir, else USHER_HOME, else the OS's per-user data place. */
public final class DataDirs {
  private DataDirs() {}

  public static Path resolve(String option, Map<String, String> env, String osName) {
    if (option != null && !option.isBlank()) {
      return Path.of(option).toAbsolutePath();
    }
    String home = env.get("USHER_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath();
    }
    String os = osName.toLowerCase(Locale.ROOT);
    String userHome = env.getOrDefault("HOME", System.getProperty("user.home"));
    if (os.contains("win")) {
      String appData = env.get("APPDATA");
      return Path.of(appData != null ? appData : userHome, "Usher");
    }
    if (os.contains("mac")) {
      return Path.of(userHome, "Library", "Application Support", "Usher");
    }
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "usher");
    }
    return Path.of(userHome, ".local", "share", "usher");
  }
}
