package io.convosql.driver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One connection's prepared queries, so that SQL sent again (dashboards and reports send the same
 * text over and over) is not parsed, validated and planned again. A prepared query (Calcite's
 * {@link CalciteSignature}) holds nothing of one execution: each execution gets its own
 * {@code DataContext} (the clock {@code CURRENT_TIMESTAMP} reads, the cancel flag, the query timeout)
 * and its own enumerators, and what the scans stash in it (table and {@link
 * io.convosql.core.plan.ScanSpec}) is immutable, so two statements may run one plan at once.
 */
final class PlanCache {
  /**
   * Everything a query's plan depends on that may differ between two preparations on one
   * connection; the connection's properties cannot change once it is open.
   *
   * @param sql the SQL text, exactly as sent
   * @param maxRowCount the statement's {@code setMaxRows}, which the plan applies; -1 for none
   * @param defaultSchema the connection's schema ({@code setSchema}), against which names resolve
   * @param rowType the Java type Calcite was asked to produce rows as
   */
  record Key(String sql, long maxRowCount, List<String> defaultSchema, Type rowType) {
    Key {
      defaultSchema = List.copyOf(defaultSchema);
    }

    // equals and hashCode written out: a record's own are bootstrapped through invokedynamic on
    // first use: about 30 ms of CPU on the first query of a fresh JVM (every query looks its key up)

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && sql.equals(k.sql) && maxRowCount == k.maxRowCount
          && defaultSchema.equals(k.defaultSchema) && rowType.equals(k.rowType);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sql, maxRowCount, defaultSchema, rowType);
    }
  }

  private final int size;
  /**
   * Built by the first preparation rather than by getConnection, which need not wait for Caffeine's
   * classes; null until then.
   */
  private volatile @Nullable Cache<Key, CalciteSignature<?>> plans;

  /** A cache of at most {@code size} queries (positive); the least used go first. */
  PlanCache(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("a plan cache holds at least one query, not " + size);
    }
    this.size = size;
  }

  private Cache<Key, CalciteSignature<?>> plans() {
    Cache<Key, CalciteSignature<?>> p = plans;
    if (p == null) {
      synchronized (this) {
        p = plans;
        if (p == null) {
          // evictions in the caller's thread: no pool thread outlives the connection
          p = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
          plans = p;
        }
      }
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  <T> @Nullable CalciteSignature<T> get(Key key) {
    return (CalciteSignature<T>) plans().getIfPresent(key);
  }

  void put(Key key, CalciteSignature<?> plan) {
    plans().put(key, plan);
  }

  /** Forgets every plan, for when the names a query uses may have changed meaning (DDL). */
  void clear() {
    Cache<Key, CalciteSignature<?>> p = plans;
    if (p != null) {
      p.invalidateAll();
    }
  }

  /** Whether a query has been looked up or kept yet (the cache is built then), for tests. */
  boolean started() {
    return plans != null;
  }
}
