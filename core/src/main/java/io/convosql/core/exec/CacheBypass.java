package io.convosql.core.exec;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The statements whose scans must not be answered from the response cache: a driver marks a
 * statement (by its cancel flag, the object Calcite puts into each of its executions' DataContext as
 * {@link DataContext.Variable#CANCEL_FLAG}) and {@link BoundScan} asks. Entries go when the statement
 * does.
 */
public final class CacheBypass {
  private static final Map<Object, Boolean> MARKED = Collections.synchronizedMap(new WeakHashMap<>());

  private CacheBypass() {}

  /** Marks (or unmarks) the statement with this cancel flag. */
  public static void mark(Object cancelFlag, boolean bypass) {
    if (bypass) {
      MARKED.put(cancelFlag, Boolean.TRUE);
    } else {
      MARKED.remove(cancelFlag);
    }
  }

  /** Whether the execution with this context belongs to a marked statement. */
  static boolean marked(@Nullable DataContext context) {
    Object flag = context == null ? null : DataContext.Variable.CANCEL_FLAG.get(context);
    return flag != null && MARKED.containsKey(flag);
  }
}
