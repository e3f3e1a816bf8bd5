package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.UsherException;
import io.usher.testing.FreshJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 §6: a bare usher on a machine without a screen says so and exits 1, nothing more. */
class NoDisplayTest {
  @TempDir Path dataDir;

  @Test
  void bareUsherWithoutADisplaySaysWhatToDoAndExitsOne() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(FreshJvm.usher("--data-dir", dataDir.toString()));
    builder.environment().remove("DISPLAY");
    builder.environment().remove("WAYLAND_DISPLAY");
    Process usher = builder.start();

    assertThat(usher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(usher.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(usher.exitValue()).isEqualTo(1);
    assertThat(err.strip()).isEqualTo(Desktop.NO_DISPLAY);
    assertThat(usher.getInputStream().readAllBytes()).isEmpty();
  }

  @Test
  void windowsAndMacsAlwaysHaveADisplayAndWaylandAloneIsEnough() {
    Desktop.requireDisplay(Map.of(), "Windows 11");
    Desktop.requireDisplay(Map.of(), "Mac OS X");
    Desktop.requireDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux");
    assertThatThrownBy(() -> Desktop.requireDisplay(Map.of("DISPLAY", " "), "Linux"))
        .isInstanceOf(UsherException.class);
  }
}
