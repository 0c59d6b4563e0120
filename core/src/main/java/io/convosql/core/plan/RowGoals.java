package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.rel.RelNode;

/**
 * Marks, in a plan as chosen, what a LIMIT may stop reading after any row through a batch join: the
 * join below the LIMIT (through Calcs), which then reads its outer side in batches that grow from one
 * row; the scan of its outer side, which it reads a batch at a time as its own rows are asked for
 * (or a batch join there, the same way down); and the scan of its inner side when it asks for that
 * side's rows only as its own are asked for ({@link BatchJoin#keyOrderedScan}). Such a scan
 * ({@link ScanSpec#stoppable}) reads its rows as they are asked for, with no more requests in flight
 * ahead of its reader than {@code maxConcurrentRequests} allows (none with 1), and the request budget
 * counts none ahead but those sure to be sent.
 *
 * <p>Which rows the LIMIT's need no one can tell (an outer row may join no inner row, a key may have
 * no rows, or many), so only that it may stop is said, not where. It is marked once the plan is
 * chosen, not by a planner rule: a marked scan is a node of its own, which the planner would weigh
 * apart from the scans it is equivalent to (a filter pushed or not), and a cheaper mark could then
 * choose the worse of them. Nothing the plan answers changes.
 */
public final class RowGoals {
  private RowGoals() {}

  /** How the node being visited is read. */
  private enum Reader {
    /** To its end, as far as anyone can tell. */
    WHOLE,
    /** By a LIMIT, through Calcs: it may be stopped after any row. */
    LIMIT,
    /** By a batch join that may be stopped, through Calcs: so may it. */
    JOIN
  }

  /** The plan, with what a LIMIT may stop through a batch join marked so. */
  public static RelNode mark(RelNode plan) {
    return visit(plan, Reader.WHOLE);
  }

  private static RelNode visit(RelNode rel, Reader reader) {
    if (rel instanceof EnumerableLimit limit) {
      return withInputs(rel, List.of(limit.fetch != null ? Reader.LIMIT : Reader.WHOLE));
    }
    if (rel instanceof EnumerableCalc || rel instanceof EnumerableFilter || rel instanceof EnumerableProject) {
      return withInputs(rel, List.of(reader));
    }
    if (rel instanceof BatchJoin join && reader != Reader.WHOLE) {
      Reader inner = BatchJoin.keyOrderedScan(join, join.getRight()) != null ? Reader.JOIN : Reader.WHOLE;
      return withInputs(join.asStoppable(), List.of(Reader.JOIN, inner));
    }
    if (rel instanceof EnumerableApiScan scan && reader == Reader.JOIN && !scan.spec().stoppable()) {
      return scan.with(scan.spec().asStoppable());
    }
    List<Reader> whole = new ArrayList<>();
    rel.getInputs().forEach(i -> whole.add(Reader.WHOLE));
    return withInputs(rel, whole);
  }

  /** {@code rel} over its inputs visited as {@code readers} say; itself when none changed. */
  private static RelNode withInputs(RelNode rel, List<Reader> readers) {
    List<RelNode> inputs = rel.getInputs();
    List<RelNode> visited = new ArrayList<>(inputs.size());
    boolean changed = false;
    for (int i = 0; i < inputs.size(); i++) {
      RelNode v = visit(inputs.get(i), readers.get(i));
      visited.add(v);
      changed |= v != inputs.get(i);
    }
    return changed ? rel.copy(rel.getTraitSet(), visited) : rel;
  }
}
