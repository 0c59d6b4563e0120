package io.convosql.driver;

import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlJdbcFunctionCall;

/**
 * JDBC's escape syntax, which tools and ORMs write because every driver must take it. Calcite's
 * parser reads {@code {fn …}}, {@code {d …}}, {@code {t …}} and {@code {ts …}} itself; the others are
 * written in plain SQL before parsing, keeping the statement's length so that error positions still
 * point at what was typed:
 * <ul>
 *   <li>{@code {oj a LEFT OUTER JOIN b ON …}}: the join, braces removed;
 *   <li>{@code {limit n}} and {@code {limit n offset m}}: {@code LIMIT n [OFFSET m]};
 *   <li>{@code LIKE 'x!_%' {escape '!'}}: {@code ESCAPE '!'};
 *   <li>{@code {fn f(…)}} of a function that is not one of JDBC's ({@code NVL}, {@code matches}):
 *       the call, braces removed.
 * </ul>
 * The name in {@code {fn …}} of one of JDBC's functions is written in capitals, as Calcite looks
 * it up, so that {@code {fn ucase(s)}} runs also where names keep their case ({@code lex=JAVA}).
 * Text inside strings, quoted names and comments is never touched. {@code {call …}} and
 * {@code {? = call …}} are refused ({@link #refuseCall}): there are no stored procedures.
 */
final class JdbcEscapes {
  private static final Pattern CALL = Pattern.compile(
      "\\s*(\\{\\s*(\\?\\s*=\\s*)?CALL\\b|CALL\\s)[\\s\\S]*", Pattern.CASE_INSENSITIVE);

  private static final int[] NOT_OURS = {};

  private JdbcEscapes() {}

  /**
   * The statement with its {@code oj}, {@code limit} and {@code escape} escapes in plain SQL, and the
   * names of JDBC's {@code fn} functions in capitals.
   */
  static String rewrite(String sql) {
    if (sql.indexOf('{') < 0) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    // per open brace: where its escape's opening starts and ends when rewritten here, else null
    Deque<int[]> open = new ArrayDeque<>();
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
        boolean ours = keyword.equals("OJ") || keyword.equals("LIMIT") || keyword.equals("ESCAPE")
            || keyword.equals("FN") && !jdbcFunction(sql, end);
        if (ours) { // "{limit" becomes " LIMIT", "{oj" and "{fn" blanks
          open.push(new int[] {i, end});
          out.append(' ').append(sql, i + 1, start)
              .append(keyword.equals("OJ") || keyword.equals("FN") ? "  " : keyword);
          i = end;
        } else if (keyword.equals("FN")) { // one of JDBC's, named in capitals as Calcite looks it up
          int name = end;
          while (name < sql.length() && Character.isWhitespace(sql.charAt(name))) {
            name++;
          }
          int nameEnd = name;
          while (SqlSpans.wordChar(sql, nameEnd)) {
            nameEnd++;
          }
          String upper = sql.substring(name, nameEnd).toUpperCase(Locale.ROOT);
          open.push(NOT_OURS);
          out.append(sql, i, name)
              .append(upper.length() == nameEnd - name ? upper : sql.substring(name, nameEnd));
          i = nameEnd;
        } else {
          open.push(NOT_OURS);
          out.append(c);
          i++;
        }
      } else if (c == '}') {
        int[] opened = open.poll();
        out.append(opened != null && opened != NOT_OURS ? ' ' : c);
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    for (int[] o : open) { // "{fn NVL(1, 2)" with no "}": as typed, so that the parser says so
      if (o != NOT_OURS) {
        out.replace(o[0], o[1], sql.substring(o[0], o[1]));
      }
    }
    return out.toString();
  }

  /**
   * Whether the function named after {@code {fn} at {@code from} is one of JDBC's, which Calcite
   * reads itself; any other ({@code NVL}, {@code matches}, {@code convert_tz}, and
   * {@code CONVERT_TIMEZONE}, which Calcite maps to a function it cannot run) is called as plain SQL.
   */
  private static boolean jdbcFunction(String sql, int from) {
    int start = from;
    while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
      start++;
    }
    int end = start;
    while (SqlSpans.wordChar(sql, end)) {
      end++;
    }
    String name = sql.substring(start, end).toUpperCase(Locale.ROOT);
    return !name.equals("CONVERT_TIMEZONE") && JdbcFunctions.NAMES.contains(name);
  }

  /** The names of JDBC's escape functions Calcite reads, loaded with the first {@code {fn}}. */
  private static final class JdbcFunctions {
    static final Set<String> NAMES = Set.copyOf(Arrays.asList(String.join(",",
        SqlJdbcFunctionCall.getNumericFunctions(), SqlJdbcFunctionCall.getStringFunctions(),
        SqlJdbcFunctionCall.getTimeDateFunctions(), SqlJdbcFunctionCall.getSystemFunctions(),
        "REVERSE,TO_CHAR") // two Calcite reads in {fn} but lists in none of the four
        .split(",")));
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
