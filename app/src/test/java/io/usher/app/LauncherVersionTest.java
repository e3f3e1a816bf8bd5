package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.cli.Cli;
import io.usher.testing.FreshJvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code usher --version} is answered before picocli is built; it must say exactly what the command
 * line's own --version says.
 */
class LauncherVersionTest {
  @Test
  void theShortcutSaysWhatTheCommandLineSays() throws Exception {
    StringWriter out = new StringWriter();
    new Cli(
            option -> {
              throw new IllegalStateException("--version opens no ledger");
            },
            option -> {})
        .execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");

    for (String flag : new String[] {"--version", "-V"}) {
      Process p = new ProcessBuilder(FreshJvm.usher(flag)).redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      assertThat(said).isEqualTo(out.toString());
    }
  }
}
