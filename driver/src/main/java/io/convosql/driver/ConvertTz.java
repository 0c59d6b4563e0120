package io.convosql.driver;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The {@code convert_tz(t, from, to)} SQL function, as MySQL names it: the wall clock {@code t} read
 * in zone {@code from}, as the wall clock of the same instant in zone {@code to}. The tables'
 * timestamps are UTC, so {@code convert_tz(started_at, 'UTC', 'America/New_York')} is New York's
 * time of day, for grouping by local day. Zones are IANA names in any case
 * ({@code Europe/Berlin}), {@code UTC}, or offsets ({@code +05:30}, MySQL's {@code +5:30}); an
 * unknown zone fails with 22023 rather than giving NULL as MySQL does.
 *
 * <p>It works on Calcite's own form of a timestamp (milliseconds of the UTC wall clock), never a
 * {@code java.sql.Timestamp}, whose conversions go through the JVM's zone and move a wall clock in the
 * hour that zone skips in spring. NULL in, NULL out. Public only for the code Calcite generates.
 */
public final class ConvertTz implements ScalarFunction, ImplementableFunction {
  /** The name SQL calls it by. */
  static final String NAME = "convert_tz";
  private static final ConvertTz INSTANCE = new ConvertTz();
  private static final Pattern ONE_DIGIT_HOUR = Pattern.compile("^([+-])(\\d:\\d\\d)$");
  private static final List<FunctionParameter> PARAMETERS = List.of(
      parameter(0, "t", SqlTypeName.TIMESTAMP), parameter(1, "from_zone", SqlTypeName.VARCHAR),
      parameter(2, "to_zone", SqlTypeName.VARCHAR));

  private ConvertTz() {}

  /** The function as the root schema holds it. */
  static ConvertTz function() {
    return INSTANCE;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return PARAMETERS;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3), true);
  }

  /** A call of {@link #convert} on the operands as Calcite holds them; NULL when any is NULL. */
  @Override
  public CallImplementor getImplementor() {
    return RexImpTable.createImplementor((translator, call, operands) ->
        Expressions.call(ConvertTz.class, "convert", operands), NullPolicy.STRICT, false);
  }

  /**
   * The UTC-wall-clock milliseconds {@code t} read in zone {@code from}, as the wall clock of the same
   * instant in zone {@code to}, in the same form.
   */
  public static long convert(long t, String from, String to) {
    LocalDateTime wall = LocalDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC);
    LocalDateTime moved = wall.atZone(zone(from)).withZoneSameInstant(zone(to)).toLocalDateTime();
    return moved.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static ZoneId zone(String name) {
    String z = ONE_DIGIT_HOUR.matcher(name.strip()).replaceFirst("$10$2"); // MySQL's +5:30
    try {
      return ZoneId.of(z, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(z)) {
          return ZoneId.of(id);
        }
      }
      throw new SqlStateException("convert_tz: '" + name + "' is not a time zone: write an IANA name"
          + " such as 'America/New_York' or 'Europe/Berlin', 'UTC', or an offset such as '+05:30'",
          "22023");
    }
  }

  private static FunctionParameter parameter(int ordinal, String name, SqlTypeName type) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        RelDataType t = type == SqlTypeName.TIMESTAMP ? typeFactory.createSqlType(type, 3) // as the tables'
            : typeFactory.createSqlType(type);
        return typeFactory.createTypeWithNullability(t, true);
      }

      @Override
      public boolean isOptional() {
        return false;
      }
    };
  }

  @Override
  public String toString() {
    return NAME;
  }
}
