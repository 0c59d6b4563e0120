package io.convosql.core.plan;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

/**
 * The logical scan of an API table, the node {@link ScanRules} fold filters, projections and sorts
 * into. It lives in the same (logical) convention as the Filter, Project and Sort above it, so each
 * scan a rule creates is matched again by the next rule; {@link ScanRules#TO_ENUMERABLE} turns the
 * final one into an {@link EnumerableApiScan}.
 */
public final class ApiScan extends AbstractApiScan {
  ApiScan(RelOptCluster cluster, RelOptTable table, ApiTable apiTable, ScanSpec spec) {
    super(cluster, Convention.NONE, table, apiTable, spec);
  }

  /** A scan of the same table with another spec. */
  ApiScan with(ScanSpec newSpec) {
    return new ApiScan(getCluster(), getTable(), apiTable, newSpec);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public void register(RelOptPlanner planner) {
    ScanRules.ALL.forEach(planner::addRule);
    planner.addRule(BatchJoinRule.INSTANCE);
    planner.addRule(BatchJoinRule.OVER_SCAN);
    planner.addRule(RightJoinRule.INSTANCE);
  }
}
