package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Bounds carried across a join on a shared key ({@link SharedKey}), before planning: in
 * {@code insights.sessions s JOIN insights.tags t ON t.session_id = s.id WHERE s.session_start_time
 * >= X}, every joined tag row has {@code t.session_start_time = s.session_start_time}, so the tags
 * scan gets {@code t.session_start_time >= X} too and reads the sessions' windows instead of the
 * default lookback (where a range older than the lookback joined nothing).
 *
 * <p>A bound {@code P(a)} on one side's attribute becomes a filter {@code P(b)} on the other side's
 * input. A row of that input failing {@code P(b)} can join only rows failing {@code P(a)}, so it is
 * removed only where it could not add to the answer:
 * <ul>
 * <li>a conjunct of a WHERE right above the join, or of an inner join's ON, removes every output row
 *     failing it later, including the NULL-extended ones (only a conjunct that is never true on NULL
 *     is taken), so it is carried to either side whatever the join type;
 * <li>a conjunct holding on one input's rows (its own WHERE, a subquery's filter) is carried only to
 *     a side whose unmatched rows are not kept: the right side of an inner, left, semi or anti join,
 *     the left side of an inner, right or semi join.
 * </ul>
 * Bounds over an input's fields alone reach joins below it the same way. A column's origin is followed
 * through filters, projections of plain fields and inner joins to one API scan, and the carried bound
 * is a filter right above that scan; the original bound stays where it was.
 */
public final class KeyedBounds {
  private KeyedBounds() {}

  /** The plan with bounds carried across every join on a shared key it holds. */
  public static RelNode carry(RelNode root) {
    return rewrite(root, List.of());
  }

