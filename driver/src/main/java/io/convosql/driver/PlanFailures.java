package io.convosql.driver;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.plan.RelOptPlanner;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQL that validates but that Calcite cannot plan or implement (BigQuery's
 * {@code PERCENTILE_CONT(x, f) OVER ()}, {@code CURRENT_SCHEMA} under {@code fun=standard}): the planner's message goes on for kilobytes of its state (a
 * Volcano dump with cumulative costs), which told users nothing. Such a failure becomes a short
 * 0A000 naming the function when the plan's first line shows one, with the planner's exception kept
 * as the cause for whoever needs it.
 */
final class PlanFailures {
  /** A function called in a plan node's text: {@code PERCENTILE_CONT($0)}, not a type's {@code :DECIMAL(2, 1)}. */
  private static final Pattern CALL = Pattern.compile("(?<![:\\w$])([A-Z][A-Z0-9_]*[A-Z0-9])\\(");
  /** A function without arguments as a Calc shows it: {@code expr#1=[CURRENT_SCHEMA]}. */
  private static final Pattern NILADIC = Pattern.compile("=\\[([A-Z][A-Z0-9_]*[A-Z0-9])\\]");
  /** The relational operator Calcite could not convert: {@code Missing conversion is LogicalAggregate[…]}. */
  private static final Pattern MISSING = Pattern.compile("Missing conversion is (?:Logical)?([A-Za-z]+)\\[");
  private static final String AFTER = "the relevant part of the original plan is as follows";
  /** Functions Calcite runs in every plan, never the cause when a node also calls another. */
  private static final Set<String> RUNNABLE = Set.of("COUNT", "SUM", "SUM0", "AVG", "MIN", "MAX",
      "CAST", "SINGLE_VALUE", "ANY_VALUE", "AND", "OR", "NOT", "IS_NULL", "IS_NOT_NULL", "CASE",
      "COALESCE", "SEARCH", "SARG", "ROW", "ITEM");

  private PlanFailures() {}

  /** The error for a planner's failure in the chain of {@code thrown}, or null when there is none. */
  static @Nullable SQLException of(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof RelOptPlanner.CannotPlanException) {
        int at = m.indexOf(AFTER);
        String node = at < 0 ? "" : m.substring(at + AFTER.length()).strip().lines().findFirst().orElse("");
        Matcher missing = MISSING.matcher(m);
        return error(function(node), missing.find() ? missing.group(1).toLowerCase(java.util.Locale.ROOT)
            : null, thrown);
      }
      if (t instanceof IllegalStateException && m.startsWith("Unable to implement ")) {
        return error(function(m.lines().findFirst().orElse("")), null, thrown);
      }
    }
    return null;
  }

  private static @Nullable String function(String planLine) {
    Matcher call = CALL.matcher(planLine);
    String first = null;
    while (call.find()) {
      // the node may call functions that run anywhere (COUNT beside PERCENTILE_CONT): name another
      if (!RUNNABLE.contains(call.group(1))) {
        return call.group(1);
      }
      first = first == null ? call.group(1) : first;
    }
    if (first != null) {
      return first;
    }
    Matcher niladic = NILADIC.matcher(planLine);
    return niladic.find() ? niladic.group(1) : null;
  }

  private static SQLException error(@Nullable String function, @Nullable String operator, Throwable cause) {
    String what = function != null ? function + " is not supported here"
        : "Calcite found no way to compute " + (operator == null ? "it" : "this " + operator);
    return new SQLFeatureNotSupportedException("convosql cannot run this SQL: " + what + ": rewrite the"
        + " query without it (DatabaseMetaData.getFunctions lists the functions SQL can use)", "0A000", cause);
  }
}
