package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns {@code COUNT(*)} (and {@code COUNT(column)} of a column that is never NULL) without GROUP BY,
 * directly over an {@link ApiScan} whose filter is wholly pushed, into a {@linkplain ScanSpec#count()
 * count scan}, which the adapter may answer from the API's totals. The scan counts the rows itself
 * whenever the API's number would not be exact, so the answer is the same either way.
 */
final class CountRule extends RelRule<RuleConfig> {
  static final RelOptRule INSTANCE = new RuleConfig("ApiScanCountRule",
      b -> b.operand(LogicalAggregate.class).oneInput(s -> s.operand(ApiScan.class).noInputs()),
      CountRule::new).toRule();

  private CountRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    ApiScan scan = call.rel(1);
    ScanSpec spec = scan.spec();
    ApiTable table = scan.apiTable();
    if (!table.pushdownEnabled() || spec.count() || spec.hasOffsetOrFetch()
        || !aggregate.getGroupSet().isEmpty() || aggregate.getGroupSets().size() != 1
        || aggregate.getAggCallList().isEmpty()) {
      return;
    }
    for (AggregateCall c : aggregate.getAggCallList()) {
      if (c.getAggregation().getKind() != SqlKind.COUNT || c.isDistinct() || c.hasFilter()
          || c.isApproximate()
          || !c.getArgList().stream().allMatch(arg -> table.neverNull(spec.projected(arg)))) {
        return;
      }
    }
    if (!table.countable(spec)) {
      return;
    }
    RelBuilder b = call.builder().push(scan.with(spec.asCount(0)));
    List<RexNode> counts = new ArrayList<>();
    aggregate.getAggCallList().forEach(c -> counts.add(b.field(0)));
    call.transformTo(b.project(counts, aggregate.getRowType().getFieldNames(), true).build());
  }
}
