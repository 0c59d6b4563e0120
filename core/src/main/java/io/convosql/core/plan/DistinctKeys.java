package io.convosql.core.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.Sarg;

/**
 * How many distinct keys the planner expects one field of a join's outer side to hold: the keys a
 * batch nested-loop join sends (a repeated key is fetched once). Calcite's estimates do not see that a
 * column pinned to a few values holds no more than those: the {@code SELECT DISTINCT session_id} of
 * transcript lines with {@code session_id IN ('a', 'b')}, which an {@code IN (subquery)} or
 * {@code EXISTS} becomes, was taken for 250 keys (half of a quarter of the table), a get each, so the
 * sessions were listed whole (a detail each for a detail column: 54000) rather than got by two ids.
 * Here a field that a filter or a scan's pushed term pins to k values or parameters holds at most k.
 * Two readers need it: {@link BatchJoinRule}, which offers the batch join only where its gets are no
 * more requests than a scan, walks the logical side itself ({@link #of}: through Projects, Filters and
 * grouping Aggregates; Calcite's metadata answers nothing through a logical subset, which has no best
 * plan); and Calcite's costing of the physical plans asks the scan's table ({@link #SCANS}), so that the
 * DISTINCT feeding the batches is costed at its few rows and the batch join wins over the semi join.
 */
final class DistinctKeys {
  /** How deep below the side the pinning filter or scan is looked for. */
  private static final int DEPTH = 6;

  private DistinctKeys() {}

  /**
   * The distinct values of an API scan's columns for Calcite's metadata, which asks the table
   * ({@link ApiTable#unwrap}): the product of the values each grouped column is pinned to (by the
   * scan's pushed terms or the predicate), at most the scan's rows; unknown (null, as without this)
   * when a column is not pinned. So the {@code SELECT DISTINCT} of a pinned column is costed at its few
   * rows, not at half its scan's, and a batch join fed by it is weighed as the few gets it is.
   */
  static final BuiltInMetadata.DistinctRowCount.Handler SCANS = (rel, mq, groupKey, predicate) -> {
    if (!(rel instanceof AbstractApiScan) || groupKey.isEmpty()) {
      return null;
    }
    double product = 1;
    for (int field : groupKey) {
      double values = pinned(rel, field, mq, 1);
      if (predicate != null) {
        for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
          values = Math.min(values, values(conjunct, field));
        }
      }
      product *= values;
    }
    Double rows = mq.getRowCount(rel);
    return Double.isInfinite(product) ? null : rows == null ? product : Math.min(product, rows);
  };

  /** The distinct keys expected in {@code field} of {@code rel}: at most its row count. */
  static double of(RelNode rel, int field, RelMetadataQuery mq) {
    Double rows = mq.getRowCount(rel);
    double all = rows == null ? 1 : rows;
    return Math.min(all, pinned(rel, field, mq, DEPTH));
  }

  /** The values {@code field} is pinned to below {@code rel}, or infinity when none is known. */
  private static double pinned(RelNode rel, int field, RelMetadataQuery mq, int depth) {
    if (depth == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (rel instanceof RelSubset) {
      double least = Double.POSITIVE_INFINITY;
      for (RelNode r : ((RelSubset) rel).getRelList()) {
        least = Math.min(least, pinned(r, field, mq, depth - 1));
      }
      return least;
    }
    if (rel instanceof Aggregate) {
      Aggregate aggregate = (Aggregate) rel;
      return field < aggregate.getGroupCount()
          ? pinned(aggregate.getInput(), aggregate.getGroupSet().nth(field), mq, depth - 1)
          : Double.POSITIVE_INFINITY;
    }
    if (rel instanceof Project) {
      RexNode e = ((Project) rel).getProjects().get(field);
      return e instanceof RexInputRef
          ? pinned(((Project) rel).getInput(), ((RexInputRef) e).getIndex(), mq, depth - 1)
          : Double.POSITIVE_INFINITY;
    }
    if (rel instanceof Filter) {
      double least = pinned(((Filter) rel).getInput(), field, mq, depth - 1);
      for (RexNode conjunct : RelOptUtil.conjunctions(((Filter) rel).getCondition())) {
        least = Math.min(least, values(conjunct, field));
      }
      return least;
    }
    if (rel instanceof Values) {
      Double distinct = mq.getDistinctRowCount(rel, ImmutableBitSet.of(field), null);
      return distinct == null ? Double.POSITIVE_INFINITY : distinct;
    }
    if (rel instanceof AbstractApiScan && !((AbstractApiScan) rel).spec().count()) {
      ScanSpec spec = ((AbstractApiScan) rel).spec();
      int column = spec.projected(field);
      double least = Double.POSITIVE_INFINITY;
      for (Term t : spec.terms()) {
        List<Object> keys = t.column() == column ? Term.equalities(t) : null;
        if (keys != null) {
          least = Math.min(least, keys.size());
        }
      }
      return least;
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * The values a conjunct pins {@code field} to: 1 for an equality with a literal or parameter, the
   * points of an IN list, the sum over an OR of such; infinity for anything else.
   */
  private static double values(RexNode node, int field) {
    if (!(node instanceof RexCall)) {
      return Double.POSITIVE_INFINITY;
    }
    RexCall call = (RexCall) node;
    List<RexNode> ops = call.getOperands();
    switch (call.getKind()) {
      case EQUALS:
        return isField(ops.get(0), field) && isValue(ops.get(1)) || isField(ops.get(1), field) && isValue(ops.get(0))
            ? 1 : Double.POSITIVE_INFINITY;
      case SEARCH: {
        Sarg<?> sarg = isField(ops.get(0), field) && ops.get(1) instanceof RexLiteral
            ? ((RexLiteral) ops.get(1)).getValueAs(Sarg.class) : null;
        if (sarg == null || !sarg.isPoints()) {
          return Double.POSITIVE_INFINITY;
        }
        return sarg.rangeSet.asRanges().size() + (sarg.nullAs == RexUnknownAs.TRUE ? 1 : 0); // OR x IS NULL
      }
      case OR: {
        double sum = 0;
        for (RexNode disjunct : RexUtil.flattenOr(ops)) {
          sum += values(disjunct, field);
        }
        return sum;
      }
      default:
        return Double.POSITIVE_INFINITY;
    }
  }

  private static boolean isField(RexNode node, int field) {
    return node instanceof RexInputRef && ((RexInputRef) node).getIndex() == field;
  }

  private static boolean isValue(RexNode node) {
    return node instanceof RexLiteral || node instanceof RexDynamicParam;
  }
}
