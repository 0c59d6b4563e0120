package io.convosql.driver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * {@code TRUNC}, as PostgreSQL and Oracle users type it (before, "No match found for function signature
 * TRUNC"). Of a number, {@code TRUNC(x [, n])} is {@code TRUNCATE(x [, n])}: x cut toward zero to n
 * places after the point (0 when left out; before it when negative), of x's type ({@code TRUNC(-7.45,
 * 1)} is {@code -7.40}, {@code TRUNC(7.9e0)} {@code 7.0}). Of a DATE or TIMESTAMP, {@code TRUNC(t [,
 * 'unit'])} is Oracle's: the start of t's day, or of the unit Oracle's format names, as FLOOR(t TO unit)
 * gives it: 'YYYY' (or 'YEAR', 'YYY', 'YY', 'Y', 'SYYYY', 'SYEAR'), 'Q', 'MM' ('MONTH', 'MON', 'RM'),
 * 'IW' (the Monday of its ISO week), 'DD' ('DDD', 'J'), 'HH' ('HH12', 'HH24'), 'MI'; of t's type. Any
 * other unit, and one that is no literal, fails with 22023 naming these and {@code date_trunc}
 * (Oracle's 'DAY', a week's first day by the locale, is among them).
 */
final class TruncFunction {
  /** The function, taking a number and an optional INTEGER, or a date or timestamp and optional text. */
  static final SqlFunction TRUNC = SqlBasicFunction.create("TRUNC", ReturnTypes.ARG0_NULLABLE,
      OperandTypes.or(OperandTypes.NUMERIC_OPTIONAL_INTEGER, OperandTypes.family(SqlTypeFamily.DATE),
          OperandTypes.family(SqlTypeFamily.TIMESTAMP),
          OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER)),
      SqlFunctionCategory.NUMERIC);

  /** Oracle's format elements for TRUNC of a date, and the unit each truncates to (null: 'IW'). */
  private static final Map<String, TimeUnitRange> UNITS = Map.ofEntries(
      Map.entry("SYYYY", TimeUnitRange.YEAR), Map.entry("YYYY", TimeUnitRange.YEAR),
      Map.entry("YEAR", TimeUnitRange.YEAR), Map.entry("SYEAR", TimeUnitRange.YEAR),
      Map.entry("YYY", TimeUnitRange.YEAR), Map.entry("YY", TimeUnitRange.YEAR),
      Map.entry("Y", TimeUnitRange.YEAR), Map.entry("Q", TimeUnitRange.QUARTER),
      Map.entry("MONTH", TimeUnitRange.MONTH), Map.entry("MON", TimeUnitRange.MONTH),
      Map.entry("MM", TimeUnitRange.MONTH), Map.entry("RM", TimeUnitRange.MONTH),
      Map.entry("IW", TimeUnitRange.WEEK), Map.entry("DDD", TimeUnitRange.DAY),
      Map.entry("DD", TimeUnitRange.DAY), Map.entry("J", TimeUnitRange.DAY),
      Map.entry("HH", TimeUnitRange.HOUR), Map.entry("HH12", TimeUnitRange.HOUR),
      Map.entry("HH24", TimeUnitRange.HOUR), Map.entry("MI", TimeUnitRange.MINUTE));

  private TruncFunction() {}

  /** Calcite's conversion of calls, with TRUNC converted to TRUNCATE of a number, FLOOR of a time. */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> call.getOperator() != TRUNC ? calcite.get(call) : TruncFunction::convert;
  }

  private static RexNode convert(SqlRexContext cx, SqlCall call) {
    RexBuilder rex = cx.getRexBuilder();
    RelDataType type = cx.getValidator().getValidatedNodeType(call);
    List<RexNode> operands = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      operands.add(cx.convertExpression(operand));
    }
    RexNode x = operands.get(0);
    if (!SqlTypeUtil.isDatetime(x.getType())) {
      return rex.makeCall(type, SqlStdOperatorTable.TRUNCATE, operands);
    }
    TimeUnitRange unit = call.operandCount() == 1 ? TimeUnitRange.DAY : unit(call.operand(1));
    if (unit != TimeUnitRange.WEEK) {
      return rex.makeCall(type, SqlStdOperatorTable.FLOOR, List.of(x, rex.makeFlag(unit)));
    }
    // the ISO week's Monday: FLOOR TO WEEK gives the Sunday on or before, so that of the day before, plus a day
    RexNode dayBefore = rex.makeCall(type, SqlStdOperatorTable.DATETIME_PLUS, List.of(x, days(rex, -1)));
    RexNode sunday = rex.makeCall(type, SqlStdOperatorTable.FLOOR, List.of(dayBefore, rex.makeFlag(unit)));
    return rex.makeCall(type, SqlStdOperatorTable.DATETIME_PLUS, List.of(sunday, days(rex, 1)));
  }

  private static RexNode days(RexBuilder rex, int days) {
    return rex.makeIntervalLiteral(BigDecimal.valueOf(days * 86_400_000L),
        new SqlIntervalQualifier(TimeUnit.DAY, null, SqlParserPos.ZERO));
  }

  /** The unit a format element written as a literal names; 22023 for any other. */
  private static TimeUnitRange unit(SqlNode format) {
    String written = format instanceof SqlCharStringLiteral literal
        ? literal.getValueAs(String.class).strip().toUpperCase(Locale.ROOT) : null;
    TimeUnitRange unit = written == null ? null : UNITS.get(written);
    if (unit == null) {
      throw new SqlStateException("TRUNC(t, format) of a date or timestamp takes Oracle's formats,"
          + " written as a literal: 'YYYY', 'Q', 'MM', 'IW' (the week from Monday), 'DD', 'HH' or 'MI'"
          + (written == null ? "" : ", not '" + written + "'") + "; or write date_trunc('week', t)"
          + " (also 'second', 'minute', 'hour', 'day', 'month', 'quarter', 'year')", "22023");
    }
    return unit;
  }
}
