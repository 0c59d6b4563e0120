package org.apache.calcite.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * Opens {@link CalciteMetaImpl}'s constructor to convosql's metadata ({@code
 * io.convosql.driver.ConvoSqlMeta}): the constructor takes the package-private {@code
 * CalciteConnectionImpl}, which no class outside this package can name, and Calcite's connection
 * requires its metadata to be a {@code CalciteMetaImpl}. Also plans a prepared statement again for
 * a new {@code setMaxRows} ({@link #replan}), which needs the same package-private pieces.
 */
public abstract class ConvoSqlMetaBase extends CalciteMetaImpl {
  protected ConvoSqlMetaBase(AvaticaConnection connection, CalciteMetaTableFactory tables,
      CalciteMetaColumnFactory columns) {
    super((CalciteConnectionImpl) connection, tables, columns);
  }

  /**
   * Plans a prepared statement's SQL again as Calcite plans {@code Statement.executeQuery} under
   * {@code setMaxRows(maxRowCount)} (-1 for none), and makes that plan the one its next execution
   * runs. Calcite plans a prepared statement once, when it is prepared, with no maximum.
   */
  public static void replan(Connection connection, AvaticaStatement statement, long maxRowCount)
      throws SQLException {
    CalciteConnectionImpl calcite = connection.unwrap(CalciteConnectionImpl.class);
    Meta.StatementHandle handle = statement.handle;
    org.apache.calcite.server.CalciteServerStatement server;
    try {
      server = calcite.server.getStatement(handle);
    } catch (org.apache.calcite.avatica.NoSuchStatementException e) {
      throw new SQLException("The statement is closed: create a new one", "HY010", e);
    }
    Meta.Signature current = server.getSignature();
    if (current == null || current.sql == null) {
      return;
    }
    CalcitePrepare.CalciteSignature<Object> planned =
        calcite.parseQuery(CalcitePrepare.Query.of(current.sql), server.createPrepareContext(), maxRowCount);
    server.setSignature(planned);
    handle.signature = planned;
  }
}
