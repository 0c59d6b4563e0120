package io.convosql.driver;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A result set's metadata as reporting tools size their columns by it: Calcite's, except that
 * {@code getColumnDisplaySize} is the width of the value as text (Calcite gave -1 for text without
 * a length, 3 for a TIMESTAMP(3), 0 for a DATE, and left out signs and decimal points), {@code
 * getPrecision} of text without a length is getColumns' COLUMN_SIZE, and every column is searchable
 * (each can be used in a WHERE clause; Calcite said none was).
 */
final class ShownSizes implements ResultSetMetaData {
  private final ResultSetMetaData calcite;

  ShownSizes(ResultSetMetaData calcite) {
    this.calcite = calcite;
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    int precision = calcite.getPrecision(column);
    int scale = calcite.getScale(column);
    return switch (calcite.getColumnType(column)) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> precision > 0 ? precision : Integer.MAX_VALUE;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> 19 + (precision > 0 ? precision + 1 : 0);
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> 8 + (precision > 0 ? precision + 1 : 0);
      case Types.DATE -> 10;
      case Types.BOOLEAN, Types.BIT -> 5; // false
      case Types.TINYINT -> 4;
      case Types.SMALLINT -> 6;
      case Types.INTEGER -> 11;
      case Types.BIGINT -> 20;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> 24; // -1.7976931348623157E308
      case Types.DECIMAL, Types.NUMERIC -> precision + (scale > 0 ? 1 : 0) + 1; // sign and point
      default -> calcite.getColumnDisplaySize(column);
    };
  }

  @Override
  public boolean isSearchable(int column) {
    return true;
  }

  @Override
  public int getColumnCount() throws SQLException {
    return calcite.getColumnCount();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return calcite.isAutoIncrement(column);
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return calcite.isCaseSensitive(column);
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    return calcite.isCurrency(column);
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return calcite.isNullable(column);
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return calcite.isSigned(column);
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return calcite.getColumnLabel(column);
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return calcite.getColumnName(column);
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return calcite.getSchemaName(column);
  }

  /**
   * Calcite's, except that text and bytes of no set length have the largest size a Java string holds,
   * as {@code getColumns} gives in COLUMN_SIZE (and pgjdbc for {@code text}); Calcite said 0.
   */
  @Override
  public int getPrecision(int column) throws SQLException {
    return precision(calcite.getPrecision(column), calcite.getColumnType(column));
  }

  /** Calcite's precision of a value of the JDBC type, the largest for text or bytes of no set length. */
  static int precision(int precision, int type) {
    return precision <= 0 && unsized(type) ? Integer.MAX_VALUE : precision;
  }

  /** Whether the type is text or bytes, whose precision is a length. */
  private static boolean unsized(int type) {
    return switch (type) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> true;
      default -> false;
    };
  }

  @Override
  public int getScale(int column) throws SQLException {
    return calcite.getScale(column);
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return calcite.getTableName(column);
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    return calcite.getCatalogName(column);
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return calcite.getColumnType(column);
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return calcite.getColumnTypeName(column);
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    return calcite.isReadOnly(column);
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return calcite.isWritable(column);
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    return calcite.isDefinitelyWritable(column);
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return calcite.getColumnClassName(column);
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : calcite.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || calcite.isWrapperFor(type);
  }
}
