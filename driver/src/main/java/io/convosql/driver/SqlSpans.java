package io.convosql.driver;

/**
 * The spans of a statement's text that a rewrite before parsing must copy untouched: strings,
 * quoted names and comments; and which characters make up a word.
 */
final class SqlSpans {
  private SqlSpans() {}

  /**
   * Where a string, quoted name or comment starting at {@code at} ends (just after it), or
   * {@code at} when none starts there. An unclosed quote runs beyond the end, so a caller rewrites
   * nothing after it; an unclosed comment runs to the end.
   */
  static int skipped(String sql, int at) {
    char c = sql.charAt(at);
    if (c == '\'' || c == '"' || c == '`') {
      int i = at + 1;
      while (i < sql.length()) {
        if (sql.charAt(i) == c) {
          if (i + 1 < sql.length() && sql.charAt(i + 1) == c) {
            i += 2; // a doubled quote stands for one
            continue;
          }
          return i + 1;
        }
        i++;
      }
      return sql.length() + 1;
    }
    return comment(sql, at);
  }

  /**
   * Where a comment starting at {@code at} ends (just after it: a line comment at its newline), or
   * {@code at} when none starts there. An unclosed block comment runs to the end.
   */
  static int comment(String sql, int at) {
    if (sql.startsWith("--", at)) {
      int nl = sql.indexOf('\n', at);
      return nl < 0 ? sql.length() : nl;
    }
    if (sql.startsWith("/*", at)) {
      int close = sql.indexOf("*/", at + 2);
      return close < 0 ? sql.length() : close + 2;
    }
    return at;
  }

  /**
   * The statement from its first token: without the spaces and comments before it, which tools put
   * at the head of their SQL (a comment naming the report, then {@code SHOW TABLES}), so that checks
   * made before parsing read the statement itself.
   */
  static String body(String sql) {
    int i = 0;
    while (i < sql.length()) {
      int after = comment(sql, i);
      if (after > i) {
        i = after;
      } else if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else {
        break;
      }
    }
    return sql.substring(i);
  }

  /** Whether the character at {@code at} (which may be outside the text) is part of a word. */
  static boolean wordChar(String sql, int at) {
    if (at < 0 || at >= sql.length()) {
      return false;
    }
    char c = sql.charAt(at);
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
