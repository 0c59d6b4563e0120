package io.convosql.driver;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's functions for "now" and "this day" that Calcite's PostgreSQL library lacks, written as
 * the standard calls they mean before validation: {@code now()} is {@code CURRENT_TIMESTAMP} (as
 * PostgreSQL defines it), {@code date_trunc('day', t)} is {@code FLOOR(t TO DAY)} for a unit written
 * as a literal (second, minute, hour, day, month, quarter, year; 'week' is its Monday, as in
 * PostgreSQL), {@code to_timestamp(text, format)} is cast to TIMESTAMP (a UTC wall clock, as every
 * time here), and {@code CURRENT_DATE - 7} (a
 * date and a whole number of days) is {@code CURRENT_DATE - INTERVAL '7' DAY}; {@code EXTRACT(DOW FROM
 * t)} is PostgreSQL's 0 (Sunday) to 6 ({@link #sundayZero}). Being the standard
 * calls, they push down as those do. A {@code now()} of the connection's own functions, or BigQuery's
 * {@code DATE_TRUNC(date, DAY)}, is left as it is.
 */
final class PostgresqlCalls {
  private static final Map<String, TimeUnit> TRUNCATED = Map.of("second", TimeUnit.SECOND,
      "minute", TimeUnit.MINUTE, "hour", TimeUnit.HOUR, "day", TimeUnit.DAY, "month", TimeUnit.MONTH,
      "quarter", TimeUnit.QUARTER, "year", TimeUnit.YEAR);

  private PostgresqlCalls() {}

  /** The standard call for this one, or the call itself. */
  static SqlNode rewrite(SqlCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (name.equals("NOW") && call.operandCount() == 0
        && call.getOperator() instanceof SqlUnresolvedFunction) {
      return SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(call.getParserPosition());
    }
    // BigQuery's DATE_TRUNC(date, DAY), which the parser knows, never has a string first
    if (name.equals("DATE_TRUNC") && call.operandCount() == 2
        && call.operand(0) instanceof SqlCharStringLiteral unit) {
      TimeUnit t = TRUNCATED.get(unit.getValueAs(String.class).strip().toLowerCase(Locale.ROOT));
      if (t != null) {
        return SqlStdOperatorTable.FLOOR.createCall(call.getParserPosition(), call.operand(1),
            new SqlIntervalQualifier(t, null, unit.getParserPosition()));
      }
      if (unit.getValueAs(String.class).strip().equalsIgnoreCase("week")) {
        return mondayOfWeek(call.operand(1), call.getParserPosition());
      }
    }
    // PostgreSQL's to_timestamp(text, format) is a timestamptz, which Calcite cannot fold when it
    // meets a time column (an AssertionError), when its operands are constants; here a time is a
    // UTC wall clock: cast to TIMESTAMP (a ? is left as it was: TextParameters types it as text)
    if (call.getOperator() == SqlLibraryOperators.TO_TIMESTAMP_PG && !hasParameter(call)) {
      SqlParserPos pos = call.getParserPosition();
      return SqlStdOperatorTable.CAST.createCall(pos, call,
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, pos), pos));
    }
    // PostgreSQL's date ± integer (days), where the date is CURRENT_DATE or a DATE literal
    if ((call.getKind() == SqlKind.MINUS || call.getKind() == SqlKind.PLUS) && call.operandCount() == 2
        && days(call.operand(0)) && call.operand(1) instanceof SqlNumericLiteral n && n.isInteger()) {
      BigDecimal value = n.getValueAs(BigDecimal.class);
      SqlIntervalLiteral interval = SqlLiteral.createInterval(value.signum() < 0 ? -1 : 1,
          value.abs().toPlainString(), new SqlIntervalQualifier(TimeUnit.DAY, null, n.getParserPosition()),
          n.getParserPosition());
      return call.getOperator().createCall(call.getParserPosition(), call.operand(0), interval);
    }
    return call;
  }

  /**
   * Whether {@code node} is {@code EXTRACT(DOW FROM t)} or {@code DATE_PART('dow', t)} as the SQL wrote
   * it: not MySQL's and JDBC's {@code DAYOFWEEK(t)} (1 for Sunday to 7), which Calcite rewrites into
   * such an EXTRACT.
   */
  static boolean dayOfWeek(SqlNode node) {
    return node instanceof SqlCall call && call.getKind() == SqlKind.EXTRACT && call.operandCount() == 2
        && (call.operand(0) instanceof SqlIntervalQualifier q && q.timeUnitRange == TimeUnitRange.DOW
            || call.operand(0) instanceof SqlCharStringLiteral unit
                && unit.getValueAs(String.class).strip().equalsIgnoreCase("dow"));
  }

  /**
   * PostgreSQL's day of the week, 0 for Sunday to 6 for Saturday, for {@link #dayOfWeek}'s call:
   * {@code MOD(EXTRACT(ISODOW FROM t), 7)} (ISODOW is 1 for Monday to 7 for Sunday). Calcite's DOW is 1
   * for Sunday to 7, so {@code WHERE EXTRACT(DOW FROM t) IN (0, 6)}, PostgreSQL's weekend, found the
   * Fridays.
   */
  static SqlNode sundayZero(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    SqlNode isoDow = SqlStdOperatorTable.EXTRACT.createCall(pos,
        new SqlIntervalQualifier(TimeUnit.ISODOW, null, call.operand(0).getParserPosition()), call.operand(1));
    return SqlStdOperatorTable.MOD.createCall(pos, isoDow, SqlStdOperatorTable.CAST.createCall(pos,
        SqlLiteral.createExactNumeric("7", pos), new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos), pos)));
  }

  /**
   * PostgreSQL's week, from Monday (ISO 8601): FLOOR(t TO WEEK) gives the Sunday on or before t, so
   * the Sunday on or before the day before t, plus a day.
   */
  private static SqlNode mondayOfWeek(SqlNode time, SqlParserPos pos) {
    SqlNode dayBefore = SqlStdOperatorTable.MINUS.createCall(pos, time, day(pos));
    SqlNode sunday = SqlStdOperatorTable.FLOOR.createCall(pos, dayBefore,
        new SqlIntervalQualifier(TimeUnit.WEEK, null, pos));
    return SqlStdOperatorTable.PLUS.createCall(pos, sunday, day(pos));
  }

  private static boolean hasParameter(SqlNode node) {
    return node instanceof SqlDynamicParam || node instanceof SqlCall c
        && c.getOperandList().stream().anyMatch(o -> o != null && hasParameter(o));
  }

  private static SqlIntervalLiteral day(SqlParserPos pos) {
    return SqlLiteral.createInterval(1, "1", new SqlIntervalQualifier(TimeUnit.DAY, null, pos), pos);
  }

  /**
   * Whether the operand is a date PostgreSQL adds days to: CURRENT_DATE (which the parser may still
   * hold as a name, resolved later) or a DATE literal.
   */
  private static boolean days(SqlNode operand) {
    return operand instanceof SqlDateLiteral
        || operand instanceof SqlUnknownLiteral u && u.tag.equalsIgnoreCase("DATE") // not yet typed
        || operand instanceof SqlCall c && c.getOperator() == SqlStdOperatorTable.CURRENT_DATE
        || operand instanceof SqlIdentifier id && id.isSimple()
            && id.getSimple().equalsIgnoreCase("CURRENT_DATE");
  }
}
