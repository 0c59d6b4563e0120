package io.convosql.driver;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.ServerStatements;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's JDBC-backed meta for the remote server: each client connection is a convosql connection
 * opened with the server's properties (keys, URLs) plus the few the client may set
 * ({@link ClientPropertyPolicy}). Avatica would otherwise let a client's properties override the
 * server's. Errors reach the client with their SQLState ({@link ServerErrors}), and every statement
 * runs under the server's query timeout, which stands in for the client's (the protocol does not
 * carry {@code setQueryTimeout}).
 */
final class ServerMeta extends JdbcMeta {
  private final int queryTimeoutSeconds;

  /** @param queryTimeoutSeconds the query timeout of every statement; 0 for none */
  ServerMeta(Properties serverProperties, int queryTimeoutSeconds) throws SQLException {
    super(ConvoSqlDriver.PREFIX, serverProperties);
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    Map<String, String> allowed;
    try {
      allowed = ClientPropertyPolicy.filter(info == null ? Map.of() : info);
    } catch (SQLException e) {
      throw new IllegalArgumentException(e.getMessage(), e); // Avatica sends the message to the client
    }
    super.openConnection(ch, allowed);
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    return timed(super.createStatement(ch));
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    try {
      return timed(super.prepare(ch, sql, maxRowCount));
    } catch (RuntimeException e) {
      throw ServerErrors.carry(e);
    }
  }

  /** Sets the server's query timeout on the statement behind the handle. */
  private StatementHandle timed(StatementHandle h) {
    Statement s = ServerStatements.of(getStatementCache().getIfPresent(h.id));
    if (s != null && queryTimeoutSeconds > 0) {
      try {
        s.setQueryTimeout(queryTimeoutSeconds);
      } catch (SQLException e) {
        throw ServerErrors.carry(new IllegalStateException(e));
      }
    }
    return h;
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    try {
      return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
    } catch (RuntimeException e) {
      throw ServerErrors.carry(e);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    try {
      return super.execute(h, parameterValues, maxRowsInFirstFrame);
    } catch (RuntimeException e) {
      throw ServerErrors.carry(e);
    }
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    try {
      return super.fetch(h, offset, fetchMaxRowCount);
    } catch (RuntimeException e) {
      throw ServerErrors.carry(e);
    }
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    try {
      return super.prepareAndExecuteBatch(h, sqlCommands);
    } catch (RuntimeException e) {
      throw ServerErrors.carry(e);
    }
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    try {
      return super.executeBatch(h, parameterValues);
    } catch (RuntimeException e) {
      throw ServerErrors.carry(e);
    }
  }
}
