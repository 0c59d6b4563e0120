package io.convosql.driver;

import io.convosql.core.exec.StatementWarnings;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;

/**
 * The connection users get: Calcite's, except that its statements report their scans' warnings,
 * its failures carry their SQLState and {@code commit()} and {@code rollback()} do nothing instead
 * of failing, and {@code getTypeMap()} is empty instead of unsupported (metadata tools ask for it).
 * The connection only reads (its one write, an Insights DELETE, takes effect when it
 * runs), and tools such as Spark call {@code commit()} after reading.
 */
final class ConnectionProxy {
  private ConnectionProxy() {}

  static Connection wrap(Connection connection, StatementWarnings warnings) {
    return (Connection) WarningStatements.proxy(connection, (p, method, args) -> {
      String name = method.getName();
      if ((name.equals("commit") || name.equals("rollback")) && method.getParameterCount() == 0) {
        if (connection.isClosed()) {
          return WarningStatements.invoke(connection, method, args); // fails as a closed connection does
        }
        return null;
      }
      if (name.equals("getTypeMap") && !connection.isClosed()) {
        return new HashMap<String, Class<?>>(); // no user-defined types; Avatica's throws
      }
      // translated, so SQL that fails to prepare has its SQLState (42000) as it has when executed
      Object result = WarningStatements.invokeTranslated(connection, method, args);
      if (result instanceof Statement s && name.matches("prepareStatement|prepareCall")
          && args[0] instanceof String sql) {
        NoCacheHint.apply(s, sql); // every execution of a prepared statement is as its SQL says
      }
      if (result instanceof Statement && name.matches("createStatement|prepareStatement|prepareCall")) {
        return WarningStatements.statement((Statement) result, (Connection) p, warnings);
      }
      return result;
    });
  }
}
