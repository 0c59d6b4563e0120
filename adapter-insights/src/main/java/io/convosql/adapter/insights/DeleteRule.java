package io.convosql.adapter.insights;

import io.convosql.core.plan.ApiScan;
import io.convosql.core.plan.Column;
import io.convosql.core.plan.FilterTerms;
import io.convosql.core.plan.Term;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Plans a modification of {@code insights.sessions} as an {@link EnumerableSessionsDelete}, as
 * Calcite's JDBC adapter turns a modification of its tables into its own node, and decides there
 * whether the statement may run: only DELETE, only when the schema allows deletes, and only with a
 * WHERE clause that names the sessions by id ({@code id = ...} or {@code id IN (...)}, possibly with
 * other conditions). A refused statement fails before any request.
 */
final class DeleteRule extends ConverterRule {
  static final RelOptRule INSTANCE = Config.INSTANCE
      .withConversion(LogicalTableModify.class,
          (LogicalTableModify m) -> m.getTable().unwrap(SessionsTable.class) != null,
          Convention.NONE, EnumerableConvention.INSTANCE, "InsightsDeleteRule")
      .withRuleFactory(DeleteRule::new)
      .toRule();

  private DeleteRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalTableModify modify = (LogicalTableModify) rel;
    SessionsTable table = modify.getTable().unwrap(SessionsTable.class);
    String refusal = refusal(modify.getOperation(), modify.getInput(), table.allowDelete(), table.columns());
    RelNode input = convert(modify.getInput(),
        modify.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE));
    return new EnumerableSessionsDelete(modify.getCluster(),
        modify.getTraitSet().replace(EnumerableConvention.INSTANCE), modify, input, table.settings.api,
        refusal);
  }

  /** Why the statement is refused, or null when it may run. */
  static @Nullable String refusal(TableModify.Operation operation, RelNode source, boolean allowDelete,
      List<Column> columns) {
    if (operation != TableModify.Operation.DELETE) {
      return "insights.sessions supports DELETE only, not " + operation;
    }
    if (!allowDelete) {
      return "DELETE FROM insights.sessions is disabled: set the connection property"
          + " insights.allowDelete=true to delete sessions (nothing was sent)";
    }
    Filter filter = filter(source);
    boolean pinned = filter != null && FilterTerms.of(filter.getCondition(), columns).stream()
        .anyMatch(t -> t.column() == InsightsTable.ID && Term.equalities(t) != null);
    return pinned ? null : "DELETE FROM insights.sessions needs a WHERE clause that names the sessions"
        + " by id (id = ... or id IN (...)); the statement was refused before any request";
  }

  /**
   * The filter right on the table's scan below a DELETE's projections, as the statement was written
   * (the planner's first version of each node), or null.
   */
  private static @Nullable Filter filter(RelNode source) {
    RelNode n = original(source);
    while (n instanceof Project) {
      n = original(((Project) n).getInput());
    }
    return n instanceof Filter && original(((Filter) n).getInput()) instanceof ApiScan ? (Filter) n : null;
  }

  private static RelNode original(RelNode n) {
    return n instanceof RelSubset ? ((RelSubset) n).getOriginal() : n;
  }
}
