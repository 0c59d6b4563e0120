package io.convosql.core.exec;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A batch nested-loop join that reads its inner side only as far as the rows asked of it need, for
 * an inner side that answers a batch of keys in the order of the keys: every row of the first key
 * (the first outer row's), then every row of the next key not seen yet, and so on. The join's answer
 * and its order are those of Calcite's {@code EnumerableDefaults.correlateBatchJoin} with the same
 * arguments (each outer row in turn, with its inner rows in the order they came), and so is how the
 * outer side is read (a batch of {@code batchSize} rows before the inner side is asked); but where
 * that join reads the whole inner side before it leaves the first outer row (any inner row might
 * still match it), this one leaves an outer row as soon as an inner row of a key that the batch
 * names first after it has arrived, which in that order means its rows are all read. So a consumer that stops
 * after a few rows (a LIMIT) has had the inner side read for those rows and one more, not for the
 * whole batch: with an inner side that sends a request per key, the requests of the keys it needed.
 *
 * <p>An inner row that matches no outer row of the batch ends nothing: such rows cannot come from an
 * inner side that keeps its promise, and are only passed over.
 */
public final class KeyOrderJoin {
  private KeyOrderJoin() {}

  /**
   * The join, with the arguments of Calcite's {@code correlateBatchJoin}: {@code inner} gets a list
   * of {@code batchSize} outer rows (a batch that is short filled up with its first row). The first
   * batch holds {@code firstBatch} outer rows, each next one twice as many as the one before, up to
   * {@code batchSize}: a consumer that may stop after a few rows has the outer side read for about
   * the rows it took, not for a whole batch (each outer row may cost a request of its own), at the
   * price of more executions of the inner side, which cost nothing more when it sends a request per
   * key.
   */
  public static <L, R, T> Enumerable<T> join(JoinType type, Enumerable<L> outer,
      Function1<List<L>, Enumerable<R>> inner, Function2<L, @Nullable R, T> selector,
      Predicate2<L, R> predicate, int batchSize, int firstBatch) {
    if (type != JoinType.INNER && type != JoinType.LEFT && type != JoinType.SEMI && type != JoinType.ANTI) {
      throw new IllegalArgumentException("a batch join is inner, left, semi or anti, not " + type);
    }
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        return new Rows<>(type, outer, inner, selector, predicate, batchSize, firstBatch);
      }
    };
  }

  private static final class Rows<L, R, T> implements Enumerator<T> {
    private final JoinType type;
    private final Enumerable<L> outerRows;
    private final Function1<List<L>, Enumerable<R>> inner;
    private final Function2<L, @Nullable R, T> selector;
    private final Predicate2<L, R> predicate;
    private final int batchSize;
    /** The outer rows the next batch holds at most. */
    private int nextBatch;
    private @Nullable Enumerator<L> outer;
    private final List<L> batch = new ArrayList<>();
    /** The inner rows of the batch read so far, in the order they came. */
    private final List<R> read = new ArrayList<>();
    /** For each of {@link #read}, the first outer row of the batch it matches (-1 for none). */
    private final List<Integer> firstOf = new ArrayList<>();
    /**
     * The first outer row matched by the latest inner row read that matched one: the rows of the keys
     * of the outer rows before it are all read.
     */
    private int reached = -1;
    private @Nullable Enumerator<R> innerRows;
    private boolean innerDone;
    /** The outer row being joined, its position in the batch. */
    private int at;
    /** The next of {@link #read} to hold against the outer row at {@link #at}. */
    private int next;
    private boolean matched;
    /** When {@link #matched}, the first outer row of the batch with the current one's key. */
    private int start;
    private @Nullable T current;

    Rows(JoinType type, Enumerable<L> outerRows, Function1<List<L>, Enumerable<R>> inner,
        Function2<L, @Nullable R, T> selector, Predicate2<L, R> predicate, int batchSize, int firstBatch) {
      this.type = type;
      this.outerRows = outerRows;
      this.inner = inner;
      this.selector = selector;
      this.predicate = predicate;
      this.batchSize = batchSize;
      this.nextBatch = Math.max(1, Math.min(batchSize, firstBatch));
    }

    @Override
    public T current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (true) {
        if (at == batch.size() && !nextBatch()) {
          return false;
        }
        L o = batch.get(at);
        R match = nextMatch(o);
        if (match != null) {
          matched = true;
          if (type == JoinType.ANTI) {
            advance();
            continue;
          }
          current = selector.apply(o, match);
          if (type == JoinType.SEMI) {
            advance();
          }
          return true;
        }
        // every inner row of o's key is read
        boolean unmatched = !matched;
        advance();
        if (unmatched && (type == JoinType.LEFT || type == JoinType.ANTI)) {
          current = selector.apply(o, null);
          return true;
        }
      }
    }

    /**
     * The next inner row that matches {@code o}, reading the inner side only while its rows may
     * still be {@code o}'s; null once none can be.
     */
    private @Nullable R nextMatch(L o) {
      while (true) {
        while (next < read.size()) {
          R r = read.get(next);
          int first = firstOf.get(next++);
          if (predicate.apply(o, r)) {
            start = first;
            return r;
          }
        }
        // o's key first came at start when a row of it was seen; else at the latest at o itself
        if (reached > (matched ? start : at) || innerDone) {
          return null; // a row of a key first named later was read: o's rows are all read
        }
        if (!innerRows.moveNext()) {
          innerDone = true;
          closeInner();
          return null;
        }
        R r = innerRows.current();
        int first = firstMatching(r);
        read.add(r);
        firstOf.add(first);
        reached = Math.max(reached, first);
      }
    }

    /** The first outer row of the batch that {@code r} matches; -1 for none. */
    private int firstMatching(R r) {
      for (int i = 0; i < batch.size(); i++) {
        if (predicate.apply(batch.get(i), r)) {
          return i;
        }
      }
      return -1;
    }

    private void advance() {
      at++;
      next = 0;
      matched = false;
    }

    /** Reads the next batch of outer rows and opens the inner side for it; false when none is left. */
    private boolean nextBatch() {
      closeInner();
      batch.clear();
      read.clear();
      firstOf.clear();
      reached = -1;
      if (outer == null) {
        outer = outerRows.enumerator();
      }
      while (batch.size() < nextBatch && outer.moveNext()) {
        batch.add(outer.current());
      }
      nextBatch = Math.min(batchSize, nextBatch * 2);
      at = 0;
      next = 0;
      matched = false;
      if (batch.isEmpty()) {
        return false;
      }
      List<L> keys = new AbstractList<>() {
        @Override
        public L get(int index) {
          return batch.get(index < batch.size() ? index : 0);
        }

        @Override
        public int size() {
          return batchSize;
        }
      };
      Enumerable<R> rows = inner.apply(keys);
      innerRows = rows == null ? null : rows.enumerator();
      innerDone = innerRows == null;
      return true;
    }

    private void closeInner() {
      if (innerRows != null) {
        innerRows.close();
        innerRows = null;
      }
    }

    @Override
    public void reset() {
      closeInner();
      if (outer != null) {
        outer.reset();
      }
      batch.clear();
      read.clear();
      firstOf.clear();
      reached = -1;
      at = 0;
      next = 0;
      matched = false;
      current = null;
    }

    @Override
    public void close() {
      closeInner();
      if (outer != null) {
        outer.close();
      }
    }
  }
}
