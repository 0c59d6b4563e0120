package io.convosql.driver;

import io.convosql.core.plan.KeyedBounds;
import io.convosql.core.plan.RowGoals;
import java.math.BigDecimal;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Calcite's standard planning, after two steps of convosql's own and before a third:
 * <ul>
 * <li>integer and decimal arithmetic made checked, so that an overflow fails with 22003 rather than
 *     wrapping around ({@code 2147483647 + 1} is not -2147483648), as PostgreSQL's does; Calcite does
 *     this only under a conformance that asks for it, and the connection's is LENIENT; and text cast
 *     to a TIMESTAMP or DATE at run time read in ISO 8601's spelling too ({@link IsoTextCasts});
 * <li>with {@code Statement.setMaxRows(n)}, {@code FETCH NEXT n ROWS ONLY} on top of the query:
 *     Calcite itself only stops reading the answer after n rows, while the scans below, not knowing,
 *     page and fetch details ahead as for the whole table. As a LIMIT, the scan rules push it into the
 *     scans where a LIMIT would go;
 * <li>once the plan is chosen, what a LIMIT may stop reading after any row through a batch join
 *     marked so ({@link RowGoals}): the join's scans then send a request only when its rows are asked
 *     for.
 * </ul>
 */
final class MaxRowsProgram {
  private MaxRowsProgram() {}

  /**
   * The standard program after checking arithmetic and, when {@code maxRows} is positive, wrapping
   * the query in a LIMIT of {@code maxRows} (a DML statement is left alone).
   */
  static Program of(long maxRows) {
    Program checked = (planner, rel, traits, materializations, lattices) ->
        KeyedBounds.carry(IsoTextCasts.spaced(new ConvertToChecked(rel.getCluster().getRexBuilder()).visit(rel)));
    Program rowGoals = (planner, rel, traits, materializations, lattices) -> RowGoals.mark(rel);
    if (maxRows <= 0) {
      return Programs.sequence(checked, Programs.standard(), rowGoals);
    }
    Program limit = (planner, rel, traits, materializations, lattices) -> {
      if (rel instanceof TableModify) {
        return rel;
      }
      var rex = rel.getCluster().getRexBuilder();
      RelNode limited = LogicalSort.create(rel, RelCollations.EMPTY, null,
          rex.makeExactLiteral(BigDecimal.valueOf(maxRows), rex.getTypeFactory().createSqlType(SqlTypeName.BIGINT)));
      return limited;
    };
    return Programs.sequence(checked, limit, Programs.standard(), rowGoals);
  }
}
