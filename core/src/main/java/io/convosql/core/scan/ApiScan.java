package io.convosql.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * The one scan node of every API table: a table scan that carries a {@link ScanSpec}, the part of the
 * query the API will answer. {@link ScanRules} fold filters, projections, sorts and limits into it;
 * EXPLAIN shows the requests it will send.
 */
public final class ApiScan extends TableScan implements EnumerableRel {
  private final ApiTable apiTable;
  private final ScanSpec spec;

  ApiScan(RelOptCluster cluster, RelOptTable table, ApiTable apiTable, ScanSpec spec) {
    super(cluster, traits(cluster, spec), List.of(), table);
    this.apiTable = Objects.requireNonNull(apiTable, "apiTable");
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  private static RelTraitSet traits(RelOptCluster cluster, ScanSpec spec) {
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE);
    if (cluster.getPlanner().getRelTraitDefs().contains(RelCollationTraitDef.INSTANCE)) {
      traits = traits.replace(collation(spec));
    }
    return traits;
  }

  /** The order of the scan's output, in output field positions, as far as output fields show it. */
  private static RelCollation collation(ScanSpec spec) {
    List<RelFieldCollation> fields = new ArrayList<>();
    for (SortKey k : spec.sort()) {
      int field = -1;
      for (int i = 0; i < spec.projectionSize(); i++) {
        if (spec.projected(i) == k.column()) {
          field = i;
          break;
        }
      }
      if (field < 0) {
        break;
      }
      fields.add(new RelFieldCollation(field,
          k.descending() ? RelFieldCollation.Direction.DESCENDING : RelFieldCollation.Direction.ASCENDING,
          k.nullsFirst() ? RelFieldCollation.NullDirection.FIRST : RelFieldCollation.NullDirection.LAST));
    }
    return RelCollations.of(fields);
  }

  public ApiTable apiTable() {
    return apiTable;
  }

  public ScanSpec spec() {
    return spec;
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
  public RelDataType deriveRowType() {
    RelDataType full = table.getRowType();
    RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
    for (int c : spec.projection()) {
      b.add(full.getFieldList().get(c));
    }
    return b.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("request", apiTable.explain(spec));
  }

  @Override
  public void register(RelOptPlanner planner) {
    ScanRules.ALL.forEach(planner::addRule);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = apiTable.rowCountEstimate();
    for (Term ignored : spec.terms()) {
      rows *= 0.25;
    }
    if (spec.fetch() != null) {
      rows = Math.min(rows, 10);
    }
    return spec.empty() ? 1 : Math.max(rows, 1);
  }

  /**
   * Cheaper the more the API does: each pushed term, a pushed order, a pushed limit and a narrower
   * projection lower the cost, so the planner always prefers the scan that pushes more.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double width = (spec.projectionSize() + 2d) / (apiTable.columns().size() + 2d);
    double factor = width * (spec.sort().isEmpty() ? 1 : 0.9) * (spec.hasOffsetOrFetch() ? 0.9 : 1);
    return planner.getCostFactory().makeCost(rows, rows * factor, rows * factor);
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
