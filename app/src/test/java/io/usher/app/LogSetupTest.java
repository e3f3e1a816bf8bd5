package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {
  @TempDir Path logs;
  final LoggerContext context = new LoggerContext();

  {
    // What logback's SLF4J provider gives the context it makes.
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
  }

  private final String before = System.getProperty("usher.logDir");

  @AfterEach
  void restore() {
    context.stop();
    if (before == null) {
      System.clearProperty("usher.logDir");
    } else {
      System.setProperty("usher.logDir", before);
    }
  }

  private void configureInto(Path dir) {
    System.setProperty("usher.logDir", dir.toString());
    LogSetup setup = new LogSetup();
    setup.setContext(context);
    setup.configure(context);
  }

  @Test
  void linesGoToTheDataFoldersLogOpenedOnlyWhenTheFirstLineIsWritten() throws Exception {
    configureInto(logs);
    Path file = logs.resolve("usher.log");
    assertThat(file).doesNotExist();

    context.getLogger("io.usher.Something").info("Opened the ledger");
    context.getLogger("io.usher.Something").debug("not at INFO");
    context.getLogger("org.jooq.Tips").info("a tip nobody asked for");
    context.getLogger("org.h2.Trace").warn("the disk is slow");

    String text = Files.readString(file);
    assertThat(text)
        .containsPattern(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[[^]]+] io.usher.Something"
                + " - Opened the ledger")
        .contains("WARN  ")
        .contains("the disk is slow")
        .doesNotContain("not at INFO")
        .doesNotContain("a tip nobody asked for");
    assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void theLogRollsOverAtTenMegabytesSoNoFileGrowsWithoutEnd() throws Exception {
    configureInto(logs);
    org.slf4j.Logger log = context.getLogger("io.usher.Busy");
    String line = "x".repeat(1000);
    // 12 MB of lines, a little over the 10 MB a file may hold.
    for (int i = 0; i < 12_000; i++) {
      log.info(line);
    }

    try (var files = Files.list(logs)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("usher.log")
          .anyMatch(name -> name.matches("usher\\.\\d{4}-\\d\\d-\\d\\d\\.0\\.log"));
    }
    assertThat(Files.size(logs.resolve("usher.log"))).isLessThan(10L * 1024 * 1024);
  }

  @Test
  void anOwnersOwnConfigurationFileTakesPrecedence() {
    System.setProperty("logback.configurationFile", "/etc/usher/logback.xml");
    try {
      LogSetup setup = new LogSetup();
      setup.setContext(context);
      assertThat(setup.configure(context))
          .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }
}
