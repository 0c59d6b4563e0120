package io.convosql.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The WARNING and SEVERE lines the clients log while a test runs, caught on java.util.logging's root
 * logger (SLF4J reaches it too: slf4j-jdk14 is on the test class path), so a test can assert what
 * its user's log shows.
 */
final class LogWatch extends Handler implements AutoCloseable {
  private final Logger root = Logger.getLogger("");
  private final List<LogRecord> records = new ArrayList<>();

  private LogWatch() {
    setLevel(Level.WARNING);
  }

  /** Starts catching lines until {@link #close()}. */
  static LogWatch start() {
    LogWatch log = new LogWatch();
    log.root.addHandler(log);
    return log;
  }

  @Override
  public synchronized void publish(LogRecord r) {
    if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
      records.add(r);
    }
  }

  /** The lines caught at {@code level} or above, each as logger, message and any exception. */
  synchronized List<String> lines(Level level) {
    return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
        .map(LogWatch::line).toList();
  }

  /** The records caught at {@code level} or above. */
  synchronized List<LogRecord> records(Level level) {
    return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).toList();
  }

  private static String line(LogRecord r) {
    String thrown = r.getThrown() == null ? "" : " (" + r.getThrown() + ")";
    return r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage() + thrown;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
  }
}
