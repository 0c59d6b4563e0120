package io.convosql.driver;

import java.math.BigDecimal;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Calcite's standard planning with {@code Statement.setMaxRows(n)} put on top of the query as
 * {@code FETCH NEXT n ROWS ONLY}: Calcite itself only stops reading the answer after n rows, while the
 * scans below, not knowing, page and fetch details ahead as for the whole table. As a LIMIT, the scan
 * rules push it into the scans where a LIMIT would go.
 */
final class MaxRowsProgram {
  private MaxRowsProgram() {}

  /** The standard program after wrapping the query in a LIMIT of {@code maxRows} (a DML statement is left alone). */
  static Program of(long maxRows) {
    Program limit = (planner, rel, traits, materializations, lattices) -> {
      if (rel instanceof TableModify) {
        return rel;
      }
      var rex = rel.getCluster().getRexBuilder();
      RelNode limited = LogicalSort.create(rel, RelCollations.EMPTY, null,
          rex.makeExactLiteral(BigDecimal.valueOf(maxRows), rex.getTypeFactory().createSqlType(SqlTypeName.BIGINT)));
      return limited;
    };
    return Programs.sequence(limit, Programs.standard());
  }
}
