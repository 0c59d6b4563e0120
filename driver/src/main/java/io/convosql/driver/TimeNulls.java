package io.convosql.driver;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A bare NULL where a time must be is a NULL {@code TIMESTAMP}, so that the call is NULL of the type
 * it has for a time, as MySQL answers {@code YEAR(NULL)}: {@code YEAR(NULL)} (and {@code MONTH},
 * {@code HOUR}, {@code QUARTER}, {@code WEEK}, the {@code DAYOF…}s, their {@code {fn …}}),
 * {@code EXTRACT(unit FROM NULL)} and {@code DATE_PART('unit', NULL)} are a NULL BIGINT,
 * {@code LAST_DAY(NULL)} a NULL DATE, {@code date_trunc('unit', NULL)}, {@code FLOOR(NULL TO unit)},
 * {@code CEIL(NULL TO unit)} and {@code TIMESTAMPADD(unit, n, NULL)} a NULL TIMESTAMP. Before,
 * {@code YEAR(NULL)} and {@code EXTRACT} failed with 42000 naming EXTRACT ("Cannot apply 'EXTRACT' to
 * arguments of type 'EXTRACT(&lt;INTERVAL YEAR&gt; FROM &lt;NULL&gt;)'"), {@code LAST_DAY(NULL)} with
 * HY000 (Calcite's AssertionError "unknown type NULL"), {@code date_trunc('week', NULL)} with 42000
 * naming FLOOR, and {@code date_trunc('month', NULL)} was a NULL DOUBLE, {@code TIMESTAMPADD(DAY, 1,
 * NULL)} a column of type NULL. A NULL unit ({@code date_trunc(NULL, t)}) is still refused.
 */
final class TimeNulls {
  private TimeNulls() {}

  /** The call with its bare NULL time cast to TIMESTAMP; any other call as it is. */
  static SqlCall rewrite(SqlCall call) {
    if (!(call instanceof SqlBasicCall basic)) {
      return call;
    }
    int time = timeOperand(call);
    if (time >= 0 && SqlUtil.isNullLiteral(call.operand(time), false)) {
      SqlParserPos pos = call.operand(time).getParserPosition();
      basic.setOperand(time, SqlStdOperatorTable.CAST.createCall(pos, call.operand(time),
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, pos), pos)));
    }
    return call;
  }

  /** Where the call takes its time, or -1 when it is none of these functions. */
  private static int timeOperand(SqlCall call) {
    int n = call.operandCount();
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (call.getKind() == SqlKind.EXTRACT && n == 2) { // EXTRACT, DATE_PART, YEAR and the like
      return 1;
    }
    if ((call.getKind() == SqlKind.FLOOR || call.getKind() == SqlKind.CEIL) && n == 2
        && call.operand(1) instanceof SqlIntervalQualifier) {
      return 0;
    }
    if (name.equals("DATE_TRUNC") && n == 2 && call.operand(0) instanceof SqlCharStringLiteral) {
      return 1;
    }
    if (call.getOperator() == SqlStdOperatorTable.LAST_DAY && n == 1) {
      return 0;
    }
    if (call.getKind() == SqlKind.TIMESTAMP_ADD && n == 3) {
      return 2;
    }
    return -1;
  }
}
