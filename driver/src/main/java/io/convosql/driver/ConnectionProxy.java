package io.convosql.driver;

import io.convosql.core.exec.StatementWarnings;
import java.sql.ClientInfoStatus;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connection users get: Calcite's, with the JDBC contract tools rely on. Its statements, result
 * sets and metadata are proxies that lead back to it ({@link StatementProxy}); its failures carry
 * their SQLState; {@code commit()} and {@code rollback()} do nothing instead of failing (it only
 * reads, its one write, an Insights DELETE, takes effect when it runs, and tools such as Spark commit
 * after reading); {@code getTypeMap()} is empty; client info is kept and answered; savepoints and
 * generated keys are refused with 0A000, statements that write with 25006 ({@link ReadOnlyStatements}).
 */
final class ConnectionProxy {
  private ConnectionProxy() {}

  /**
   * @param forgetPlans empties the connection's plan cache: a kept plan whose generated class failed
   *     to initialize would fail every later run with a NoClassDefFoundError
   */
  static Connection wrap(Connection connection, StatementWarnings warnings, Runnable forgetPlans) {
    Properties clientInfo = new Properties();
    AtomicReference<SQLWarning> downgraded = new AtomicReference<>();
    return (Connection) Proxies.proxy(connection, (p, method, args) -> {
      String name = method.getName();
      int arity = method.getParameterCount();
      if (name.equals("getWarnings") && arity == 0 && downgraded.get() != null && !connection.isClosed()) {
        SQLWarning own = downgraded.get();
        SQLWarning calcite = connection.getWarnings();
        if (calcite != null && own.getNextWarning() == null) {
          own.setNextWarning(calcite);
        }
        return own;
      }
      if (name.equals("clearWarnings") && arity == 0) {
        downgraded.set(null);
      }
      if (ResultSetKinds.requested(name, args)) {
        args = ResultSetKinds.supported(name, args, downgraded);
      }
      if ((name.equals("commit") || name.equals("rollback")) && arity == 0 && !connection.isClosed()) {
        return null;
      }
      if (name.equals("abort") && arity == 1) {
        // JDBC 4.1, as pools end a connection they give up on: closed now, statements cancelled
        if (args[0] == null) {
          throw new SQLException("abort needs an executor", "HY009");
        }
        ((Connection) p).close();
        return null;
      }
      if (name.equals("setSchema") && arity == 1 && !connection.isClosed()) {
        SchemaStatements.set(connection, (String) args[0]);
        return null;
      }
      if (name.equals("getTypeMap") && !connection.isClosed()) {
        return new HashMap<String, Class<?>>(); // no user-defined types; Avatica's throws
      }
      if (name.endsWith("ClientInfo")) {
        return clientInfo(connection, clientInfo, name, args);
      }
      if (name.matches("setSavepoint|releaseSavepoint") || name.equals("rollback") && arity == 1) {
        throw new SQLFeatureNotSupportedException("convosql has no transactions, so no savepoints: it"
            + " only reads, and a DELETE takes effect when it runs", "0A000");
      }
      if (name.equals("prepareStatement") && arity == 2) {
        if (!(args[1] instanceof Integer keys) || keys != Statement.NO_GENERATED_KEYS) {
          throw StatementProxy.generatedKeys(); // RETURN_GENERATED_KEYS, or key columns
        }
        return ((Connection) p).prepareStatement((String) args[0]);
      }
      if (name.matches("prepareStatement|prepareCall|nativeSQL") && args.length > 0
          && args[0] instanceof String sql) {
        if (!name.equals("nativeSQL")) {
          EmptyStatements.refuse(sql);
          ReadOnlyStatements.refuse(sql);
        }
        MetadataStatements.refuse(SqlSpans.body(sql));
        JdbcEscapes.refuseCall(SqlSpans.body(sql));
        if (name.equals("prepareCall")) { // a CallableStatement is a stored procedure's
          throw new SQLFeatureNotSupportedException("prepareCall is for stored procedures, which"
              + " convosql has none of: prepare the SQL with prepareStatement", "0A000");
        }
        if (name.equals("nativeSQL")) {
          if (connection.isClosed()) {
            throw new SQLException("The connection is closed: open a new one", "08003");
          }
          return JdbcEscapes.rewrite(sql);
        }
      }
      // translated, so SQL that fails to prepare has its SQLState (42000) as it has when executed
      Object result = Proxies.invokeTranslated(connection, method, args);
      if (result instanceof Statement s && name.matches("prepareStatement|prepareCall")
          && args[0] instanceof String sql) {
        NoCacheHint.apply(s, sql); // every execution of a prepared statement is as its SQL says
      }
      if (result instanceof Statement s && name.matches("createStatement|prepareStatement|prepareCall")) {
        return StatementProxy.wrap(s, (Connection) p, warnings, forgetPlans,
            name.startsWith("prepare") && args[0] instanceof String sql ? sql : null);
      }
      if (result instanceof DatabaseMetaData metaData) {
        return metaData((Connection) p, metaData, warnings, forgetPlans);
      }
      return result;
    });
  }

  /** Client info (DBeaver sets ApplicationName on connect): kept with the connection, sent nowhere. */
  private static Object clientInfo(Connection connection, Properties info, String name, Object[] args)
      throws SQLClientInfoException {
    if (isClosed(connection)) {
      Map<String, ClientInfoStatus> failed = new HashMap<>();
      throw new SQLClientInfoException("The connection is closed: open a new one", "08003", failed);
    }
    synchronized (info) {
      if (name.equals("setClientInfo")) {
        if (args[0] instanceof Properties all) {
          info.clear();
          info.putAll(all);
        } else if (args[1] == null) {
          info.remove(args[0]);
        } else {
          info.setProperty((String) args[0], (String) args[1]);
        }
        return null;
      }
      if (args == null || args.length == 0) {
        Properties copy = new Properties();
        copy.putAll(info);
        return copy;
      }
      return info.getProperty((String) args[0]);
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (java.sql.SQLException e) {
      return true;
    }
  }

  /** Metadata whose connection is the proxy, and whose result sets lead back to it too. */
  private static DatabaseMetaData metaData(Connection proxy, DatabaseMetaData metaData,
      StatementWarnings warnings, Runnable forgetPlans) {
    return (DatabaseMetaData) Proxies.proxy(metaData, (p, method, args) -> {
      if (method.getName().equals("getConnection")) {
        return proxy;
      }
      Object result = Proxies.invokeTranslated(metaData, method, args);
      if (result instanceof ResultSet rs) {
        Statement s = rs.getStatement();
        Statement statement = s == null ? null : StatementProxy.wrap(s, proxy, warnings, forgetPlans);
        return ResultSetProxy.wrap(rs, statement, () -> 0, forgetPlans);
      }
      return result;
    });
  }
}
