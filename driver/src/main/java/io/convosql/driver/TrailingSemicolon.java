package io.convosql.driver;

/**
 * A statement's closing semicolon, which JDBC users copy from scripts and consoles and which
 * PostgreSQL's and MySQL's drivers accept: Calcite's parser refused {@code SELECT 1;} with "unexpected
 * ';'". The parser is given a blank in its place, so error positions still match the text typed.
 * Two statements ({@code SELECT 1; SELECT 2}) stay an error: only a semicolon with nothing but
 * blanks after it is taken.
 */
final class TrailingSemicolon {
  private TrailingSemicolon() {}

  static String strip(String sql) {
    int end = sql.length();
    while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
      end--;
    }
    if (end == 0 || sql.charAt(end - 1) != ';') {
      return sql;
    }
    return sql.substring(0, end - 1) + " " + sql.substring(end);
  }
}
