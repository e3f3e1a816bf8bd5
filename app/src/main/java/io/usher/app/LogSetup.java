package io.usher.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;

/**
 * Usher's logging, set up in code (found by logback through META-INF/services): logs go to {@code
 * <data folder>/logs/usher.log}, rolled daily and at 10 MB, 30 days and 200 MB kept; stdout and
 * stderr stay for what a person must read. Parsing an XML configuration and opening the file were a
 * measurable part of every command's start, so there is no XML and the file is opened when the
 * first line is written. An owner's own {@code -Dlogback.configurationFile} still wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{36} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    for (String chatty : new String[] {"org.jooq", "org.flywaydb", "org.h2"}) {
      context.getLogger(chatty).setLevel(Level.WARN);
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    FileOnFirstLine file = new FileOnFirstLine();
    file.setContext(context);
    file.setName("FILE");
    file.start();
    root.addAppender(file);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The folder the launcher chose (usher.logDir), else a temporary one, read at the first line. */
  static String logDir() {
    String dir = System.getProperty("usher.logDir");
    return dir != null ? dir : System.getProperty("java.io.tmpdir") + "/usher-logs";
  }

  /** The rolling file, made and opened when the first line arrives (logback serialises calls). */
  static final class FileOnFirstLine extends AppenderBase<ILoggingEvent> {
    private RollingFileAppender<ILoggingEvent> file;

    @Override
    protected void append(ILoggingEvent event) {
      if (file == null) {
        file = open();
      }
      file.doAppend(event);
    }

    private RollingFileAppender<ILoggingEvent> open() {
      String dir = logDir();
      RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
      appender.setContext(context);
      appender.setName("FILE");
      appender.setFile(dir + "/usher.log");
      SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
      policy.setContext(context);
      policy.setParent(appender);
      policy.setFileNamePattern(dir + "/usher.%d{yyyy-MM-dd}.%i.log");
      policy.setMaxFileSize(FileSize.valueOf("10MB"));
      policy.setMaxHistory(30);
      policy.setTotalSizeCap(FileSize.valueOf("200MB"));
      policy.start();
      appender.setRollingPolicy(policy);
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern(PATTERN);
      encoder.start();
      appender.setEncoder(encoder);
      appender.start();
      return appender;
    }

    @Override
    public void stop() {
      if (file != null) {
        file.stop();
      }
      super.stop();
    }
  }
}
