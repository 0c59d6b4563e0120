package io.convosql.core.exec;

import io.convosql.core.plan.SortKey;
import io.convosql.core.plan.Term;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Lazy row streams built from API pages: a paged stream that requests a page only when the consumer
 * needs more rows, a concatenation that opens each part only when reached, and a merge of streams
 * already sorted by the API that checks the API really kept the order.
 */
public final class Streams {
  private Streams() {}

  /**
   * Rows of pages 0, 1, 2, ... fetched one at a time when needed, until a page says no more follow.
   * A short or empty page with {@code hasMore} does not end the stream.
   */
  public static Iterator<Object[]> paged(BoundScan scan, IntFunction<Page> fetcher) {
    return new Iterator<>() {
      private final ArrayDeque<Object[]> buffer = new ArrayDeque<>();
      private int nextPage;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        while (buffer.isEmpty() && more) {
          scan.checkCancelled();
          Page page = fetcher.apply(nextPage++);
          buffer.addAll(page.rows());
          more = page.hasMore();
        }
        return !buffer.isEmpty();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return buffer.poll();
      }
    };
  }

  /** The parts one after another; each part is opened only when the previous one is exhausted. */
  public static Iterator<Object[]> concat(List<Supplier<Iterator<Object[]>>> parts) {
    return new Iterator<>() {
      private int index;
      private Iterator<Object[]> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && index < parts.size()) {
          current = parts.get(index++).get();
        }
        return current.hasNext();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Merges streams that are each sorted by {@code order} into one sorted stream. Each stream's first
   * row is read when the merge starts (asynchronous streams all send their first request at once); after that a stream is read only when its row is taken. A
   * stream that breaks the order fails the scan rather than give a wrongly ordered answer.
   */
  public static AsyncRows merge(List<? extends Iterator<Object[]>> streams,
      Comparator<Object[]> order, String what) {
    if (streams.size() == 1) {
      return new CheckedRows(streams.get(0), order, what);
    }
    return new MergedRows(streams, order, what);
  }

  /** One stream checked for its order; read only as far as the consumer reads it. */
  private static final class CheckedRows implements AsyncRows {
    private final Iterator<Object[]> stream;
    private final Iterator<Object[]> checked;

    CheckedRows(Iterator<Object[]> stream, Comparator<Object[]> order, String what) {
      this.stream = stream;
      this.checked = checked(stream, order, what);
    }

    @Override
    public void start() {
      if (stream instanceof AsyncRows a) {
        a.start();
      }
    }

    @Override
    public boolean hasNext() {
      return checked.hasNext();
    }

    @Override
    public Object[] next() {
      return checked.next();
    }

    @Override
    public void close() {
      if (stream instanceof AsyncRows a) {
        a.close();
      }
    }
  }

  /** The stream, failing if a row sorts before the row before it. */
  static Iterator<Object[]> checked(Iterator<Object[]> stream, Comparator<Object[]> order, String what) {
    return new Iterator<>() {
      private Object[] previous;

      @Override
      public boolean hasNext() {
        return stream.hasNext();
      }

      @Override
      public Object[] next() {
        Object[] row = stream.next();
        if (previous != null && order.compare(previous, row) > 0) {
          throw new IllegalStateException(what + " returned rows out of the requested order;"
              + " the answer would be wrong, so the query stops");
        }
        previous = row;
        return row;
      }
    };
  }

  /** The comparator for full table rows sorted by the keys, NULLs placed as each key says. */
  public static Comparator<Object[]> comparator(List<SortKey> keys) {
    Comparator<Object[]> result = (a, b) -> 0;
    for (SortKey k : keys) {
      Comparator<Object[]> one = (a, b) -> {
        Object x = a[k.column()];
        Object y = b[k.column()];
        if (x == null || y == null) {
          if (x == y) {
            return 0;
          }
          return (x == null) == k.nullsFirst() ? -1 : 1;
        }
        int c = Term.compare(x, y);
        return k.descending() ? -c : c;
      };
      result = result.thenComparing(one);
    }
    return result;
  }
}
