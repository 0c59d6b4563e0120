package io.convosql.driver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What to write instead of another database's syntax that does not parse here: SQL Server's
 * {@code SELECT TOP n}, PostgreSQL's {@code SELECT DISTINCT ON (...)} and {@code AT TIME ZONE}. The parser failed on them
 * at a token past the cause ({@code 2} after {@code TOP}, read as a column) with a hint about quoting
 * reserved words, which sent users the wrong way.
 */
final class OtherDialects {
  private static final Pattern TOP = Pattern.compile(
      "\\s*SELECT\\s+(?:(?:DISTINCT|ALL)\\s+)?(TOP)\\s*(?:\\(\\s*)?(\\d+|\\?)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DISTINCT_ON = Pattern.compile(
      "\\s*SELECT\\s+(DISTINCT\\s+ON)\\s*\\(([^()]*)\\)", Pattern.CASE_INSENSITIVE);

  /** Calcite's refusal of one time minus another, which PostgreSQL and MySQL take. */
  private static final Pattern TIME_MINUS_TIME = Pattern.compile(
      "Cannot apply '-' to arguments of type '<(?:TIMESTAMP|DATE)\\b[^>]*> - <(?:TIMESTAMP|DATE)\\b[^>]*>'");
  private static final Pattern AT_TIME_ZONE = Pattern.compile("\\bAT\\s+TIME\\s+ZONE\\b",
      Pattern.CASE_INSENSITIVE);

  private OtherDialects() {}

  /** The hint, after "Syntax error at line L, column C: ", for the SQL; null when none applies. */
  static @Nullable String hint(String sql) {
    Matcher top = TOP.matcher(sql);
    if (top.lookingAt()) {
      String n = top.group(2);
      return at(sql, top.start(1)) + "TOP is SQL Server's, not SQL convosql runs: write LIMIT " + n
          + " at the end of the query, or FETCH FIRST " + n + " ROWS ONLY.";
    }
    Matcher on = DISTINCT_ON.matcher(sql);
    if (on.lookingAt()) {
      String keys = on.group(2).strip();
      return at(sql, on.start(1)) + "DISTINCT ON is PostgreSQL's and not"
          + " supported: for one row per " + keys + ", GROUP BY " + keys + ", or number the rows with"
          + " ROW_NUMBER() OVER (PARTITION BY " + keys + " ORDER BY ...) in a subquery and keep those"
          + " numbered 1.";
    }
    int zone = atTimeZone(sql);
    if (zone >= 0) {
      return at(sql, zone) + "AT TIME ZONE is PostgreSQL's, not SQL convosql runs. The"
          + " tables' timestamps are UTC; for another zone's wall clock write"
          + " convert_tz(t, 'UTC', 'America/New_York').";
    }
    return null;
  }

  /** Where AT TIME ZONE starts outside strings, quoted names and comments; -1 when nowhere. */
  private static int atTimeZone(String sql) {
    Matcher zone = AT_TIME_ZONE.matcher(sql);
    int i = 0;
    while (i < sql.length()) {
      int skip = SqlSpans.skipped(sql, i);
      if (skip > i) {
        i = skip;
      } else if (!SqlSpans.wordChar(sql, i - 1) && zone.region(i, sql.length()).lookingAt()) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * What to write instead of another database's function that is not here, for the error naming it;
   * null when there is nothing to say.
   */
  static @Nullable String functionHint(String name) {
    switch (name.toUpperCase(java.util.Locale.ROOT)) {
      case "DATEDIFF":
      case "DATE_DIFF":
        return "for whole units between two times write TIMESTAMPDIFF(DAY, from, to) (also SECOND,"
            + " MINUTE, HOUR, WEEK, MONTH, YEAR); SQL Server's DATEDIFF counts the boundaries crossed,"
            + " which differs: DATEDIFF(YEAR, '2024-12-31', '2025-01-01') is 1, TIMESTAMPDIFF 0";
      case "DATEADD":
      case "DATE_ADD":
        return "write TIMESTAMPADD(DAY, n, t), or t + INTERVAL '1' DAY";
      case "ISNULL":
        return "write COALESCE(a, b) (or IFNULL(a, b))";
      case "LEN":
        return "write CHAR_LENGTH(s)";
      case "GETDATE":
      case "SYSDATE":
        return "write CURRENT_TIMESTAMP (or now())";
      case "DATE_FORMAT":
        return "DATE_FORMAT is MySQL's; for text write to_char(t, 'YYYY-MM') (PostgreSQL's patterns: YYYY,"
            + " MM, DD, HH24, MI, SS, Mon, Dy), to group by month date_trunc('month', t), for one field"
            + " EXTRACT(MONTH FROM t)";
      case "AGE":
        return "AGE is PostgreSQL's interval of years, months and days, a type SQL here lacks; write"
            + " TIMESTAMPDIFF(YEAR, t2, t1) for whole years between them (or MONTH, DAY, HOUR, ...), or"
            + " (t1 - t2) DAY TO SECOND for an interval";
      case "DATE_TRUNC": // PostgresqlCalls rewrote those of these units
        return "date_trunc('unit', t) takes the units 'second', 'minute', 'hour', 'day', 'week', 'month',"
            + " 'quarter' and 'year', written as a literal";
      default:
        return null;
    }
  }

  /**
   * What to write for an operation the validator refused that another database takes: one time
   * minus another is an interval in PostgreSQL and a number in MySQL; null for any other refusal.
   */
  static @Nullable String operatorHint(String validatorMessage) {
    return TIME_MINUS_TIME.matcher(validatorMessage).find() ? "to subtract one time from another write"
        + " TIMESTAMPDIFF(SECOND, b, a) for a - b in whole seconds (or MINUTE, HOUR, DAY, ...), or (a - b)"
        + " DAY TO SECOND for an interval" : null;
  }

  /** "Syntax error at line L, column C: " for an offset in the SQL. */
  static String at(String sql, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "Syntax error at line " + line + ", column " + (offset - lineStart + 1) + ": ";
  }
}
