package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexNode;

/**
 * Reads a filter condition over a table's full row as the terms the scan rules would push, for
 * adapters that plan statements other than queries (such as the guard of a DELETE).
 */
public final class FilterTerms {
  private FilterTerms() {}

  /** The conjuncts of {@code condition} that are terms; conjuncts that are not are left out. */
  public static List<Term> of(RexNode condition, List<Column> columns) {
    int[] identity = new int[columns.size()];
    Arrays.setAll(identity, i -> i);
    RexTerms reader = new RexTerms(columns, identity);
    List<Term> out = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      Term t = reader.toTerm(conjunct);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }
}
