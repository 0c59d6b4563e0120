package io.convosql.driver;

import io.convosql.core.http.RequestObserver;
import io.convosql.core.http.RequestRecord;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The shell's progress line on a terminal: "fetched 12 pages, 1,150 rows so far", rewritten in place
 * on standard error as a statement's requests finish, once the statement has been fetching for a
 * while. Anything the shell prints first erases the line and starts the count again.
 */
final class ScanProgress implements RequestObserver {
  /** How long a statement fetches before its progress shows: short queries stay quiet. */
  static final Duration DEFAULT_DELAY = Duration.ofMillis(500);
  private static final long REPAINT_NANOS = Duration.ofMillis(100).toNanos();
  private static final String ERASE_LINE = "\r\033[K";

  /** The progress of the shell running in this JVM, if it is on a terminal; new connections report to it. */
  static volatile @Nullable ScanProgress active;

  private final PrintStream terminal;
  private final long delayNanos;
  private final LongSupplier nanoTime;
  private long startNanos;
  private long paintedNanos;
  private int pages;
  private long rows;
  private boolean shown;

  ScanProgress(PrintStream terminal, Duration delay, LongSupplier nanoTime) {
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    this.delayNanos = delay.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** The progress line's text. */
  static String format(int pages, long rows) {
    return String.format(Locale.ROOT, "fetched %,d %s, %,d %s so far", pages, pages == 1 ? "page" : "pages",
        rows, rows == 1 ? "row" : "rows");
  }

  @Override
  public synchronized void finished(RequestRecord record) {
    long now = nanoTime.getAsLong();
    if (pages == 0) {
      startNanos = now;
    }
    pages++;
    rows += record.rows();
    if (now - startNanos >= delayNanos && (!shown || now - paintedNanos >= REPAINT_NANOS)) {
      terminal.print(ERASE_LINE + format(pages, rows));
      terminal.flush();
      shown = true;
      paintedNanos = now;
    }
  }

  /** Erases the line if it shows and starts counting again; called before the shell prints. */
  synchronized void clear() {
    if (shown) {
      terminal.print(ERASE_LINE);
      terminal.flush();
      shown = false;
    }
    pages = 0;
    rows = 0;
  }

  /** A stream that erases the progress line before anything is written to {@code out}. */
  PrintStream clearingBefore(PrintStream out) {
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        clear();
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        clear();
        out.write(b, off, len);
      }

      @Override
      public void flush() {
        out.flush();
      }
    }, true, java.nio.charset.StandardCharsets.UTF_8);
  }
}
