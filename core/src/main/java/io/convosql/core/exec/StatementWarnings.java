package io.convosql.core.exec;

import java.sql.SQLWarning;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A connection's {@link WarningListener} that keeps the warnings of each statement, for a driver to
 * return from {@code Statement.getWarnings()} (Avatica's statements always answer null). A warning is
 * filed under the statement's cancel flag, the object Calcite puts into every execution's DataContext
 * as {@link DataContext.Variable#CANCEL_FLAG} and which stays the same for all executions of one
 * statement. A warning equal to one already filed is not repeated; entries go when the flag does.
 */
public final class StatementWarnings implements WarningListener {
  private final Map<Object, SQLWarning> byStatement = Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public void warn(DataContext context, SQLWarning warning) {
    Object flag = DataContext.Variable.CANCEL_FLAG.get(context);
    if (flag == null) {
      return; // not run by a statement, so no one can read it
    }
    byStatement.merge(flag, warning, StatementWarnings::chain);
  }

  private static SQLWarning chain(SQLWarning first, SQLWarning added) {
    for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
      if (Objects.equals(w.getMessage(), added.getMessage())
          && Objects.equals(w.getSQLState(), added.getSQLState())) {
        return first;
      }
    }
    first.setNextWarning(added);
    return first;
  }

  /** The chain of warnings filed for the statement with this cancel flag, or null when there are none. */
  public @Nullable SQLWarning get(Object cancelFlag) {
    return byStatement.get(cancelFlag);
  }

  /** Forgets a statement's warnings, as {@code clearWarnings()} and each new execution do. */
  public void clear(Object cancelFlag) {
    byStatement.remove(cancelFlag);
  }
}
