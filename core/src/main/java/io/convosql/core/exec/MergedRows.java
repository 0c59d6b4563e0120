package io.convosql.core.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Streams that are each sorted by one order, merged into one sorted stream. When the merge starts,
 * every asynchronous stream sends its first request at once (the merge needs each stream's first row
 * before it can hand out any); after that a stream is read only when its row is taken. A stream that
 * breaks the order fails the scan rather than give a wrongly ordered answer.
 */
final class MergedRows implements AsyncRows {
  private final List<? extends Iterator<Object[]>> streams;
  private final Comparator<Object[]> order;
  private final String what;
  private @Nullable PriorityQueue<Head> heads;
  private boolean started;

  MergedRows(List<? extends Iterator<Object[]>> streams, Comparator<Object[]> order, String what) {
    this.streams = List.copyOf(streams);
    this.order = order;
    this.what = what;
  }

  @Override
  public void start() {
    if (!started) {
      started = true;
      for (Iterator<Object[]> s : streams) {
        if (s instanceof AsyncRows a) {
          a.start();
        }
      }
    }
  }

  private PriorityQueue<Head> heads() {
    if (heads == null) {
      PriorityQueue<Head> q = new PriorityQueue<>(Math.max(1, streams.size()), (a, b) -> {
        int c = order.compare(a.row, b.row);
        return c != 0 ? c : Integer.compare(a.index, b.index);
      });
      try {
        start();
        for (int i = 0; i < streams.size(); i++) {
          Iterator<Object[]> s = Streams.checked(streams.get(i), order, what);
          if (s.hasNext()) {
            q.add(new Head(s.next(), s, i));
          }
        }
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
      heads = q;
    }
    return heads;
  }

  @Override
  public boolean hasNext() {
    return !heads().isEmpty();
  }

  @Override
  public Object[] next() {
    Head head = heads().poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    try {
      if (head.rest.hasNext()) {
        heads.add(new Head(head.rest.next(), head.rest, head.index));
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
    return head.row;
  }

  @Override
  public void close() {
    heads = new PriorityQueue<>(1, (a, b) -> 0);
    for (Iterator<Object[]> s : new ArrayList<>(streams)) {
      if (s instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // closing only cancels requests; nothing to report
        }
      }
    }
  }

  private record Head(Object[] row, Iterator<Object[]> rest, int index) {}
}
