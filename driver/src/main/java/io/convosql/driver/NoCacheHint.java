package io.convosql.driver;

import io.convosql.core.exec.CacheBypass;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The statement hint {@code /*+ no_cache *&#47;} (as in {@code SELECT /*+ no_cache *&#47; ...}), which a
 * user of any SQL tool can type: a statement that carries it is answered by the API, never from the
 * response cache. Calcite parses the hint and ignores it; the driver finds it in the SQL text (not
 * inside string literals or quoted names) and marks the statement for its scans.
 */
final class NoCacheHint {
  private static final Pattern LITERALS = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"");
  private static final Pattern HINT = Pattern.compile("/\\*\\+[^*]*\\bno_cache\\b",
      Pattern.CASE_INSENSITIVE);

  private NoCacheHint() {}

  /** Whether the SQL carries the hint. */
  static boolean in(String sql) {
    if (!sql.toLowerCase(Locale.ROOT).contains("no_cache")) {
      return false; // the common case, without regular expressions
    }
    return HINT.matcher(LITERALS.matcher(sql).replaceAll("''")).find();
  }

  /** Marks the statement for its next executions as its SQL says. */
  static void apply(Statement statement, String sql) {
    CacheBypass.mark(WarningStatements.cancelFlag(statement), in(sql));
  }
}
