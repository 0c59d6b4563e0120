package io.convosql.driver;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.function.IntSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The result set users get: Calcite's, answering {@code getStatement()} with the statement's proxy,
 * {@code getObject(column, Class)} with JDBC 4.2's mappings ({@link ResultSetValues}), cutting text
 * and bytes to the statement's {@code maxFieldSize}, and giving every failure its SQLState.
 */
final class ResultSetProxy {
  private ResultSetProxy() {}

  /**
   * @param maxFieldSize the statement's limit on text and binary values, 0 for none
   * @param forgetPlans empties the connection's plan cache, run when generated code fails to load
   */
  static ResultSet wrap(ResultSet rs, @Nullable Statement statement, IntSupplier maxFieldSize,
      Runnable forgetPlans) {
    return (ResultSet) Proxies.proxy(rs, (p, method, args) -> {
      String name = method.getName();
      if (name.equals("getStatement")) {
        return statement;
      }
      if (name.equals("getMetaData")) {
        return new ShownSizes((java.sql.ResultSetMetaData) Proxies.invokeTranslated(rs, method, args));
      }
      if (name.equals("getObject") && args.length == 2 && args[1] instanceof Class<?> type) {
        try {
          return ResultSetValues.get(rs, column(rs, args[0]), type);
        } catch (SQLException e) {
          throw SqlErrors.translate(e);
        }
      }
      if (args != null && args.length == 1 && ResultSetGetters.handles(name)) {
        try {
          return ResultSetGetters.get(rs, method, column(rs, args[0]));
        } catch (SQLException e) {
          throw SqlErrors.translate(e);
        }
      }
      Object value;
      try {
        value = Proxies.invokeTranslated(rs, method, args);
      } catch (SQLException e) {
        if (SqlErrors.generatedCodeFailed(e)) {
          forgetPlans.run();
        }
        throw e;
      }
      int limit = maxFieldSize.getAsInt();
      return limit > 0 && value != null && isValueGetter(method) ? cut(rs, column(rs, args[0]), value, limit)
          : value;
    });
  }

  private static boolean isValueGetter(Method m) {
    return m.getParameterCount() == 1 && m.getName().matches("getString|getNString|getObject|getBytes");
  }

  private static int column(ResultSet rs, Object indexOrLabel) throws SQLException {
    return indexOrLabel instanceof Integer i ? i : rs.findColumn((String) indexOrLabel);
  }

  /** JDBC's maxFieldSize: character and binary values longer than the limit lose the excess. */
  private static Object cut(ResultSet rs, int column, Object value, int limit) throws SQLException {
    switch (rs.getMetaData().getColumnType(column)) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY:
        break;
      default:
        return value;
    }
    if (value instanceof String s && s.length() > limit) {
      return s.substring(0, limit);
    }
    if (value instanceof byte[] b && b.length > limit) {
      return Arrays.copyOf(b, limit);
    }
    return value;
  }
}
