package io.convosql.driver.differential;

import io.convosql.driver.differential.GeneratedQuery.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Compares the answers of one query with and without pushdown, as the query's shape allows. */
final class Comparison {
  private static final int SHOWN = 12;

  private Comparison() {}

  /**
   * Why the answers disagree, or null when they agree. Two errors agree when they are of the same
   * kind ({@link Outcome#errorClass()}). For {@link Check#SUBSET}, {@code unlimited} gives the
   * answer without the limit.
   */
  static String problem(GeneratedQuery q, Outcome pushed, Outcome plain,
      Supplier<Outcome> unlimited) {
    if (pushed.failed() || plain.failed()) {
      if (pushed.failed() && plain.failed() && pushed.errorClass().equals(plain.errorClass())) {
        return null;
      }
      return pushed.failed() && plain.failed() ? "the two modes failed differently"
          : pushed.failed() ? "only the query with pushdown failed"
          : "only the query without pushdown failed";
    }
    if (!pushed.header().equals(plain.header())) {
      return "the columns differ";
    }
    switch (q.check()) {
      case ORDERED:
        return pushed.rows().equals(plain.rows()) ? null : "the rows differ (compared in order)"
            + firstDifference(pushed.rows(), plain.rows())
            + difference(pushed.rows(), plain.rows());
      case UNORDERED:
        return difference(pushed.rows(), plain.rows()).isEmpty() ? null
            : "the rows differ (compared as multisets)" + difference(pushed.rows(), plain.rows());
      case PREFIX: {
        String keys = pushed.rows().size() == plain.rows().size()
            && keys(pushed.rows()).equals(keys(plain.rows())) ? null
            : "ORDER BY one key with a limit gave other keys (compared in order)"
                + firstDifference(keys(pushed.rows()), keys(plain.rows()));
        if (keys != null) {
          return keys;
        }
        List<String> inner = between(pushed.rows());
        if (!difference(inner, between(plain.rows())).isEmpty()) {
          return "rows between the cuts differ" + difference(inner, between(plain.rows()));
        }
        return subset(pushed, plain, unlimited);
      }
      default:
        if (pushed.rows().size() != plain.rows().size()) {
          return "LIMIT without a total order returned " + pushed.rows().size()
              + " rows with pushdown and " + plain.rows().size() + " without";
        }
        return subset(pushed, plain, unlimited);
    }
  }

  /** Why the answers are not sub-multisets of the answer without the limit, or null. */
  private static String subset(Outcome pushed, Outcome plain, Supplier<Outcome> unlimited) {
    Outcome all = unlimited.get();
    if (all.failed()) {
      return "the query without its limit failed: " + all.show(0);
    }
    List<String> extraPushed = missing(pushed.rows(), all.rows());
    List<String> extraPlain = missing(plain.rows(), all.rows());
    if (extraPushed.isEmpty() && extraPlain.isEmpty()) {
      return null;
    }
    return "rows not in the answer without the limit: with pushdown " + show(extraPushed)
        + "; without pushdown " + show(extraPlain);
  }

  /** The first value of each row: the key of a {@link Check#PREFIX} query. */
  private static List<String> keys(List<String> rows) {
    return rows.stream().map(r -> r.indexOf(Outcome.SEP) < 0 ? r : r.substring(0, r.indexOf(
        Outcome.SEP))).toList();
  }

  /** The rows whose key is neither the first row's nor the last row's. */
  private static List<String> between(List<String> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    List<String> k = keys(rows);
    String first = k.get(0);
    String last = k.get(k.size() - 1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!k.get(i).equals(first) && !k.get(i).equals(last)) {
        out.add(rows.get(i));
      }
    }
    return out;
  }

  private static String firstDifference(List<String> a, List<String> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "(none)";
      String y = i < b.size() ? b.get(i) : "(none)";
      if (!x.equals(y)) {
        return "\n  first difference at row " + i + ": with pushdown " + Outcome.row(x)
            + "\n                      without pushdown " + Outcome.row(y);
      }
    }
    return "";
  }

  /** The rows only one answer has (as multisets), or "" when there are none. */
  private static String difference(List<String> pushed, List<String> plain) {
    List<String> onlyPushed = missing(pushed, plain);
    List<String> onlyPlain = missing(plain, pushed);
    if (onlyPushed.isEmpty() && onlyPlain.isEmpty()) {
      return "";
    }
    return "\n  only with pushdown (" + onlyPushed.size() + "): " + show(onlyPushed)
        + "\n  only without pushdown (" + onlyPlain.size() + "): " + show(onlyPlain);
  }

  /** The rows of {@code part} (as a multiset) that {@code whole} lacks. */
  static List<String> missing(List<String> part, List<String> whole) {
    Map<String, Integer> left = new HashMap<>();
    whole.forEach(r -> left.merge(r, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    for (String r : part) {
      Integer n = left.get(r);
      if (n == null || n == 0) {
        out.add(r);
      } else {
        left.put(r, n - 1);
      }
    }
    return out;
  }

  private static String show(List<String> rows) {
    StringBuilder b = new StringBuilder();
    rows.stream().limit(SHOWN).forEach(r -> b.append("\n      ").append(Outcome.row(r)));
    if (rows.size() > SHOWN) {
      b.append("\n      … ").append(rows.size() - SHOWN).append(" more");
    }
    return rows.isEmpty() ? "none" : b.toString();
  }
}
