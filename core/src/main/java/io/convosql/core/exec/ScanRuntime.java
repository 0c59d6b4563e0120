package io.convosql.core.exec;

import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.ScanSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Predicate1;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The entry point that generated code calls to run a scan; table and spec come from the stash. */
public final class ScanRuntime {
  private ScanRuntime() {}

  public static Enumerable<Object> enumerable(ApiTable table, ScanSpec spec, DataContext context) {
    return enumerable(table, spec, context, (Predicate1<Object[]>) null);
  }

  /**
   * A scan with an {@linkplain ScanSpec#early early condition}, {@code early} being its generated
   * code; null when the spec has none.
   */
  public static Enumerable<Object> enumerable(ApiTable table, ScanSpec spec, DataContext context,
      @Nullable Predicate1<Object[]> early) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new ScanEnumerator(table, spec, context, early);
      }
    };
  }

  /** The inner side of a batch nested-loop join with an early condition (see both others). */
  public static Enumerable<Object> enumerable(ApiTable table, ScanSpec spec, DataContext context,
      Object[] correlated, @Nullable Predicate1<Object[]> early) {
    List<String> keys = spec.correlationKeys();
    Map<String, @Nullable Object> values = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      values.put(keys.get(i), correlated[i]);
    }
    return enumerable(table, spec, new Correlated(context, values), early);
  }

  /**
   * A scan whose terms read correlation fields (the inner side of a batch nested-loop join): the
   * values of {@link ScanSpec#correlationKeys()}, in that order, for this execution.
   */
  public static Enumerable<Object> enumerable(ApiTable table, ScanSpec spec, DataContext context,
      Object[] correlated) {
    return enumerable(table, spec, context, correlated, null);
  }

  /** The execution's own context, under the correlation values of a batch. */
  static DataContext statementContext(DataContext context) {
    return context instanceof Correlated c ? c.context : context;
  }

  /** The statement's context, plus the values of the correlation fields by key. */
  private static final class Correlated extends DataContextOver {
    private final Map<String, @Nullable Object> values;

    Correlated(DataContext context, Map<String, @Nullable Object> values) {
      super(context);
      this.values = values;
    }

    @Override
    public @Nullable Object get(String name) {
      return values.containsKey(name) ? values.get(name) : context.get(name);
    }
  }
}
