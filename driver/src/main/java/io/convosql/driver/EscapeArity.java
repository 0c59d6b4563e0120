package io.convosql.driver;

import static org.apache.calcite.util.Static.RESOURCE;

import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * A JDBC escape function ({@code {fn …}}) called with a number of arguments it does not take fails
 * with 42000 naming the function and the number it takes, as the plain function does, before Calcite
 * turns the escape into the call it stands for. Calcite builds that call by rearranging the arguments
 * for some ({@code {fn LTRIM(s)}} is {@code TRIM(LEADING ' ' FROM s)}, {@code {fn INSERT(s, i, n, t)}}
 * an OVERLAY, {@code {fn IFNULL(a, b)}} a COALESCE) and reads a fixed position of each: with the wrong
 * number, {@code {fn LTRIM()}} failed with HY000 ("Index 0 out of bounds", or an AssertionError), and
 * {@code {fn IFNULL(1)}} ran as {@code COALESCE(1)}. {@code {fn CEILING(x, y)}} and
 * {@code {fn FLOOR(x, y)}} took the second argument for a time unit (0A000).
 */
final class EscapeArity {
  /**
   * The escapes whose call Calcite builds by position, or whose function takes other counts than JDBC's
   * (POSITION, which {@code {fn LOCATE}} stands for, takes four), and the least and most each takes.
   */
  private static final Map<String, int[]> COUNTS = Map.of("INSERT", new int[] {4, 4},
      "LTRIM", new int[] {1, 1}, "RTRIM", new int[] {1, 1}, "IFNULL", new int[] {2, 2},
      "CEILING", new int[] {1, 1}, "FLOOR", new int[] {1, 1}, "LOCATE", new int[] {2, 3});

  /** The units JDBC names for {@code {fn TIMESTAMPADD}} and {@code {fn TIMESTAMPDIFF}}. */
  private static final String UNITS = "SQL_TSI_FRAC_SECOND, SQL_TSI_SECOND, SQL_TSI_MINUTE, SQL_TSI_HOUR,"
      + " SQL_TSI_DAY, SQL_TSI_WEEK, SQL_TSI_MONTH, SQL_TSI_QUARTER or SQL_TSI_YEAR (or SECOND, …, YEAR)";

  private EscapeArity() {}

  /**
   * Whether the first argument of {@code {fn TIMESTAMPADD}} or {@code {fn TIMESTAMPDIFF}} is a unit,
   * as the parser reads {@code SQL_TSI_DAY}: Calcite read any other as one, and failed with an
   * AssertionError (HY000, "cannot cast 2025-01-03 00:00:00 as class TimeUnit").
   */
  private static boolean unit(SqlNode first) {
    return first instanceof SqlIntervalQualifier
        || first instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.SYMBOL;
  }

  /** Throws the validator's 42000 error when {@code call} is an escape with a count its function does not take. */
  static void check(SqlValidator validator, SqlCall call) {
    if (!(call.getOperator() instanceof SqlJdbcFunctionCall jdbc)) {
      return;
    }
    String name = jdbc.getName().replaceAll("^\\{fn |\\}$", "");
    int n = call.operandCount();
    if ((name.equals("TIMESTAMPADD") || name.equals("TIMESTAMPDIFF")) && n == 3 && !unit(call.operand(0))) {
      throw WrittenChecks.error(validator, call.operand(0), "{fn " + name + "} takes a unit first, "
          + UNITS + ", as in {fn " + name + "(SQL_TSI_DAY, "
          + (name.equals("TIMESTAMPADD") ? "n, t" : "t1, t2") + ")}; " + call.operand(0) + " is no unit");
    }
    int[] counts = COUNTS.get(name);
    if (counts != null) {
      if (n < counts[0] || n > counts[1]) {
        throw validator.newValidationError(call, RESOURCE.invalidArgCount(name, n < counts[0] ? counts[0] : counts[1]));
      }
      return;
    }
    SqlCall lookup;
    SqlOperandCountRange range;
    try {
      lookup = jdbc.getLookupCall();
      range = lookup.getOperator().getOperandCountRange();
    } catch (RuntimeException noSuchFunction) { // reported as Calcite reports it
      return;
    }
    // every other escape passes its arguments on as they are
    if (lookup.operandCount() == n && !range.isValidCount(n)) {
      throw validator.newValidationError(call, RESOURCE.invalidArgCount(name,
          n < range.getMin() || range.getMax() < 0 ? range.getMin() : range.getMax()));
    }
  }
}
