package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything a user, a log or a terminal could see while it is open: every java.util.logging record
 * of any level (formatted with its stack trace), everything written to {@code System.out} and
 * {@code System.err} (swapped for the duration), and whatever the test adds (exception texts,
 * warnings, metadata, EXPLAIN output). Records of the JDK's HTTP server are left out: that is the
 * sandbox's server side, which sees the keys it must check; it is not part of the driver.
 */
final class LeakWatch implements AutoCloseable {
  private final StringBuffer seen = new StringBuffer();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream oldOut = System.out;
  private final PrintStream oldErr = System.err;
  private final Logger root = Logger.getLogger("");
  private final Level oldLevel = root.getLevel();
  private final AtomicInteger records = new AtomicInteger();
  private final Handler handler = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord r) {
      String name = String.valueOf(r.getLoggerName());
      if (name.startsWith("sun.net.httpserver") || name.startsWith("com.sun.net.httpserver")) {
        return;
      }
      records.incrementAndGet();
      seen.append(formatter.format(r));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  LeakWatch() {
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.ALL);
  }

  /** Adds something a user could see, under a label. */
  void add(String label, Object value) {
    seen.append(label).append(": ").append(value).append('\n');
  }

  /** Adds an exception's messages and stack traces, its causes' included. */
  void add(Throwable e) {
    add("exception", DriverFixture.fullText(e));
  }

  /** How many log records were captured. */
  int records() {
    return records.get();
  }

  String text() {
    return seen + "\n" + out.toString(StandardCharsets.UTF_8) + "\n"
        + err.toString(StandardCharsets.UTF_8);
  }

  /** Asserts that none of the secrets appears in anything seen, showing where one does. */
  void assertNowhere(String... secrets) {
    String all = text();
    for (String secret : secrets) {
      int at = all.indexOf(secret);
      assertThat(at).as(() -> secret + " is visible here: …"
          + all.substring(Math.max(0, at - 300), Math.min(all.length(), at + 100)) + "…")
          .isEqualTo(-1);
    }
  }

  @Override
  public void close() {
    root.removeHandler(handler);
    root.setLevel(oldLevel);
    System.setOut(oldOut);
    System.setErr(oldErr);
  }
}
