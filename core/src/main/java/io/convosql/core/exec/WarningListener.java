package io.convosql.core.exec;

import java.sql.SQLWarning;
import org.apache.calcite.DataContext;

/**
 * Receives the warnings a scan raises while it runs (for example that it read only a default time
 * window), with the DataContext of the execution. Avatica statements cannot carry warnings themselves,
 * so a driver that wants them on {@code Statement.getWarnings()} registers a listener per connection
 * and matches the execution to its statement, for instance by the context's
 * {@link DataContext.Variable#CANCEL_FLAG}, which Calcite creates once per statement. A scan that a
 * plan opens more than once warns each time.
 */
@FunctionalInterface
public interface WarningListener {
  /** A listener that drops every warning. */
  WarningListener NONE = (context, warning) -> { };

  void warn(DataContext context, SQLWarning warning);
}
