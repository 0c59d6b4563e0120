package io.convosql.driver;

import static org.apache.calcite.util.Static.RESOURCE;

import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlOperandCountRange;
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

  private EscapeArity() {}

  /** Throws the validator's 42000 error when {@code call} is an escape with a count its function does not take. */
  static void check(SqlValidator validator, SqlCall call) {
    if (!(call.getOperator() instanceof SqlJdbcFunctionCall jdbc)) {
      return;
    }
    String name = jdbc.getName().replaceAll("^\\{fn |\\}$", "");
    int n = call.operandCount();
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
