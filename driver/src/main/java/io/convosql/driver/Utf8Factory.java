package io.convosql.driver;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import java.util.function.Function;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalciteJdbc41Factory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.jdbc.UtcClockConnection;
import org.apache.calcite.rel.type.DelegatingTypeSystem;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's JDBC factory, except that a connection's types default to UTF-8 rather than Calcite's
 * JVM-wide {@code calcite.default.charset} (ISO-8859-1 unless set), so that any text the driver
 * returns, Hebrew, Chinese or emoji, can be written back as a literal. Only this driver's
 * connections change; other Calcite connections in the JVM keep their default. The driver's own
 * factory also makes its {@link ConvoSqlDatabaseMetaData}, and connections whose current time is
 * UTC's ({@link UtcClockConnection}).
 */
public final class Utf8Factory extends CalciteFactory {
  private final CalciteJdbc41Factory calcite = new CalciteJdbc41Factory();
  private final @Nullable Function<AvaticaConnection, @Nullable String> urls;

  /** A factory with Calcite's own DatabaseMetaData (Avatica may create it by its class name). */
  public Utf8Factory() {
    this(null);
  }

  /**
   * A factory whose DatabaseMetaData is {@link ConvoSqlDatabaseMetaData}.
   *
   * @param urls the URL each connection was opened with, its secrets masked
   */
  Utf8Factory(@Nullable Function<AvaticaConnection, @Nullable String> urls) {
    super(4, 1);
    this.urls = urls;
  }

  @Override
  public AvaticaConnection newConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info, @Nullable CalciteSchema rootSchema, @Nullable JavaTypeFactory typeFactory) {
    // The driver's connections start without Calcite's "metadata" schema, which Schemas would remove
    // at once (building it and walking it for lattices is part of every getConnection otherwise)
    CalciteSchema root = rootSchema == null && urls != null ? CalciteSchema.createRootSchema(false)
        : rootSchema;
    JavaTypeFactory types = typeFactory != null ? typeFactory : new Utf8Types(typeSystem(info));
    if (urls == null) {
      return calcite.newConnection(driver, factory, url, info, root, types);
    }
    // the driver's own connections: CURRENT_TIMESTAMP on the UTC clock of the APIs' timestamps
    return new UtcClockConnection((org.apache.calcite.jdbc.Driver) driver, factory, url, info, root, types);
  }

  /**
   * The type system Calcite would give the connection (its {@code typeSystem}), except:
   * <ul>
   *   <li>strings of different lengths that meet in one value (the branches of a CASE, the rows of
   *       VALUES, an ARRAY's elements, a UNION's columns) are VARCHAR, as text is in PostgreSQL.
   *       Calcite made them a CHAR of the longest length, padded with spaces, under every
   *       conformance but a few (not LENIENT, the connection's), so {@code name = CASE WHEN x THEN
   *       'Staging' ELSE 'QA Regression' END} compared {@code 'Staging      '} and lost the row;
   *   <li>the SUM of a TINYINT, SMALLINT or INTEGER column is a BIGINT, as in PostgreSQL: with checked
   *       arithmetic ({@link MaxRowsProgram}) a sum past 2,147,483,647 would fail, where Calcite's
   *       own INTEGER sum wraps around silently;
   *   <li>the AVG of a TINYINT, SMALLINT, INTEGER or BIGINT column is a DOUBLE, as in Spark and SQLite
   *       (PostgreSQL and MySQL give a DECIMAL), so the fraction is kept: Calcite's average had the
   *       column's type, and the AVG of 1, 2 and 2 was 1. STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP
   *       take their type from the same place and are DOUBLEs of such columns too. Calcite computes
   *       each of them (grouped, DISTINCT or over a window) from the exact BIGINT SUM cast to this
   *       type before the division, so the answer does not depend on the order of the rows.
   * </ul>
   */
  private static RelDataTypeSystem typeSystem(Properties info) {
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(info);
    RelDataTypeSystem system = config.typeSystem(RelDataTypeSystem.class, RelDataTypeSystem.DEFAULT);
    return new DelegatingTypeSystem(system) {
      @Override
      public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
      }

      @Override
      public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        SqlTypeName name = argumentType.getSqlTypeName();
        if (name == SqlTypeName.TINYINT || name == SqlTypeName.SMALLINT || name == SqlTypeName.INTEGER) {
          return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT),
              argumentType.isNullable());
        }
        return super.deriveSumType(typeFactory, argumentType);
      }

      @Override
      public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeName.INT_TYPES.contains(argumentType.getSqlTypeName())) {
          return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
              argumentType.isNullable());
        }
        return super.deriveAvgAggType(typeFactory, argumentType);
      }
    };
  }

  /** Java types whose character strings are UTF-8. */
  private static final class Utf8Types extends JavaTypeFactoryImpl {
    Utf8Types(RelDataTypeSystem system) {
      super(system);
    }

    @Override
    public Charset getDefaultCharset() {
      return StandardCharsets.UTF_8;
    }
  }

  @Override
  public AvaticaStatement newStatement(AvaticaConnection connection, Meta.@Nullable StatementHandle h,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
    return calcite.newStatement(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection,
      Meta.@Nullable StatementHandle h, Meta.Signature signature, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return calcite.newPreparedStatement(connection, h, signature, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  @Override
  public AvaticaResultSet newResultSet(AvaticaStatement statement, QueryState state,
      Meta.Signature signature, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    return calcite.newResultSet(statement, state, signature, timeZone, firstFrame);
  }

  @Override
  public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    Function<AvaticaConnection, @Nullable String> opened = urls;
    return opened == null ? calcite.newDatabaseMetaData(connection)
        : new ConvoSqlDatabaseMetaData(connection, () -> opened.apply(connection));
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement, Meta.Signature signature)
      throws SQLException {
    ResultSetMetaData metaData = calcite.newResultSetMetaData(statement, signature);
    return urls == null ? metaData : new ShownSizes(metaData); // the driver's own: tools' column widths
  }
}
