package io.convosql.driver;

import io.convosql.core.exec.StatementWarnings;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.jdbc.ConvoSqlMetaBase;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The statement users get: Calcite's, with the JDBC contract tools rely on. It answers
 * {@code getWarnings()} with what its scans filed, {@code getConnection()} with the connection's
 * proxy, keeps {@code maxFieldSize} (its result sets cut longer text and bytes), binds parameters as
 * their SQL types need ({@link ParameterBinding}), accepts {@code SET TRANSACTION ...} as a no-op,
 * runs {@code USE schema} and its kin ({@link SchemaStatements}), refuses statements that write
 * (25006, {@link ReadOnlyStatements}),
 * refuses {@code executeUpdate} of a query (07003) and generated keys (0A000), and gives every failure
 * its SQLState.
 */
final class StatementProxy implements InvocationHandler {
  private static final Set<String> EXECUTE =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
  /** The setters whose value {@link ParameterBinding} may convert: (index, value) or (index, Date, Calendar). */
  private static final Set<String> SETTERS = Set.of("setObject", "setLong", "setInt", "setShort",
      "setByte", "setBigDecimal", "setDouble", "setFloat", "setString", "setDate", "setTimestamp", "setTime", "setArray");

  private final Statement statement;
  private final Connection connection;
  private final StatementWarnings warnings;
  private final Object flag;
  private final Runnable forgetPlans;
  /** A prepared statement's SQL; null for a plain statement. */
  private final @Nullable String preparedSql;
  private volatile int maxFieldSize;
  /** The {@code setMaxRows} a prepared statement's plan applies; 0 for none. */
  private long plannedMaxRows;

  private StatementProxy(Statement statement, Connection connection, StatementWarnings warnings,
      Runnable forgetPlans, @Nullable String preparedSql) {
    this.statement = statement;
    this.preparedSql = preparedSql;
    this.connection = connection;
    this.warnings = warnings;
    this.flag = WarningStatements.cancelFlag(statement);
    this.forgetPlans = forgetPlans;
  }

  /**
   * The statement as users see it, on the connection's proxy.
   *
   * @param forgetPlans empties the connection's plan cache, run when generated code fails to load
   */
  static Statement wrap(Statement statement, Connection connection, StatementWarnings warnings,
      Runnable forgetPlans) {
    return wrap(statement, connection, warnings, forgetPlans, null);
  }

  /** A prepared statement as users see it, which knows its SQL ({@link RowCountParameters}). */
  static Statement wrap(Statement statement, Connection connection, StatementWarnings warnings,
      Runnable forgetPlans, @Nullable String preparedSql) {
    return (Statement) Proxies.proxy(statement,
        new StatementProxy(statement, connection, warnings, forgetPlans, preparedSql));
  }

  @Override
  public @Nullable Object invoke(Object p, Method method, Object[] args) throws Throwable {
    try {
      return call(p, method, args);
    } catch (SQLException e) {
      if (SqlErrors.generatedCodeFailed(e)) {
        forgetPlans.run();
      }
      throw e;
    }
  }

