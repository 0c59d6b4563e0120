package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Puts a Project of only the columns an Aggregate reads between it and an {@link ApiScan}, so the
 * Project rule narrows the scan: {@code SELECT COUNT(*) FROM t} must not fetch columns that cost a
 * request per row. Calcite plans an aggregate directly on the scan, with every column.
 */
final class AggregateTrimRule extends RelRule<RuleConfig> {
  static final RelOptRule INSTANCE = new RuleConfig("ApiScanAggregateTrimRule",
      b -> b.operand(LogicalAggregate.class).oneInput(s -> s.operand(ApiScan.class).noInputs()),
      AggregateTrimRule::new).toRule();

  private AggregateTrimRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    ApiScan scan = call.rel(1);
    int width = scan.getRowType().getFieldCount();
    // also with pushdown off, as the Project rule: only which columns are read changes
    if (scan.spec().count() || aggregate.getGroupSets().size() != 1) {
      return;
    }
    Set<Integer> used = new TreeSet<>(RelOptUtil.getAllFields(aggregate));
    if (used.size() == width || used.isEmpty() && width == 1) {
      return;
    }
    List<Integer> kept = used.isEmpty() ? List.of(0) : new ArrayList<>(used);
    Mappings.TargetMapping mapping =
        Mappings.target(i -> kept.indexOf(i) < 0 ? null : kept.indexOf(i), width, kept.size());
    RelBuilder b = call.builder().push(scan);
    b.project(kept.stream().map(b::field).toList());
    ImmutableBitSet groupSet = ImmutableBitSet.of(aggregate.getGroupSet().asList().stream()
        .mapToInt(kept::indexOf).toArray());
    List<AggregateCall> calls = aggregate.getAggCallList().stream().map(c -> c.transform(mapping)).toList();
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), b.build(), groupSet, null, calls));
  }
}
