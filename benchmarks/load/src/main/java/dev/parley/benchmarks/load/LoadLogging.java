package dev.parley.benchmarks.load;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.parley.adapter.fargate.logging.JsonLinesEncoder;
import org.slf4j.LoggerFactory;

/**
 * Logging set up in code (the benchmarks jar carries no logback.xml, and the JMH benchmarks must
 * not get one): the server logs like the sample deployment, the drivers only warnings.
 */
final class LoadLogging {
  private LoadLogging() {}

  /**
   * What the sample deployment's logback.xml does: JSON lines on standard output with the MDC, root
   * at INFO (so one access-log line per request and per WebSocket handshake), Jetty at WARN.
   */
  static void productionLike() {
    JsonLinesEncoder json = new JsonLinesEncoder();
    LoggerContext context = reset(json, "System.out");
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    context.getLogger("org.eclipse.jetty.server.Server").setLevel(Level.INFO);
  }

  /** Warnings and errors on standard error, as plain lines. */
  static void warningsOnly() {
    PatternLayoutEncoder pattern = new PatternLayoutEncoder();
    pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n");
    LoggerContext context = reset(pattern, "System.err");
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
  }

  private static LoggerContext reset(Encoder<ILoggingEvent> encoder, String target) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget(target);
    console.setEncoder(encoder);
    console.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
    return context;
  }
}
