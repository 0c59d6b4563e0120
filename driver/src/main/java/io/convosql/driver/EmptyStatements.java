package io.convosql.driver;

import java.sql.SQLSyntaxErrorException;

/**
 * SQL that holds nothing to run: empty, spaces, comments or semicolons only. Calcite's parser failed
 * on {@code ""} with a NullPointerException (its error has no position) and on a comment with "the
 * statement ends too early" at a column past it; these fail before Calcite with 42000 saying so.
 */
final class EmptyStatements {
  private EmptyStatements() {}

  /** Throws the error for SQL with nothing to run; returns for any other SQL. */
  static void refuse(String sql) throws SQLSyntaxErrorException {
    if (isEmpty(sql)) {
      throw new SQLSyntaxErrorException("The statement is empty: it holds no SQL, only spaces or"
          + " comments; write a query, as in SELECT * FROM pathsim.workspaces", "42000");
    }
  }

  static boolean isEmpty(String sql) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int after = SqlSpans.comment(sql, i);
      if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else if (after == i) {
        return false;
      } else if (sql.startsWith("/*", i) && sql.indexOf("*/", i + 2) < 0) {
        return false; // an unclosed comment: the parser says so
      } else {
        i = after;
      }
    }
    return true;
  }
}
