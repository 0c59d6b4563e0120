package io.convosql.driver;

import static org.apache.calcite.util.Static.RESOURCE;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorImpl;

/**
 * {@code DAYNAME} and {@code MONTHNAME} of what has no day: Calcite accepts a {@code TIME} and an
 * untyped {@code NULL} and then fails generating code with an {@code AssertionError} ("unknown type
 * TIME(0)"), which reached the caller as no SQLException at all. {@code DAYNAME(NULL)} is NULL, as in
 * MySQL; of a time it is an error naming the types it takes. Likewise a time of day truncated to a
 * day, week, month, quarter or year ({@code date_trunc('week', t)}, {@code FLOOR(t TO WEEK)}), which
 * Calcite answered with a meaningless time (09:59:59 for 10:00:00), fails with 22023 as PostgreSQL's
 * "unit not supported for type".
 */
final class PeriodNames {
  private static final Set<TimeUnit> DAY_OR_LONGER = EnumSet.of(TimeUnit.DAY, TimeUnit.WEEK,
      TimeUnit.MONTH, TimeUnit.QUARTER, TimeUnit.YEAR, TimeUnit.ISOYEAR, TimeUnit.DECADE,
      TimeUnit.CENTURY, TimeUnit.MILLENNIUM);

  private PeriodNames() {}

  /**
   * Whether the call is of DAYNAME or MONTHNAME: resolved, as parsed (not yet looked up), or JDBC's
   * escape ({@code {fn DAYNAME(…)}}, which becomes the same call while it is validated).
   */
  private static boolean is(SqlCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    return call.getOperator() == SqlLibraryOperators.DAYNAME
        || call.getOperator() == SqlLibraryOperators.MONTHNAME
        || call.getOperator() instanceof SqlUnresolvedFunction
            && (name.equals("DAYNAME") || name.equals("MONTHNAME"))
        || call.getOperator() instanceof SqlJdbcFunctionCall
            && (name.equals("{FN DAYNAME}") || name.equals("{FN MONTHNAME}"));
  }

  /** {@code DAYNAME(NULL)} as {@code DAYNAME(CAST(NULL AS TIMESTAMP))}; any other call as it is. */
  static SqlCall rewrite(SqlCall call) {
    if (call.operandCount() == 1 && SqlUtil.isNullLiteral(call.operand(0), false)
        && call instanceof SqlBasicCall basic && is(call)) {
      SqlParserPos pos = call.operand(0).getParserPosition();
      basic.setOperand(0, SqlStdOperatorTable.CAST.createCall(pos, call.operand(0),
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, pos), pos)));
    }
    return call;
  }

  /**
   * Fails for {@code FLOOR(t TO unit)} or {@code CEIL(t TO unit)} (what {@code date_trunc} becomes,
   * {@link PostgresqlCalls}) of a time of day {@code t} typed as {@code operand}, to a unit of a day or
   * longer.
   */
  static void checkTruncation(SqlCall call, RelDataType operand) {
    if (isTimeOfDay(operand.getSqlTypeName()) && call.operandCount() == 2
        && (call.getKind() == SqlKind.FLOOR || call.getKind() == SqlKind.CEIL)
        && call.operand(1) instanceof SqlIntervalQualifier unit
        && DAY_OR_LONGER.contains(unit.timeUnitRange.startUnit)) {
      String name = unit.timeUnitRange.startUnit.name().toLowerCase(Locale.ROOT);
      throw new SqlStateException("unit '" + name + "' is not supported for type TIME: a time of day has"
          + " no " + name + ". Truncate a TIMESTAMP (date_trunc('" + name + "', started_at)), or a TIME"
          + " to 'hour', 'minute' or 'second'", "22023");
    }
  }

  private static boolean isTimeOfDay(SqlTypeName type) {
    return type == SqlTypeName.TIME || type == SqlTypeName.TIME_WITH_LOCAL_TIME_ZONE
        || type == SqlTypeName.TIME_TZ;
  }

  /** Fails for a call whose operand, typed as {@code operand}, is a time of day. */
  static void check(SqlValidatorImpl validator, SqlCall call, RelDataType operand) {
    if (isTimeOfDay(operand.getSqlTypeName()) && is(call)) { // the type first: this runs for every call
      String name = call.getOperator().getName().replaceAll("^\\{fn (.*)}$", "$1");
      throw validator.newValidationError(call, RESOURCE.canNotApplyOp2Type(name,
          "'" + name + "(<" + operand.getFullTypeString().replace(" NOT NULL", "") + ">)'",
          "'" + name + "(<DATE>)', '" + name + "(<TIMESTAMP>)'"));
    }
  }
}
