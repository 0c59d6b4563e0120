package io.convosql.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's interval literals ({@code INTERVAL '7 days'}, {@code interval '1 day 2 hours'}), which
 * Calcite's parser does not take, written in standard SQL before the statement is parsed:
 * {@code INTERVAL '7' DAY}, {@code (INTERVAL '1' DAY + INTERVAL '2' HOUR)}. A week is 7 days. Only
 * the keyword INTERVAL followed by such a string is touched, never text inside strings, quoted names or
 * comments, nor a standard literal ({@code INTERVAL '7' DAY}). A single unit keeps the statement's
 * length, so that error positions still point at what the user typed.
 */
final class PostgresqlIntervals {
  private static final Pattern PART = Pattern.compile(
      "\\s*([+-]?\\d+)\\s*(years?|months?|mons?|weeks?|days?|hours?|minutes?|mins?|seconds?|secs?)\\b\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("year", "YEAR"),
      Map.entry("mon", "MONTH"), Map.entry("month", "MONTH"), Map.entry("week", "DAY"),
      Map.entry("day", "DAY"), Map.entry("hour", "HOUR"), Map.entry("min", "MINUTE"),
      Map.entry("minute", "MINUTE"), Map.entry("sec", "SECOND"), Map.entry("second", "SECOND"));
  /** Words after a literal that make it a standard one, or the start of one (DAY TO HOUR). */
  private static final Set<String> QUALIFIERS = Set.of("YEAR", "YEARS", "MONTH", "MONTHS", "WEEK",
      "WEEKS", "DAY", "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS", "QUARTER",
      "QUARTERS", "MILLISECOND", "MILLISECONDS", "MICROSECOND", "MICROSECONDS");

  private PostgresqlIntervals() {}

  /** The statement with PostgreSQL's interval literals written in standard SQL. */
  static String rewrite(String sql) {
    if (!sql.toUpperCase(Locale.ROOT).contains("INTERVAL")) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int skip = SqlSpans.skipped(sql, i);
      if (skip > i) { // a string, quoted name or comment: copied as it is
        int to = Math.min(skip, sql.length());
        out.append(sql, i, to);
        i = to;
      } else if ((c == 'i' || c == 'I') && sql.regionMatches(true, i, "INTERVAL", 0, 8)
          && !SqlSpans.wordChar(sql, i - 1) && !SqlSpans.wordChar(sql, i + 8)) {
        i = literal(sql, i + 8, out, i);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * After the keyword at {@code keyword} (ending at {@code from}): appends the keyword and its
   * literal, rewritten when it is PostgreSQL's, to {@code out}; returns where the scan goes on.
   */
  private static int literal(String sql, int from, StringBuilder out, int keyword) {
    int quote = from;
    while (quote < sql.length() && Character.isWhitespace(sql.charAt(quote))) {
      quote++;
    }
    if (quote >= sql.length() || sql.charAt(quote) != '\'') {
      out.append(sql, keyword, from);
      return from;
    }
    int end = SqlSpans.skipped(sql, quote); // just after the closing quote
    String text = sql.substring(quote + 1, Math.max(quote + 1, end - 1)).replace("''", "'");
    List<String[]> parts = parts(text);
    if (parts == null || end > sql.length() || qualifierFollows(sql, end)) {
      out.append(sql, keyword, from);
      return from;
    }
    String written;
    if (parts.size() == 1) {
      written = "INTERVAL" + sql.substring(from, quote) + standard(parts.get(0));
      int length = end - keyword;
      if (written.length() < length) {
        written += " ".repeat(length - written.length());
      }
    } else {
      List<String> each = new ArrayList<>();
      for (String[] p : parts) {
        each.add("INTERVAL " + standard(p));
      }
      written = "(" + String.join(" + ", each) + ")";
    }
    out.append(written);
    return end;
  }

  /** {@code '7' DAY} for one part, a week being 7 days. */
  private static String standard(String[] part) {
    long n = Long.parseLong(part[0].startsWith("+") ? part[0].substring(1) : part[0]);
    String unit = part[1].toLowerCase(Locale.ROOT);
    String singular = unit.endsWith("s") && !UNITS.containsKey(unit) ? unit.substring(0, unit.length() - 1) : unit;
    if (singular.equals("week")) {
      n *= 7;
    }
    return "'" + n + "' " + UNITS.get(singular);
  }

  /** The number and unit of each part of PostgreSQL's interval text, or null when it is not one. */
  private static List<String[]> parts(String text) {
    Matcher m = PART.matcher(text);
    List<String[]> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length() && m.find(at) && m.start() == at) {
      parts.add(new String[] {m.group(1), m.group(2)});
      at = m.end();
    }
    return parts.isEmpty() || at != text.length() ? null : parts;
  }

  private static boolean qualifierFollows(String sql, int at) {
    int start = at;
    while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < sql.length() && SqlSpans.wordChar(sql, end)) {
      end++;
    }
    return QUALIFIERS.contains(sql.substring(start, end).toUpperCase(Locale.ROOT));
  }
}
