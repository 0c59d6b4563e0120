package io.convosql.core.exec;

import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The parts one after another, in order, with up to {@code width} parts started at once: while the
 * current part is read, the next ones already wait for their first pages. A part waiting its turn
 * holds at most its first page, so memory stays flat however many rows the parts have. With width 1
 * a part is opened only when the previous one is exhausted (for scans with a LIMIT, which must not
 * ask for parts they may never reach).
 */
public final class ConcurrentConcat implements AsyncRows {
  private final List<Supplier<AsyncRows>> parts;
  private final int width;
  private final ArrayDeque<AsyncRows> waiting = new ArrayDeque<>();
  private @Nullable AsyncRows current;
  private int opened;
  private boolean closed;

  public ConcurrentConcat(List<Supplier<AsyncRows>> parts, int width) {
    this.parts = List.copyOf(parts);
    this.width = Math.max(1, width);
  }

  @Override
  public void start() {
    if (!closed) {
      fill();
      if (current == null && !waiting.isEmpty()) {
        current = waiting.poll();
      }
    }
  }

  /** Opens and starts parts until {@code width} are open or none is left. */
  private void fill() {
    while (waiting.size() + (current == null ? 0 : 1) < width && opened < parts.size()) {
      AsyncRows part = parts.get(opened++).get();
      waiting.add(part);
      part.start();
    }
  }

  @Override
  public boolean hasNext() {
    try {
      while (!closed) {
        if (current == null) {
          fill();
          current = waiting.poll();
          if (current == null) {
            return false;
          }
        }
        if (current.hasNext()) {
          fill();
          return true;
        }
        current.close();
        current = null;
      }
      return false;
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  @Override
  public void close() {
    closed = true;
    if (current != null) {
      current.close();
      current = null;
    }
    while (!waiting.isEmpty()) {
      waiting.poll().close();
    }
  }
}