  private @Nullable Object call(Object p, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    switch (name) {
      case "getWarnings":
        return WarningStatements.chain(warnings.get(flag), (SQLWarning) Proxies.invoke(statement, method, args));
      case "clearWarnings":
        warnings.clear(flag);
        return Proxies.invoke(statement, method, args);
      case "getConnection":
        return connection;
      case "getParameterMetaData": // Avatica's statement is its own: a proxy must not hand it out
        return new ParameterTypes((ParameterMetaData) Proxies.invokeTranslated(statement, method, args));
      case "isClosed":
        return statement.isClosed() || connection.isClosed(); // JDBC: closed with its connection
      case "getMaxFieldSize":
        checkOpen();
        return maxFieldSize;
      case "setMaxFieldSize":
        checkOpen();
        if ((Integer) args[0] < 0) {
          throw new SQLDataException("maxFieldSize must be 0 (no limit) or more, not " + args[0], "22023");
        }
        maxFieldSize = (Integer) args[0];
        return null;
      default:
        break;
    }
    if ((EXECUTE.contains(name) || name.startsWith("executeLarge") || name.equals("executeBatch"))
        && connection.isClosed()) {
      throw new SQLException("The connection is closed: open a new one", "08003");
    }
    if (EXECUTE.contains(name) && args != null && args[0] instanceof String sql) {
      return execute((Statement) p, method, sql, args);
    }
    if (name.equals("addBatch") && args != null && args.length == 1 && args[0] instanceof String sql) {
      refuseUnrunnable(sql); // now, with its own error, rather than at executeBatch as a parse error
      String body = SqlSpans.body(sql);
      if (TransactionStatements.isSetTransaction(body) || TransactionStatements.isBeginOrEnd(body)
          || SchemaStatements.named(body) != null) {
        // execute runs these before Calcite; a batch would hand them to Calcite's parser
        throw new SQLFeatureNotSupportedException(body.strip().replaceAll(";$", "") + " is not run in a"
            + " batch: a batch is for statements that return a count (DELETE); run it with execute", "0A000");
      }
    }
    if (SETTERS.contains(name) && statement instanceof PreparedStatement ps && args.length >= 2
        && args[0] instanceof Integer index && bindConverted(ps, name, index, args, preparedSql)) {
      return null;
    }
    if (EXECUTE.contains(name) && (args == null || args.length == 0) && statement instanceof PreparedStatement) {
      planMaxRows();
    }
    return result((Statement) p, name, Proxies.invokeTranslated(statement, method, args));
  }

  /** What a call returns to the user: its result set as a proxy; executeUpdate of a query fails. */
  private @Nullable Object result(Statement p, String name, @Nullable Object result) throws SQLException {
    if (EXECUTE.contains(name) && name.endsWith("Update") && ((Number) result).longValue() == -1) {
      throw queryInUpdate();
    }
    if (result instanceof int[] counts) {
      refuseQueryInBatch(Arrays.stream(counts).asLongStream().toArray(), false);
    } else if (result instanceof long[] counts) {
      refuseQueryInBatch(counts, true);
    }
    return result instanceof ResultSet rs ? ResultSetProxy.wrap(rs, p, () -> maxFieldSize, forgetPlans) : result;
  }

  private @Nullable Object execute(Statement p, Method method, String sql, Object[] args) throws Throwable {
    String name = method.getName();
    if (args.length == 2 && args[1] instanceof Integer keys) {
      if (keys != Statement.NO_GENERATED_KEYS) {
        throw generatedKeys();
      }
      // without generated keys: the one-argument form
      return execute(p, Statement.class.getMethod(name, String.class), sql, new Object[] {sql});
    }
    if (args.length == 2) {
      throw generatedKeys(); // column indexes or names of generated keys
    }
    refuseUnrunnable(sql);
    String body = SqlSpans.body(sql);
    if (TransactionStatements.isSetTransaction(body)) {
      return noRows(name, "SET TRANSACTION");
    }
    if (TransactionStatements.isBeginOrEnd(body)) {
      return noRows(name, body.strip().replaceAll(";$", "").toUpperCase(java.util.Locale.ROOT));
    }
    String schema = SchemaStatements.named(body);
    if (schema != null) {
      Object done = noRows(name, body.strip().replaceAll(";$", ""));
      SchemaStatements.use(connection, schema);
      return done;
    }
    NoCacheHint.apply(statement, sql); // each SQL text says for itself
    return result(p, name, Proxies.invokeTranslated(statement, method, args));
  }

  /**
   * Throws the error for SQL that convosql never runs: empty, a write other than DELETE, SHOW or
   * DESCRIBE, a stored procedure call.
   */
  private static void refuseUnrunnable(String sql) throws SQLException {
    EmptyStatements.refuse(sql);
    String body = SqlSpans.body(sql);
    MetadataStatements.refuse(body);
    ReadOnlyStatements.refuse(sql);
    JdbcEscapes.refuseCall(body);
  }

  /**
   * A prepared statement's {@code setMaxRows}, planned as a LIMIT as a plain statement's is (see
   * {@link MaxRowsProgram}): Calcite plans a prepared statement once, without it, and then returns
   * every row. Planned again only when the maximum changed since the last execution.
   */
  private void planMaxRows() throws SQLException {
    long wanted = statement.getLargeMaxRows();
    if (wanted != plannedMaxRows) {
      ConvoSqlMetaBase.replan(statement.getConnection(), statement.unwrap(AvaticaStatement.class),
          wanted > 0 ? wanted : -1);
      plannedMaxRows = wanted;
    }
  }

