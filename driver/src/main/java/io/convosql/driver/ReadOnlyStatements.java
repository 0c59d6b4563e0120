package io.convosql.driver;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Statements that would change tables or schemas ({@code CREATE}, {@code DROP}, {@code ALTER},
 * {@code TRUNCATE}, {@code GRANT}, {@code REVOKE}, {@code UPSERT}, {@code INSERT}, {@code UPDATE},
 * {@code MERGE}, ...), refused before Calcite parses them with the one error users expect of a
 * read-only database: 25006, naming the statement. Calcite gave each its own error: HY000 "DDL not
 * supported" for CREATE TABLE, a parse error expecting MULTISET for CREATE VIEW, a hint to quote
 * reserved words for DROP and GRANT, "this is not a statement" for ALTER and TRUNCATE. The statement
 * is told by its first words, outside comments; the DELETE of {@code insights.sessions} is left to
 * the planner, which decides whether it may run.
 */
final class ReadOnlyStatements {
  private static final Set<String> WRITES = Set.of("CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT",
      "REVOKE", "UPSERT", "INSERT", "UPDATE", "MERGE", "REPLACE", "RENAME", "COMMENT");
  /** The words after CREATE, DROP, ALTER or TRUNCATE that say what the statement is about. */
  private static final Set<String> OBJECT_WORDS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY",
      "GLOBAL", "LOCAL", "UNIQUE", "MATERIALIZED", "UNLOGGED", "FOREIGN", "TABLE", "VIEW", "SCHEMA",
      "DATABASE", "INDEX", "FUNCTION", "PROCEDURE", "SEQUENCE", "TYPE", "TRIGGER", "USER", "ROLE");

  private ReadOnlyStatements() {}

  /** Throws the error for a statement that writes; returns for any other SQL. */
  static void refuse(String sql) throws SQLException {
    List<String> words = firstWords(sql, 5);
    if (words.isEmpty() || !WRITES.contains(words.get(0))) {
      return;
    }
    if (words.get(0).equals("REPLACE") && (words.size() < 2 || !words.get(1).equals("INTO"))) {
      return; // MySQL's REPLACE INTO is a write; REPLACE alone starts no statement
    }
    StringBuilder statement = new StringBuilder(words.get(0));
    if (Set.of("CREATE", "DROP", "ALTER", "TRUNCATE").contains(words.get(0))) {
      for (String w : words.subList(1, words.size())) {
        if (!OBJECT_WORDS.contains(w)) {
          break;
        }
        statement.append(' ').append(w);
      }
    }
    throw new SQLException(message(statement.toString()), "25006");
  }

  /** The refusal of a statement that would write, as the planner gives it too. */
  static String message(String statement) {
    return statement + " is not supported: convosql only reads, and its tables are read-only; the one"
        + " write is DELETE FROM insights.sessions WHERE id = ..., with insights.allowDelete=true";
  }

  /** The statement's first words, upper case, skipping spaces and comments; fewer at a symbol. */
  private static List<String> firstWords(String sql, int most) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < sql.length() && words.size() < most) {
      char c = sql.charAt(i);
      int after = SqlSpans.comment(sql, i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (after > i) {
        i = after;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
      } else {
        break;
      }
    }
    return words;
  }
}
