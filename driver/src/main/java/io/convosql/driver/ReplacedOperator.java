package io.convosql.driver;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table of functions with one of Calcite's operators swapped for the driver's own version of it
 * (MOD that takes a DOUBLE, CURRENT_SCHEMA that names the connection's schema): found by the same
 * names, listed in the same place.
 */
final class ReplacedOperator {
  private ReplacedOperator() {}

  /** The functions of {@code table} with {@code replacement} wherever {@code original} stood. */
  static SqlOperatorTable in(SqlOperatorTable table, SqlOperator original, SqlOperator replacement) {
    return new SqlOperatorTable() {
      @Override
      public void lookupOperatorOverloads(SqlIdentifier name, @Nullable SqlFunctionCategory category,
          SqlSyntax syntax, List<SqlOperator> found, SqlNameMatcher matcher) {
        int before = found.size();
        table.lookupOperatorOverloads(name, category, syntax, found, matcher);
        for (int i = before; i < found.size(); i++) {
          if (found.get(i) == original) {
            found.set(i, replacement);
          }
        }
      }

      @Override
      public List<SqlOperator> getOperatorList() {
        List<SqlOperator> all = new ArrayList<>(table.getOperatorList());
        all.replaceAll(op -> op == original ? replacement : op);
        return all;
      }
    };
  }
}
