package io.convosql.driver;

import java.math.BigDecimal;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A prepared statement's parameter metadata as binding code reads it (Spring's
 * {@code StatementCreatorUtils}, ORMs choosing a setter): Calcite's, except that
 * {@code getParameterClassName} is the Java class JDBC maps the parameter's type to (Calcite said
 * {@code java.lang.Object} for all), a number parameter {@code isSigned} (Calcite said none was),
 * and text of no set length has ResultSetMetaData's precision (Calcite said 0).
 */
final class ParameterTypes implements ParameterMetaData {
  private final ParameterMetaData calcite;

  ParameterTypes(ParameterMetaData calcite) {
    this.calcite = calcite;
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return switch (calcite.getParameterType(param)) {
      case Types.BOOLEAN, Types.BIT -> Boolean.class.getName();
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Integer.class.getName();
      case Types.BIGINT -> Long.class.getName();
      case Types.REAL -> Float.class.getName();
      case Types.FLOAT, Types.DOUBLE -> Double.class.getName();
      case Types.DECIMAL, Types.NUMERIC -> BigDecimal.class.getName();
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR -> String.class.getName();
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> byte[].class.getName();
      case Types.DATE -> java.sql.Date.class.getName();
      case Types.TIME -> java.sql.Time.class.getName();
      case Types.TIMESTAMP -> java.sql.Timestamp.class.getName();
      default -> calcite.getParameterClassName(param);
    };
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return switch (calcite.getParameterType(param)) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT,
          Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }

  @Override
  public int getParameterCount() throws SQLException {
    return calcite.getParameterCount();
  }

  @Override
  public int isNullable(int param) throws SQLException {
    return calcite.isNullable(param);
  }

  /** Calcite's, except that text and bytes of no set length are as long as the result set says. */
  @Override
  public int getPrecision(int param) throws SQLException {
    return ShownSizes.precision(calcite.getPrecision(param), calcite.getParameterType(param));
  }

  @Override
  public int getScale(int param) throws SQLException {
    return calcite.getScale(param);
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    return calcite.getParameterType(param);
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return calcite.getParameterTypeName(param);
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    return calcite.getParameterMode(param);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper of " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
