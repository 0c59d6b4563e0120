package io.convosql.adapter.insights;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The DELETE of Insights sessions as generated code: reads the rows its input selects (each already
 * looked up, so its start time is known) and hands them to {@link SessionDeleter}, whose count of
 * deleted sessions is the statement's update count. A statement the guard refused fails when it
 * runs, before its input sends any request. Cheaper than Calcite's own modification of a collection,
 * which it replaces.
 */
final class EnumerableSessionsDelete extends TableModify implements EnumerableRel {
  private final InsightsApi api;
  private final @Nullable String refusal;

  /** @param refusal why the guard refused the statement, or null */
  EnumerableSessionsDelete(RelOptCluster cluster, RelTraitSet traits, TableModify modify, RelNode input,
      InsightsApi api, @Nullable String refusal) {
    super(cluster, traits, modify.getTable(), modify.getCatalogReader(), input, modify.getOperation(),
        modify.getUpdateColumnList(), modify.getSourceExpressionList(), modify.isFlattened());
    this.api = Objects.requireNonNull(api, "api");
    this.refusal = refusal;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableSessionsDelete(getCluster(), traitSet, this, sole(inputs), api, refusal);
  }

  @Override
  public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    RelOptCost cost = super.computeSelfCost(planner, mq);
    return cost == null ? null : cost.multiplyBy(0.1);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    BlockBuilder builder = new BlockBuilder();
    Expression rows = child.physType.convertTo(builder.append("rows", child.block), JavaRowFormat.ARRAY);
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        pref == Prefer.ARRAY ? JavaRowFormat.ARRAY : JavaRowFormat.SCALAR);
    List<String> names = getInput().getRowType().getFieldNames();
    SessionDeleter deleter = new SessionDeleter(api, names.indexOf("id"), names.indexOf("session_start_time"),
        refusal);
    builder.add(Expressions.return_(null, Expressions.call(SessionDeleter.class, "run",
        implementor.stash(deleter, SessionDeleter.class), rows,
        Expressions.convert_(implementor.getRootExpression(), DataContext.class),
        Expressions.constant(physType.getFormat() == JavaRowFormat.ARRAY))));
    return implementor.result(physType, builder.toBlock());
  }
}
