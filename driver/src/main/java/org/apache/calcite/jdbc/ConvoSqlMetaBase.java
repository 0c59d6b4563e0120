package org.apache.calcite.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;

/**
 * Opens {@link CalciteMetaImpl}'s constructor to convosql's metadata ({@code
 * io.convosql.driver.ConvoSqlMeta}): the constructor takes the package-private {@code
 * CalciteConnectionImpl}, which no class outside this package can name, and Calcite's connection
 * requires its metadata to be a {@code CalciteMetaImpl}. This class does nothing else.
 */
public abstract class ConvoSqlMetaBase extends CalciteMetaImpl {
  protected ConvoSqlMetaBase(AvaticaConnection connection, CalciteMetaTableFactory tables,
      CalciteMetaColumnFactory columns) {
    super((CalciteConnectionImpl) connection, tables, columns);
  }
}
