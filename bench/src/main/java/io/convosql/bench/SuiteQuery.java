package io.convosql.bench;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One query of the suite: its SQL, the same work done by the hand-written client, and the fewest
 * requests the APIs allow for it, with the argument for that number (printed in BENCHMARKS.md).
 * {@code minimum} may send probe requests (totals) through the client; they are not counted.
 */
record SuiteQuery(
    String name,
    String what,
    String sql,
    Check check,
    int sortColumn,
    String minimumArgument,
    Function<HandClient, List<String>> hand,
    ToLongFunction<HandClient> minimum) {

  SuiteQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(minimumArgument, "minimumArgument");
    Objects.requireNonNull(hand, "hand");
    Objects.requireNonNull(minimum, "minimum");
  }

  static SuiteQuery of(String name, String what, String sql, String minimumArgument,
      Function<HandClient, List<String>> hand, ToLongFunction<HandClient> minimum) {
    return new SuiteQuery(name, what, sql, Check.SAME_ROWS, -1, minimumArgument, hand, minimum);
  }

  SuiteQuery renamed(String newName) {
    return new SuiteQuery(newName, what, sql, check, sortColumn, minimumArgument, hand, minimum);
  }

  SuiteQuery checked(Check how, int column) {
    return new SuiteQuery(name, what, sql, how, column, minimumArgument, hand, minimum);
  }
}
