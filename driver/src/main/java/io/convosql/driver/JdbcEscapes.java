package io.convosql.driver;

import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * JDBC's escape syntax, which tools and ORMs write because every driver must take it. Calcite's
 * parser reads {@code {fn …}}, {@code {d …}}, {@code {t …}} and {@code {ts …}} itself; the others are
 * written in plain SQL before parsing, keeping the statement's length so that error positions still
 * point at what was typed:
 * <ul>
 *   <li>{@code {oj a LEFT OUTER JOIN b ON …}}: the join, braces removed;
 *   <li>{@code {limit n}} and {@code {limit n offset m}}: {@code LIMIT n [OFFSET m]};
 *   <li>{@code LIKE 'x!_%' {escape '!'}}: {@code ESCAPE '!'}.
 * </ul>
 * Text inside strings, quoted names and comments is never touched. {@code {call …}} and
 * {@code {? = call …}} are refused ({@link #refuseCall}): there are no stored procedures.
 */
final class JdbcEscapes {
  private static final Pattern CALL = Pattern.compile(
      "\\s*(\\{\\s*(\\?\\s*=\\s*)?CALL\\b|CALL\\s)[\\s\\S]*", Pattern.CASE_INSENSITIVE);

  private JdbcEscapes() {}

  /** The statement with its {@code oj}, {@code limit} and {@code escape} escapes in plain SQL. */
  static String rewrite(String sql) {
    if (sql.indexOf('{') < 0) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    Deque<Boolean> open = new ArrayDeque<>(); // per open brace: whether its closing one is dropped
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int skip = SqlSpans.skipped(sql, i);
      if (skip > i) {
        int to = Math.min(skip, sql.length());
        out.append(sql, i, to);
        i = to;
      } else if (c == '{') {
        int start = i + 1;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
          start++;
        }
        int end = start;
        while (SqlSpans.wordChar(sql, end)) {
          end++;
        }
        String keyword = sql.substring(start, end).toUpperCase(Locale.ROOT);
        boolean ours = keyword.equals("OJ") || keyword.equals("LIMIT") || keyword.equals("ESCAPE");
        open.push(ours);
        if (ours) { // "{limit" becomes " LIMIT", "{oj" blanks
          out.append(' ').append(sql, i + 1, start)
              .append(keyword.equals("OJ") ? "  " : keyword);
          i = end;
        } else {
          out.append(c);
          i++;
        }
      } else if (c == '}') {
        out.append(!open.isEmpty() && open.pop() ? ' ' : c);
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Throws for a stored procedure call ({@code {call p}}, {@code {? = call p}}, {@code CALL p}). */
  static void refuseCall(String sql) throws SQLFeatureNotSupportedException {
    if (CALL.matcher(sql).matches()) {
      throw noProcedures();
    }
  }

  static SQLFeatureNotSupportedException noProcedures() {
    return new SQLFeatureNotSupportedException("convosql has no stored procedures, so there is"
        + " nothing to call. Query the tables with SELECT through createStatement or"
        + " prepareStatement; DatabaseMetaData.getFunctions lists the functions SQL can use", "0A000");
  }
}
