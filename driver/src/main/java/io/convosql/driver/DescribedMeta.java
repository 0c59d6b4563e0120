package io.convosql.driver;

import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.Column;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of {@code getTables} and {@code getColumns} as SQL tools want them: REMARKS from each API
 * table's and column's description, and TYPE_NAME as the plain SQL type ({@code VARCHAR},
 * {@code TIMESTAMP}) rather than Calcite's full type string. Plugged into Calcite's own metadata
 * through its table and column factories, so everything else (patterns, order) stays Calcite's.
 */
final class DescribedMeta {
  private static final int TIMESTAMP_MILLIS_LENGTH = 23;

  private DescribedMeta() {}

  /** Makes {@link DescribedTable} rows. */
  static final CalciteMetaTableFactory TABLES = new CalciteMetaTableFactory() {
    @Override
    public MetaImpl.MetaTable createTable(Table table, String catalog, String schema, String name) {
      return new DescribedTable(table, catalog, schema, name,
          table instanceof ApiTable api ? api.description()
              : table instanceof RequestsTable ? RequestsTable.DESCRIPTION : null);
    }

    @Override
    public Class<? extends MetaImpl.MetaTable> getMetaTableClass() {
      return DescribedTable.class;
    }
  };

  /** Makes {@link DescribedColumn} rows. */
  static final CalciteMetaColumnFactory COLUMNS = new CalciteMetaColumnFactory() {
    @Override
    public MetaImpl.MetaColumn createColumn(Table table, String catalog, String schema,
        String tableName, String columnName, int dataType, String typeName, Integer columnSize,
        Integer decimalDigits, int radix, int nullable, Integer charOctetLength, int ordinal,
        String isNullable) {
      Column column = table instanceof ApiTable api ? find(api.columns(), columnName) : null;
      boolean millis = dataType == Types.TIMESTAMP;
      boolean key = table instanceof ApiTable api && api.primaryKey().contains(columnName);
      return new DescribedColumn(catalog, schema, tableName, columnName, dataType,
          column != null ? column.type().getName() : plain(typeName),
          // JDBC's size of a timestamp is its length as text (yyyy-mm-dd hh:mm:ss.fff); the
          // fractional digits are its decimal digits
          millis ? TIMESTAMP_MILLIS_LENGTH : size(dataType, columnSize),
          millis ? (Integer) 3 : decimalDigits, radix,
          key ? DatabaseMetaData.columnNoNulls : nullable, charOctetLength, ordinal,
          key ? "NO" : isNullable,
          column != null ? column.description()
              : table instanceof RequestsTable ? RequestsTable.COLUMN_DESCRIPTIONS.get(columnName) : null);
    }

    @Override
    public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
      return DescribedColumn.class;
    }
  };

  /**
   * COLUMN_SIZE: Calcite's precision when the type has one, else the JDBC size of the type: the
   * digits of a number, the length of a date or time as text, and for text without a declared
   * length the largest a Java string holds (as pgjdbc reports {@code text}).
   */
  static @Nullable Integer size(int dataType, @Nullable Integer given) {
    if (given != null && given >= 0) {
      return given;
    }
    return switch (dataType) {
      case Types.BOOLEAN, Types.BIT -> 1;
      case Types.TINYINT -> 3;
      case Types.SMALLINT -> 5;
      case Types.INTEGER -> 10;
      case Types.BIGINT -> 19;
      case Types.REAL -> 7;
      case Types.FLOAT, Types.DOUBLE -> 15;
      case Types.DATE -> 10;
      case Types.TIME -> 8;
      case Types.CHAR, Types.VARCHAR, Types.BINARY, Types.VARBINARY -> Integer.MAX_VALUE;
      default -> given;
    };
  }

  private static @Nullable Column find(List<Column> columns, String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /** {@code VARCHAR(10) NOT NULL} becomes {@code VARCHAR}. */
  static String plain(String typeName) {
    int end = typeName.length();
    for (char stop : new char[] {'(', ' '}) {
      int i = typeName.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return typeName.substring(0, end);
  }

  /** A {@code getTables} row with REMARKS (the field hides the always-null one it extends). */
  public static final class DescribedTable extends CalciteMetaImpl.CalciteMetaTable {
    public final @Nullable String remarks;

    DescribedTable(Table table, String catalog, String schema, String name, @Nullable String remarks) {
      super(table, catalog, schema, name);
      this.remarks = remarks;
    }
  }

  /** A {@code getColumns} row with REMARKS (the field hides the always-null one it extends). */
  public static final class DescribedColumn extends MetaImpl.MetaColumn {
    public final @Nullable String remarks;

    DescribedColumn(String catalog, String schema, String table, String name, int dataType,
        String typeName, Integer columnSize, Integer decimalDigits, int radix, int nullable,
        Integer charOctetLength, int ordinal, String isNullable, @Nullable String remarks) {
      super(catalog, schema, table, name, dataType, typeName, columnSize, decimalDigits, radix,
          nullable, charOctetLength, ordinal, isNullable, "NO", "NO");
      this.remarks = remarks;
    }
  }
}