  /** What a statement that sets and returns nothing answers each execute method; executeQuery fails. */
  private static Object noRows(String method, String statement) throws SQLException {
    return switch (method) {
      case "execute" -> false;
      case "executeUpdate" -> 0;
      case "executeLargeUpdate" -> 0L;
      default -> throw new SQLException(statement + " returns no rows: run it with execute or"
          + " executeUpdate", "07003");
    };
  }

  private void checkOpen() throws SQLException {
    if (statement.isClosed()) {
      throw new SQLException("The statement is closed: create a new one", "HY010");
    }
  }

  /** Binds the value as its parameter's type needs; false when it is bound as given. */
  private static boolean bindConverted(PreparedStatement ps, String name, int index, Object[] args,
      @Nullable String sql) throws SQLException {
    if (name.equals("setObject") && args.length >= 3 && args[1] != null
        && (args[2] instanceof Integer || args[2] instanceof java.sql.SQLType)) {
      // setObject(i, x, targetSqlType[, scale]), as Spring's SqlParameterValue and ORMs bind: the
      // value is made the parameter's type, as with setObject(i, x), whatever type was named
      if (!bindConverted(ps, name, index, new Object[] {index, args[1]}, sql)) {
        ps.setObject(index, args[1]);
      }
      return true;
    }
    if (args.length > 3 || args.length == 3 && !name.equals("setDate") && !name.equals("setTimestamp")) {
      return false;
    }
    int type;
    try {
      type = ps.getParameterMetaData().getParameterType(index);
    } catch (SQLException | RuntimeException e) {
      return false; // a wrong index: the setter says so
    }
    if (args.length == 3 && name.equals("setTimestamp") && type != java.sql.Types.TIME) {
      return false; // JDBC's own conversion reads the calendar; a TIME's could not take a Timestamp
    }
    java.time.ZoneId zone = args.length == 3 && args[2] instanceof Calendar c ? c.getTimeZone().toZoneId() : null;
    Object converted = ParameterBinding.convert(type, args[1], zone);
    RowCountParameters.check(sql, index, converted == null ? args[1] : converted);
    if (converted == null) {
      return false;
    }
    if (converted instanceof LocalDateTime t) {
      ps.setTimestamp(index, Timestamp.from(t.toInstant(ZoneOffset.UTC)), ResultSetValues.utc());
    } else if (converted instanceof java.time.LocalTime t) { // its milliseconds of the day
      ps.setTime(index, new java.sql.Time(t.toNanoOfDay() / 1_000_000), ResultSetValues.utc());
    } else {
      ps.setObject(index, converted);
    }
    return true;
  }

  /** JDBC: executeUpdate of SQL that returns rows throws; the result set is closed first. */
  private SQLException queryInUpdate() {
    try {
      ResultSet rs = statement.getResultSet();
      if (rs != null) {
        rs.close();
      }
    } catch (SQLException e) {
      // the statement's failure below is what the user needs
    }
    return new SQLException("executeUpdate ran a query, which returns rows: run it with executeQuery",
        "07003");
  }

  /**
   * A batch's count of -1, which Calcite gives a query, is no count JDBC allows: such a batch fails
   * as executeUpdate of a query does, with the counts of the statements before it.
   */
  private static void refuseQueryInBatch(long[] counts, boolean large) throws BatchUpdateException {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == -1) {
        String message = "executeBatch ran a query, which returns rows, as statement " + (i + 1)
            + " of the batch: a batch is for statements that return a count (DELETE); run a query"
            + " with executeQuery";
        long[] before = Arrays.copyOf(counts, i);
        throw large ? new BatchUpdateException(message, "07003", 0, before, null)
            : new BatchUpdateException(message, "07003", Arrays.stream(before).mapToInt(c -> (int) c).toArray());
      }
    }
  }

  /** The refusal of generated keys, which convosql never has. */
  static SQLFeatureNotSupportedException generatedKeys() {
    return new SQLFeatureNotSupportedException("convosql generates no keys: statements only read, and"
        + " DELETE returns its count; leave out RETURN_GENERATED_KEYS and key columns", "0A000");
  }
}