  /**
   * {@code rel} with bounds carried across its joins; {@code later} are conjuncts over its fields that
   * remove, above it, every row failing them.
   */
  private static RelNode rewrite(RelNode rel, List<RexNode> later) {
    if (rel instanceof LogicalFilter) {
      LogicalFilter filter = (LogicalFilter) rel;
      List<RexNode> more = new ArrayList<>(later);
      more.addAll(RelOptUtil.conjunctions(filter.getCondition()));
      RelNode input = rewrite(filter.getInput(), more);
      return input == filter.getInput() ? filter : filter.copy(filter.getTraitSet(), input, filter.getCondition());
    }
    if (rel instanceof LogicalJoin) {
      LogicalJoin join = (LogicalJoin) rel;
      int leftCount = join.getLeft().getRowType().getFieldCount();
      int rightCount = join.getRight().getRowType().getFieldCount();
      List<RexNode> removing = new ArrayList<>(later);
      if (join.getJoinType() == JoinRelType.INNER) {
        removing.addAll(RelOptUtil.conjunctions(join.getCondition()));
      }
      // a row of either input failing a conjunct over that input's fields alone makes only rows that fail it
      List<RexNode> leftLater = new ArrayList<>();
      List<RexNode> rightLater = new ArrayList<>();
      boolean rightShown = join.getJoinType().projectsRight();
      for (RexNode p : removing) {
        ImmutableBitSet bits = RelOptUtil.InputFinder.bits(p);
        if (bits.isEmpty()) {
          continue;
        }
        if (bits.length() <= leftCount) {
          leftLater.add(p);
        } else if (rightShown && bits.nextSetBit(0) >= leftCount && bits.length() <= leftCount + rightCount) {
          rightLater.add(RexUtil.shift(p, -leftCount));
        }
      }
      RelNode left = rewrite(join.getLeft(), leftLater);
      RelNode right = rewrite(join.getRight(), rightLater);
      LogicalJoin inputs = left == join.getLeft() && right == join.getRight() ? join
          : join.copy(join.getTraitSet(), join.getCondition(), left, right, join.getJoinType(), join.isSemiJoinDone());
      return carry(inputs, later);
    }
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : rel.getInputs()) {
      RelNode r = rewrite(input, List.of());
      changed |= r != input;
      inputs.add(r);
    }
    return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
  }

  /** The join with the bounds carried into its inputs; {@code later} conjuncts remove rows above it. */
  private static RelNode carry(LogicalJoin join, List<RexNode> later) {
    int leftCount = join.getLeft().getRowType().getFieldCount();
    List<RexNode> removing = new ArrayList<>(later);
    if (join.getJoinType() == JoinRelType.INNER) {
      removing.addAll(RelOptUtil.conjunctions(join.getCondition()));
    }
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    List<RexNode> leftHolds = mq.getPulledUpPredicates(join.getLeft()).pulledUpPredicates;
    List<RexNode> rightHolds = mq.getPulledUpPredicates(join.getRight()).pulledUpPredicates;
    JoinRelType type = join.getJoinType();
    boolean intoRight = type == JoinRelType.INNER || type == JoinRelType.LEFT || type == JoinRelType.SEMI
        || type == JoinRelType.ANTI;
    boolean intoLeft = type == JoinRelType.INNER || type == JoinRelType.RIGHT || type == JoinRelType.SEMI;

    // per scan, as a side may join on several scans' keys (s JOIN (t JOIN l) ON s.id = t.session_id AND …)
    Map<ApiScan, Set<RexNode>> toLeft = new LinkedHashMap<>();
    Map<ApiScan, Set<RexNode>> toRight = new LinkedHashMap<>();
    RexBuilder rex = join.getCluster().getRexBuilder();
    for (RexNode c : RelOptUtil.conjunctions(join.getCondition())) {
      if (!c.isA(SqlKind.EQUALS) || !(((RexCall) c).operands.get(0) instanceof RexInputRef)
          || !(((RexCall) c).operands.get(1) instanceof RexInputRef)) {
        continue;
      }
      int a = ((RexInputRef) ((RexCall) c).operands.get(0)).getIndex();
      int b = ((RexInputRef) ((RexCall) c).operands.get(1)).getIndex();
      int l = Math.min(a, b);
      int r = Math.max(a, b) - leftCount;
      if (l >= leftCount || r < 0) {
        continue;
      }
      Origin lo = origin(join.getLeft(), l);
      Origin ro = origin(join.getRight(), r);
      if (lo == null || ro == null || lo.key() == null || ro.key() == null
          || !lo.key().thing().equals(ro.key().thing())
          || lo.column() != lo.key().keyColumn() || ro.column() != ro.key().keyColumn()) {
        continue;
      }
      Set<RexNode> leftBounds = toLeft.computeIfAbsent(lo.scan(), k -> new LinkedHashSet<>());
      Set<RexNode> rightBounds = toRight.computeIfAbsent(ro.scan(), k -> new LinkedHashSet<>());
      for (String attribute : lo.key().attributes().values()) {
        int lc = lo.key().column(attribute);
        int rc = ro.key().column(attribute);
        if (rc < 0) {
          continue;
        }
        int lf = field(join.getLeft(), lo.scan(), lc); // -1 when the side does not show it: no bound on it
        int rf = field(join.getRight(), ro.scan(), rc);
        for (RexNode p : removing) {
          add(rightBounds, moved(rex, p, lf, ro.scan(), rc));
          add(leftBounds, moved(rex, p, rf < 0 ? -1 : leftCount + rf, lo.scan(), lc));
        }
        if (intoRight) {
          for (RexNode p : leftHolds) {
            add(rightBounds, moved(rex, p, lf, ro.scan(), rc));
          }
        }
        if (intoLeft) {
          for (RexNode p : rightHolds) {
            add(leftBounds, moved(rex, p, rf, lo.scan(), lc));
          }
        }
      }
    }
    RelNode left = join.getLeft();
    for (Map.Entry<ApiScan, Set<RexNode>> e : toLeft.entrySet()) {
      left = filtered(left, e.getKey(), e.getValue());
    }
    RelNode right = join.getRight();
    for (Map.Entry<ApiScan, Set<RexNode>> e : toRight.entrySet()) {
      right = filtered(right, e.getKey(), e.getValue());
    }
    return left == join.getLeft() && right == join.getRight() ? join
        : join.copy(join.getTraitSet(), join.getCondition(), left, right, type, join.isSemiJoinDone());
  }

  private static void add(Set<RexNode> to, @Nullable RexNode p) {
    if (p != null) {
      to.add(p);
    }
  }

  /** The side with a filter of the conjuncts, over its scan's own columns, right above that scan. */
  private static RelNode filtered(RelNode side, ApiScan scan, Set<RexNode> conjuncts) {
    if (conjuncts.isEmpty()) {
      return side;
    }
    if (side == scan) {
      return LogicalFilter.create(scan, RexUtil.composeConjunction(scan.getCluster().getRexBuilder(), conjuncts));
    }
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : side.getInputs()) {
      inputs.add(holds(input, scan) ? filtered(input, scan, conjuncts) : input);
    }
    return side.copy(side.getTraitSet(), inputs);
  }

  /** Whether {@code rel} is or holds {@code scan}. */
  private static boolean holds(RelNode rel, RelNode scan) {
    return rel == scan || rel.getInputs().stream().anyMatch(i -> holds(i, scan));
  }

  /**
   * {@code p} over field {@code from} alone, deterministic, with no subquery or correlation, and never
   * true when that field is NULL, rewritten over column {@code to} of {@code target}; otherwise null.
   */
  private static @Nullable RexNode moved(RexBuilder rex, RexNode p, int from, RelNode target, int to) {
    if (from < 0 || !RelOptUtil.InputFinder.bits(p).equals(ImmutableBitSet.of(from)) || !RexUtil.isDeterministic(p)
        || nested(p) || !Strong.isNull(p, ImmutableBitSet.of(from))) {
      return null;
    }
    RexNode ref = rex.makeInputRef(target, to);
    if (!ref.getType().getSqlTypeName().equals(rexTypeOf(p, from))) {
      return null;
    }
    return p.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef input) {
        return input.getIndex() == from ? ref : input;
      }
    });
  }

  private static @Nullable Object rexTypeOf(RexNode p, int field) {
    Object[] type = {null};
    p.accept(new RexVisitorImpl<Void>(true) {
      @Override
      public Void visitInputRef(RexInputRef input) {
        if (input.getIndex() == field) {
          type[0] = input.getType().getSqlTypeName();
        }
        return null;
      }
    });
    return type[0];
  }

  /** Whether the expression holds a subquery, a correlation variable or a field access. */
  private static boolean nested(RexNode p) {
    boolean[] found = {false};
    p.accept(new RexVisitorImpl<Void>(true) {
      @Override
      public Void visitSubQuery(RexSubQuery subQuery) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitCorrelVariable(RexCorrelVariable variable) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitFieldAccess(RexFieldAccess fieldAccess) {
        found[0] = true;
        return null;
      }
    });
    return found[0];
  }

  /** Where a field of a side comes from: the side's one API scan, the column, and its shared key. */
  private record Origin(ApiScan scan, int column, @Nullable SharedKey key) {}

  /**
   * The origin of {@code field} through filters, projections of plain fields and inner joins (where a
   * filter right above a scan removes the same rows as one above the join); null otherwise.
   */
  private static @Nullable Origin origin(RelNode rel, int field) {
    if (rel instanceof LogicalFilter) {
      return origin(((LogicalFilter) rel).getInput(), field);
    }
    if (rel instanceof LogicalProject) {
      RexNode e = ((LogicalProject) rel).getProjects().get(field);
      return e instanceof RexInputRef ? origin(((LogicalProject) rel).getInput(), ((RexInputRef) e).getIndex()) : null;
    }
    if (rel instanceof LogicalJoin && ((LogicalJoin) rel).getJoinType() == JoinRelType.INNER) {
      LogicalJoin join = (LogicalJoin) rel;
      int leftCount = join.getLeft().getRowType().getFieldCount();
      return field < leftCount ? origin(join.getLeft(), field) : origin(join.getRight(), field - leftCount);
    }
    if (rel instanceof ApiScan) {
      ApiScan scan = (ApiScan) rel;
      return new Origin(scan, field, scan.apiTable().sharedKey());
    }
    return null;
  }

  /** The field of {@code side} that is column {@code column} of {@code scan}, or -1. */
  private static int field(RelNode side, ApiScan scan, int column) {
    if (column < 0) {
      return -1;
    }
    for (int i = 0; i < side.getRowType().getFieldCount(); i++) {
      Origin o = origin(side, i);
      if (o != null && o.scan() == scan && o.column() == column) {
        return i;
      }
    }
    return -1;
  }
}
