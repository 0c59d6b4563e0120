package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoinRule;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's batch nested-loop join, offered only where it saves requests: a join on one key whose
 * right side is an API table scan that can take that key as an IN list. The join reads the left
 * side in batches of {@value #BATCH_SIZE} rows and runs the right scan once per batch with
 * {@code key = $cor0.x OR ... OR key = $cor99.x}, which {@link ScanRules#FILTER} pushes as an IN
 * list of correlation fields (bound to the batch's values when the scan runs). Other joins never
 * see this rule, so their plans stay as they were. The join it makes is a {@link BatchJoin}, whose
 * correlation variables are in the order of the list, so that it can read a scan that answers the
 * keys in their order only as far as its rows need.
 */
final class BatchJoinRule extends EnumerableBatchNestedLoopJoinRule {
  /**
   * Keys per batch: Calcite's 100, as many as an Insights search page holds. An adapter that names the
   * keys in a URL splits them into requests that each fit a server's request line (Insights: about 90
   * session ids in 8,000 bytes, so a batch is one or two searches per window); a PathSim batch is a get
   * per key either way. Before, batches of 50 cost a join of 60 keys two searches where one would do.
   */
  static final int BATCH_SIZE = 100;

  static final BatchJoinRule INSTANCE = new BatchJoinRule(Config.DEFAULT
      .withBatchSize(BATCH_SIZE).withDescription("ApiScanBatchJoinRule").as(Config.class));

  /**
   * The same rule, fired again whenever a scan joins the right input's set: a scan can take its
   * keys only once a filter was pushed into it (an Insights scan needs its date bound), which may
   * happen after the join was first matched.
   */
  static final BatchJoinRule OVER_SCAN = new BatchJoinRule(Config.DEFAULT
      .withBatchSize(BATCH_SIZE).withDescription("ApiScanBatchJoinRule:overScan")
      .withOperandSupplier(b0 -> b0.operand(LogicalJoin.class).inputs(
          b1 -> b1.operand(RelNode.class).anyInputs(),
          b2 -> b2.operand(AbstractApiScan.class).anyInputs()))
      .as(Config.class));

  /** How deep below the join's right input a scan is looked for (through Filters and Projects). */
  private static final int DEPTH = 4;

  private BatchJoinRule(Config config) {
    super(config);
  }

  /**
   * The batch join: {@value #BATCH_SIZE} correlation variables in the order of their ids, the right
   * side filtered on the join condition of each (the left side's fields read from the variable), and
   * the join over both in the enumerable convention.
   */
  @Override
  public void onMatch(RelOptRuleCall call) {
    Join join = call.rel(0);
    RelOptCluster cluster = join.getCluster();
    RexBuilder rex = cluster.getRexBuilder();
    RelDataType leftRow = join.getLeft().getRowType();
    int leftFields = leftRow.getFieldCount();
    Set<CorrelationId> variables = new LinkedHashSet<>();
    List<RexNode> perRow = new ArrayList<>();
    for (int i = 0; i < BATCH_SIZE; i++) {
      CorrelationId id = cluster.createCorrel();
      variables.add(id);
      RexNode row = rex.makeCorrel(leftRow, id);
      perRow.add(join.getCondition().accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return ref.getIndex() < leftFields ? rex.makeFieldAccess(row, ref.getIndex())
              : new RexInputRef(ref.getIndex() - leftFields, ref.getType());
        }
      }));
    }
    RelBuilder b = call.builder();
    RelNode right = b.push(join.getRight()).filter(b.or(perRow)).build();
    ImmutableBitSet required = RelOptUtil.InputFinder.bits(join.getCondition())
        .intersect(ImmutableBitSet.range(leftFields));
    call.transformTo(BatchJoin.of(
        convert(join.getLeft(), join.getLeft().getTraitSet().replace(EnumerableConvention.INSTANCE)),
        convert(right, right.getTraitSet().replace(EnumerableConvention.INSTANCE)),
        join.getCondition(), required, variables, join.getJoinType()));
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    if (!super.matches(call)) {
      return false;
    }
    Join join = call.rel(0);
    JoinInfo info = join.analyzeCondition();
    if (!info.isEqui() || info.leftKeys.size() != 1) {
      return false; // other conditions would make each disjunct an AND, which no scan takes
    }
    SqlTypeName leftType = join.getLeft().getRowType().getFieldList()
        .get(info.leftKeys.get(0)).getType().getSqlTypeName();
    RelMetadataQuery mq = call.getMetadataQuery();
    double keys = DistinctKeys.of(join.getLeft(), info.leftKeys.get(0), mq);
    return takesKeys(join.getRight(), info.rightKeys.get(0), null, leftType, keys, mq, DEPTH);
  }

  /**
   * Whether {@code rel} is (or stands over) an API scan that pushes an IN list on {@code field}, and
   * whose table expects the batches of about {@code keys} keys to cost no more requests than a scan.
   * {@code needed} are the fields of {@code rel} read above it (null: all of them): below a Project
   * the scan is weighed with only the columns the Project reads, as it will be once the projection is
   * pushed into it. Before, a scan seen below a Project was weighed reading every column (a detail
   * per session), so a join selecting list columns only was batched at a get per key where a listing
   * is a few requests.
   */
  private static boolean takesKeys(RelNode rel, int field, @Nullable ImmutableBitSet needed,
      SqlTypeName keyType, double keys, RelMetadataQuery mq, int depth) {
    if (depth == 0) {
      return false;
    }
    if (rel instanceof RelSubset) {
      for (RelNode r : ((RelSubset) rel).getRelList()) {
        if (takesKeys(r, field, needed, keyType, keys, mq, depth - 1)) {
          return true;
        }
      }
      return false;
    }
    if (rel instanceof Filter) {
      Filter filter = (Filter) rel;
      ImmutableBitSet read = needed == null ? null
          : needed.union(RelOptUtil.InputFinder.bits(filter.getCondition()));
      return takesKeys(filter.getInput(), field, read, keyType, keys, mq, depth - 1);
    }
    if (rel instanceof Project) {
      Project project = (Project) rel;
      RexNode e = project.getProjects().get(field);
      if (!(e instanceof RexInputRef)) {
        return false;
      }
      ImmutableBitSet.Builder read = ImmutableBitSet.builder();
      for (int i = 0; i < project.getProjects().size(); i++) {
        if (needed == null || needed.get(i)) {
          read.addAll(RelOptUtil.InputFinder.bits(project.getProjects().get(i)));
        }
      }
      return takesKeys(project.getInput(), ((RexInputRef) e).getIndex(), read.build(), keyType, keys, mq,
          depth - 1);
    }
    if (!(rel instanceof ApiScan)) {
      return false;
    }
    ApiScan scan = (ApiScan) rel;
    ScanSpec spec = scan.spec();
    if (!scan.apiTable().pushdownEnabled() || spec.count() || spec.empty() || spec.hasOffsetOrFetch()) {
      return false;
    }
    int column = spec.projected(field);
    if (scan.apiTable().columns().get(column).type() != keyType) {
      return false;
    }
    if (needed != null) {
      spec = spec.withProjection(needed.set(field).asList().stream().mapToInt(spec::projected).toArray());
    }
    Term inList = new Term.InList(column, List.of(Operand.correlation("$cor0", 0)), false);
    return scan.apiTable().pushdown(inList, spec) != Pushdown.NONE
        && scan.apiTable().takesKeyBatches(column, spec,
            new KeyBatches(keys, BATCH_SIZE, scan.estimateRowCount(mq)));
  }
}
