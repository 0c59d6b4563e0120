package io.convosql.driver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Unicode escape string literals, {@code U&'d\0061t\+000061'} (standard SQL, as PostgreSQL writes
 * them, with an optional {@code UESCAPE '!'}), written as the plain literals they stand for before
 * the statement is parsed. Calcite parsed them as UTF-16 text, which no comparison with a column
 * (UTF-8) accepted: "Cannot apply operation '=' to strings with different charsets". A literal with a
 * malformed escape is left as written, for the parser to report. Strings, quoted names and comments
 * are never touched. The plain literal is padded with spaces to the length it replaces, so that an
 * error's column after it is the column the user typed.
 */
final class UnicodeLiterals {
  private static final Pattern UESCAPE = Pattern.compile("\\s*UESCAPE\\s*'([^'])'", Pattern.CASE_INSENSITIVE);

  private UnicodeLiterals() {}

  /** The statement with its Unicode escape literals written as plain ones. */
  static String rewrite(String sql) {
    if (!sql.contains("&'")) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if ((c == 'u' || c == 'U') && sql.startsWith("&'", i + 1) && !SqlSpans.wordChar(sql, i - 1)) {
        int end = SqlSpans.skipped(sql, i + 2); // just after the closing quote
        if (end <= sql.length()) {
          String body = sql.substring(i + 3, end - 1).replace("''", "'");
          Matcher escape = UESCAPE.matcher(sql).region(end, sql.length());
          boolean custom = escape.lookingAt();
          char escapeChar = custom ? escape.group(1).charAt(0) : '\\';
          String decoded = allowedEscape(escapeChar) ? decode(body, escapeChar) : null;
          if (decoded != null) {
            int after = custom ? escape.end() : end;
            String literal = "'" + decoded.replace("'", "''") + "'";
            // as long as what it stands for, so that errors point where the user typed
            out.append(literal).append(" ".repeat(Math.max(0, after - i - literal.length())));
            i = after;
            continue;
          }
        }
      }
      int skip = SqlSpans.skipped(sql, i);
      if (skip > i) { // a string, quoted name or comment: copied as it is
        int to = Math.min(skip, sql.length());
        out.append(sql, i, to);
        i = to;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The standard's rule: an escape character is no hex digit, no plus sign, quote or space. */
  private static boolean allowedEscape(char c) {
    return Character.digit(c, 16) < 0 && c != '+' && c != '\'' && c != '"' && !Character.isWhitespace(c);
  }

  /**
   * The text of a literal's body with its escapes read; null when one is malformed: no code point,
   * NUL, or half of a surrogate pair without its other half right after it.
   */
  private static @Nullable String decode(String body, char escape) {
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != escape) {
        out.append(c);
        i++;
      } else if (i + 1 < body.length() && body.charAt(i + 1) == escape) {
        out.append(escape);
        i += 2;
      } else {
        boolean six = i + 1 < body.length() && body.charAt(i + 1) == '+';
        int from = i + (six ? 2 : 1);
        int to = from + (six ? 6 : 4);
        if (to > body.length() || !body.substring(from, to).matches("[0-9A-Fa-f]+")) {
          return null;
        }
        int code = Integer.parseInt(body.substring(from, to), 16);
        if (code == 0 || !Character.isValidCodePoint(code)
            || code <= 0xFFFF && Character.isLowSurrogate((char) code)) {
          return null;
        }
        if (code <= 0xFFFF && Character.isHighSurrogate((char) code)) {
          // the other half must follow as a four-digit escape, as PostgreSQL also takes it
          boolean follows = to + 5 <= body.length() && body.charAt(to) == escape
              && body.substring(to + 1, to + 5).matches("[0-9A-Fa-f]{4}");
          int low = follows ? Integer.parseInt(body.substring(to + 1, to + 5), 16) : -1;
          if (low < 0 || !Character.isLowSurrogate((char) low)) {
            return null;
          }
          code = Character.toCodePoint((char) code, (char) low);
          to += 5;
        }
        out.appendCodePoint(code);
        i = to;
      }
    }
    return out.toString();
  }
}
