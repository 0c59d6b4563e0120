package io.convosql.driver;

import java.sql.SQLDataException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A negative number bound to {@code LIMIT ?}, {@code FETCH NEXT ? ROWS} or {@code OFFSET ?}, refused,
 * naming the clause as the SQL wrote it,
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
    Clause clause = clause(sql, index - 1);
    if (clause == null) {
      return;
    }
    throw new SQLDataException(clause.written() + " is bound to " + value + ", and a row count cannot be"
        + " negative: bind 0 or more" + (clause.offset() ? "" : "; for every row, leave out " + clause.whole()),
        clause.offset() ? "2201X" : "2201W");
  }

  /**
   * A row-count parameter as the SQL wrote it: {@code written} names it ("LIMIT ?", "FETCH NEXT ?
   * ROWS", "OFFSET ? ROWS"), {@code whole} is the clause to leave out for every row.
   */
  private record Clause(boolean offset, String written, String whole) {}

  /** Blanks or a comment, which may stand between the words of a clause and its ?. */
  private static final String GAP = "(?:\\s|/\\*(?s:.*?)\\*/|--[^\\n]*(?:\\n|$))";
  private static final Pattern FETCH_BEFORE = Pattern.compile("(?i)\\bFETCH" + GAP + "+(FIRST|NEXT)" + GAP + "*$");
  private static final Pattern OFFSET_BEFORE = Pattern.compile("(?i)\\bOFFSET" + GAP + "*$");
  private static final Pattern ROWS_AFTER = Pattern.compile("(?i)^" + GAP + "*(ROWS?)\\b(" + GAP + "+ONLY\\b)?");

  /** Names the parameter at {@code pos} of {@code sql} with the words around it. */
  private static Clause written(String sql, SqlParserPos pos, boolean offset) {
    int at;
    try {
      at = SqlParserUtil.lineColToIndex(sql, pos.getLineNum(), pos.getColumnNum());
    } catch (RuntimeException e) {
      at = -1;
    }
    if (at < 0 || at >= sql.length() || sql.charAt(at) != '?') {
      return offset ? new Clause(true, "OFFSET ?", "OFFSET") : new Clause(false, "LIMIT ?", "LIMIT");
    }
    Matcher rows = ROWS_AFTER.matcher(sql.substring(at + 1));
    boolean hasRows = rows.find();
    String rowsWord = hasRows ? " " + rows.group(1).toUpperCase(Locale.ROOT) : "";
    String only = hasRows && rows.group(2) != null ? " ONLY" : "";
    if (offset) {
      boolean limitComma = !OFFSET_BEFORE.matcher(sql.substring(0, at)).find(); // MySQL's LIMIT ?, ?
      return new Clause(true, limitComma ? "The offset of LIMIT ?, ?" : "OFFSET ?" + rowsWord, "OFFSET");
    }
    Matcher fetch = FETCH_BEFORE.matcher(sql.substring(0, at));
    if (fetch.find()) {
      String words = "FETCH " + fetch.group(1).toUpperCase(Locale.ROOT) + " ?" + rowsWord;
      return new Clause(false, words, words + only);
    }
    return new Clause(false, "LIMIT ?", "LIMIT");
  }

  /** The clause whose row count the {@code ?} of that index (from 0) is; else null. */
  private static @Nullable Clause clause(String sql, int param) {
    SqlNode tree;
    String parsed = PostgresqlIntervals.rewrite(JdbcEscapes.rewrite(TrailingSemicolon.strip(sql)));
    try {
      tree = SqlParser.create(parsed,
          SqlParser.config().withParserFactory(SqlBabelParserImpl.FACTORY).withLex(Lex.MYSQL_ANSI)
              .withConformance(SqlConformanceEnum.LENIENT)).parseQuery();
    } catch (SqlParseException | RuntimeException e) {
      return null;
    }
    Clause[] found = new Clause[1];
    tree.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect s) {
          note(s.getFetch(), false);
          note(s.getOffset(), true);
        } else if (call instanceof SqlOrderBy o) {
          note(o.fetch, false);
          note(o.offset, true);
        }
        return super.visit(call);
      }

      private void note(@Nullable SqlNode node, boolean offset) {
        if (node instanceof SqlDynamicParam p && p.getIndex() == param) {
          found[0] = written(parsed, p.getParserPosition(), offset);
        }
      }
    });
    return found[0];
  }
}
