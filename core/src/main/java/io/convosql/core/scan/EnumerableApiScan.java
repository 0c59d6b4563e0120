package io.convosql.core.scan;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The executable scan of an API table: generated code calls {@link ScanRuntime} with the table and
 * spec passed through the stash (not as literals), so the generated class is the same for every
 * spec and can be reused.
 */
public final class EnumerableApiScan extends AbstractApiScan implements EnumerableRel {
  EnumerableApiScan(RelOptCluster cluster, RelOptTable table, ApiTable apiTable, ScanSpec spec) {
    super(cluster, EnumerableConvention.INSTANCE, table, apiTable, spec);
  }

  EnumerableApiScan with(ScanSpec newSpec) {
    return new EnumerableApiScan(getCluster(), getTable(), apiTable, newSpec);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  /**
   * Cheaper the more the API does: each pushed term, a pushed order, a pushed limit and a narrower
   * projection lower the cost, so the planner always prefers the scan that pushes more. The discount
   * goes into the row-count component, the one Volcano compares.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double width = (spec.projectionSize() + 2d) / (apiTable.columns().size() + 2d);
    double factor = width * (spec.sort().isEmpty() ? 1 : 0.9) * (spec.hasOffsetOrFetch() ? 0.9 : 1);
    return planner.getCostFactory().makeCost(rows * factor, rows * factor, 0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(
        implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    Expression call = Expressions.call(
        ScanRuntime.class,
        "enumerable",
        implementor.stash(apiTable, ApiTable.class),
        implementor.stash(spec, ScanSpec.class),
        Expressions.convert_(implementor.getRootExpression(), DataContext.class));
    return implementor.result(physType, Blocks.toBlock(call));
  }
}
