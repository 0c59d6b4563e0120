package io.convosql.driver;

import java.util.regex.Pattern;

/**
 * {@code SET TRANSACTION ...} as tools send it (Spring's read-only transactions send
 * {@code SET TRANSACTION READ ONLY}; others set an isolation level, or use PostgreSQL's and MySQL's
 * session forms), and the statements that begin and end a transaction as scripts and SQL consoles
 * write them ({@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK},
 * {@code END}): convosql only reads and has no transactions, so such a statement is accepted and
 * does nothing, as {@code Connection.commit()} does. {@code ROLLBACK TO SAVEPOINT} is not one of
 * them.
 */
final class TransactionStatements {
  private static final Pattern SET_TRANSACTION = Pattern.compile(
      "\\s*SET\\s+(?:SESSION\\s+CHARACTERISTICS\\s+AS\\s+|SESSION\\s+|LOCAL\\s+)?TRANSACTION\\b[^;]*;?\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BEGIN_OR_END = Pattern.compile(
      "\\s*(?:BEGIN(?:\\s+(?:WORK|TRANSACTION))?|START\\s+TRANSACTION(?:\\s+READ\\s+(?:ONLY|WRITE))?"
          + "|COMMIT(?:\\s+(?:WORK|TRANSACTION))?|ROLLBACK(?:\\s+(?:WORK|TRANSACTION))?|END(?:\\s+(?:WORK|TRANSACTION))?)"
          + "\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  private TransactionStatements() {}

  static boolean isSetTransaction(String sql) {
    return SET_TRANSACTION.matcher(sql).matches();
  }

  /** Whether the SQL is one of the statements that begin or end a transaction. */
  static boolean isBeginOrEnd(String sql) {
    return BEGIN_OR_END.matcher(sql).matches();
  }
}
