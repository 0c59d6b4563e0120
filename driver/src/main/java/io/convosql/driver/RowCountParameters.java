package io.convosql.driver;

import java.sql.SQLDataException;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A negative number bound to {@code LIMIT ?}, {@code FETCH NEXT ? ROWS} or {@code OFFSET ?}, refused
 * when bound: it reached the scan, which failed with HY000 "exception while executing query: OFFSET
 * and FETCH must not be negative". The SQL is parsed only when a negative number is bound, to learn
 * whether its {@code ?} is a row count; SQL this cannot parse leaves the value to the scan.
 */
final class RowCountParameters {
  private RowCountParameters() {}

  /** Throws the error when the value is negative and parameter {@code index} (from 1) is a row count. */
  static void check(@Nullable String sql, int index, @Nullable Object value) throws SQLDataException {
    if (sql == null || !(value instanceof Number n) || n.doubleValue() >= 0) {
      return;
    }
    String clause = clause(sql, index - 1);
    if (clause == null) {
      return;
    }
    boolean offset = clause.equals("OFFSET");
    throw new SQLDataException(clause + " ? is bound to " + value + ", and a row count cannot be"
        + " negative: bind 0 or more" + (offset ? "" : "; for every row, leave out " + clause),
        offset ? "2201X" : "2201W");
  }

  /** "LIMIT" or "OFFSET" when the {@code ?} of that index (from 0) counts rows; else null. */
  private static @Nullable String clause(String sql, int param) {
    SqlNode tree;
    try {
      tree = SqlParser.create(PostgresqlIntervals.rewrite(JdbcEscapes.rewrite(TrailingSemicolon.strip(sql))),
          SqlParser.config().withParserFactory(SqlBabelParserImpl.FACTORY).withLex(Lex.MYSQL_ANSI)
              .withConformance(SqlConformanceEnum.LENIENT)).parseQuery();
    } catch (SqlParseException | RuntimeException e) {
      return null;
    }
    String[] found = new String[1];
    tree.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect s) {
          note(s.getFetch(), "LIMIT");
          note(s.getOffset(), "OFFSET");
        } else if (call instanceof SqlOrderBy o) {
          note(o.fetch, "LIMIT");
          note(o.offset, "OFFSET");
        }
        return super.visit(call);
      }

      private void note(@Nullable SqlNode node, String clause) {
        if (node instanceof SqlDynamicParam p && p.getIndex() == param) {
          found[0] = clause;
        }
      }
    });
    return found[0];
  }
}
