package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirsTest {
  @Test
  void theOptionWinsOverTheEnvironment() {
    assertThat(DataDirs.resolve("/opt/data", Map.of("USHER_HOME", "/env"), "Linux"))
        .isEqualTo(Path.of("/opt/data"));
  }

  @Test
  void usherHomeWinsOverTheOsDefault() {
    assertThat(DataDirs.resolve(null, Map.of("USHER_HOME", "/env", "HOME", "/home/a"), "Linux"))
        .isEqualTo(Path.of("/env"));
  }

  @Test
  void linuxFollowsXdgThenHome() {
    assertThat(DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "/xdg", "HOME", "/home/a"), "Linux"))
        .isEqualTo(Path.of("/xdg/usher"));
    assertThat(DataDirs.resolve(null, Map.of("HOME", "/home/a"), "Linux"))
        .isEqualTo(Path.of("/home/a/.local/share/usher"));
  }

  @Test
  void macAndWindowsUseTheirOwnPlaces() {
    assertThat(DataDirs.resolve(null, Map.of("HOME", "/Users/a"), "Mac OS X"))
        .isEqualTo(Path.of("/Users/a/Library/Application Support/Usher"));
    assertThat(
            DataDirs.resolve(null, Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "Windows 11"))
        .isEqualTo(Path.of("C:/Users/a/AppData/Roaming", "Usher"));
  }
}
