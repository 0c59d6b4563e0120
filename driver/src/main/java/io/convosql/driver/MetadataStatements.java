package io.convosql.driver;

import java.sql.SQLFeatureNotSupportedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and PostgreSQL shells' ways of listing tables and columns in SQL ({@code SHOW TABLES},
 * {@code DESCRIBE t}, {@code DESC t}), which convosql does not run: Calcite read
 * {@code DESCRIBE pathsim.sessions} as a table {@code sessions} of a catalog {@code pathsim} and
 * answered "Table 'pathsim' not found". They fail before Calcite with 0A000 and where to look instead.
 */
final class MetadataStatements {
  private static final Pattern STATEMENT = Pattern.compile(
      "\\s*(SHOW|DESCRIBE|DESC)\\b(?:\\s+TABLE\\b)?\\s*([^\\s;]*)[\\s\\S]*", Pattern.CASE_INSENSITIVE);

  private MetadataStatements() {}

  /** Throws the error for SHOW or DESCRIBE; returns for any other SQL. */
  static void refuse(String sql) throws SQLFeatureNotSupportedException {
    Matcher m = STATEMENT.matcher(sql);
    if (!m.matches()) {
      return;
    }
    String table = m.group(2).isEmpty() || m.group(1).equalsIgnoreCase("SHOW") ? "pathsim.sessions"
        : m.group(2);
    throw new SQLFeatureNotSupportedException(m.group(1).toUpperCase(java.util.Locale.ROOT)
        + " is not SQL convosql runs: in the shell, !tables lists the tables and !describe " + table
        + " a table's columns; from JDBC, DatabaseMetaData.getTables and getColumns. Tables are named"
        + " with their schema: pathsim.sessions, insights.sessions", "0A000");
  }
}
