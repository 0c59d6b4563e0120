package io.convosql.core.plan;

import io.convosql.core.exec.KeyOrderJoin;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.FunctionExpression;
import org.apache.calcite.linq4j.tree.MethodCallExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMdCollation;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's batch nested-loop join ({@link BatchJoinRule}), with its correlation variables in the
 * order of their ids (so that a batch's n-th outer row is the n-th key of the inner scan's IN list),
 * which runs as {@link KeyOrderJoin} when its inner side is an API scan that answers a batch's keys in
 * their order ({@link ApiTable#answersKeysInOrder}), through Calcs only: the inner side is then read
 * only as far as the join's rows asked for need, where Calcite's join reads a whole batch before its
 * first row is out. The answer, its order and the outer side's reading are Calcite's. EXPLAIN names it
 * as Calcite's.
 */
final class BatchJoin extends EnumerableBatchNestedLoopJoin {
  private static final Method KEY_ORDER_JOIN = method();

  private final ImmutableBitSet required;
  private final boolean stoppable;

  private BatchJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
      Set<CorrelationId> variables, ImmutableBitSet required, JoinRelType type, boolean stoppable) {
    super(cluster, traits, left, right, condition, variables, required, type);
    this.required = required;
    this.stoppable = stoppable;
  }

  private static Method method() {
    try {
      return KeyOrderJoin.class.getMethod("join", JoinType.class, Enumerable.class, Function1.class,
          Function2.class, Predicate2.class, int.class, int.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The join of {@code left} and {@code right} (the inner side, filtered on the batch's keys), whose
   * {@code variables} (in that order) hold a batch's outer rows; ordered as its outer side is.
   */
  static BatchJoin of(RelNode left, RelNode right, RexNode condition, ImmutableBitSet required,
      Set<CorrelationId> variables, JoinRelType type) {
    RelOptCluster cluster = left.getCluster();
    RelMetadataQuery mq = cluster.getMetadataQuery();
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE).replaceIfs(RelCollationTraitDef.INSTANCE,
        () -> RelMdCollation.enumerableBatchNestedLoopJoin(mq, left, right, type));
    return new BatchJoin(cluster, traits, left, right, condition, variables, required, type, false);
  }

  /**
   * Whether what reads the join may stop after any of its rows (a LIMIT above it, {@link RowGoals}):
   * its outer side is then read in batches that grow from one row, as its rows are asked for.
   */
  boolean stoppable() {
    return stoppable;
  }

  /** The join read by a LIMIT ({@link #stoppable}). */
  BatchJoin asStoppable() {
    return new BatchJoin(getCluster(), traitSet, left, right, condition, variablesSet, required, joinType, true);
  }

  @Override
  public String getRelTypeName() {
    return "EnumerableBatchNestedLoopJoin";
  }

  @Override
  public BatchJoin copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right,
      JoinRelType joinType, boolean semiJoinDone) {
    return new BatchJoin(getCluster(), traitSet, left, right, condition, variablesSet, required, joinType, stoppable);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result calcite = super.implement(implementor, pref);
    if (keyOrderedScan(this, getRight()) == null) {
      return calcite;
    }
    // the same code, but for the call of Calcite's join: this join's, the one that reads the batch
    // through the parameter Calcite names after this node's id (joins below keep theirs)
    String batch = "corrList" + Integer.toUnsignedString(getId());
    List<MethodCallExpression> found = new ArrayList<>();
    Shuttle rewrite = new Shuttle() {
      @Override
      public Expression visit(MethodCallExpression call, @Nullable Expression target, List<Expression> args) {
        if (target == null && call.method.equals(BuiltInMethod.CORRELATE_BATCH_JOIN.method) && args.size() == 6
            && args.get(2) instanceof FunctionExpression<?> f && f.parameterList.size() == 1
            && f.parameterList.get(0).name.equals(batch)) {
          found.add(call);
          // below a LIMIT, batches of 1, 2, 4, … outer rows: the outer side is read about as far as
          // the LIMIT's rows need (an outer row may cost a request of its own)
          List<Expression> ours = new ArrayList<>(args);
          ours.add(Expressions.constant(stoppable ? 1 : variablesSet.size()));
          return Expressions.call(KEY_ORDER_JOIN, ours);
        }
        return super.visit(call, target, args);
      }
    };
    BlockStatement block = (BlockStatement) calcite.block.accept(rewrite);
    return found.size() == 1 ? new Result(block, calcite.physType, calcite.format) : calcite;
  }

  /**
   * The API scan that {@code right}, the inner side of {@code join}, reads through Calcs, Filters and
   * Projects only, when it answers the batch's keys in the order of the join's variables: its one term
   * holding correlation fields is an IN list of the join's variables, in their order, all of the same
   * field, and its table {@linkplain ApiTable#answersKeysInOrder answers such a list in order}. Null
   * otherwise: the join then runs as Calcite's.
   */
  static @Nullable EnumerableApiScan keyOrderedScan(Join join, RelNode right) {
    RelNode r = right;
    while (r instanceof EnumerableCalc || r instanceof EnumerableFilter || r instanceof EnumerableProject) {
      r = r.getInput(0);
    }
    return r instanceof EnumerableApiScan scan && answersInKeyOrder(join, scan) ? scan : null;
  }

  /**
   * Whether {@code scan}, read by the inner side of {@code join}, answers the batch's keys in the
   * order of the join's variables ({@link #keyOrderedScan}).
   */
  static boolean answersInKeyOrder(Join join, EnumerableApiScan scan) {
    if (join.getJoinType() == JoinRelType.RIGHT || join.getJoinType() == JoinRelType.FULL) {
      return false;
    }
    List<String> variables = join.getVariablesSet().stream().map(CorrelationId::getName).toList();
    Term.InList keys = null;
    for (Term t : scan.spec().terms()) {
      List<Operand> operands = t instanceof Term.Compare c ? List.of(c.value())
          : t instanceof Term.InList in ? in.values() : t instanceof Term.Call call ? call.arguments() : List.of();
      if (operands.stream().noneMatch(o -> o.correlationKey() != null)) {
        continue;
      }
      if (keys != null || !(t instanceof Term.InList in) || in.negated()) {
        return false;
      }
      keys = in;
    }
    if (keys == null || keys.values().size() != variables.size()) {
      return false;
    }
    String field = null;
    for (int i = 0; i < variables.size(); i++) {
      String key = keys.values().get(i).correlationKey();
      String prefix = variables.get(i) + ".";
      if (key == null || !key.startsWith(prefix) || field != null && !field.equals(key.substring(prefix.length()))) {
        return false;
      }
      field = key.substring(prefix.length());
    }
    return scan.apiTable().answersKeysInOrder(keys.column(), scan.spec());
  }
}
