package io.convosql.driver;

import java.util.regex.Pattern;

/**
 * {@code SET TRANSACTION ...} as tools send it (Spring's read-only transactions send
 * {@code SET TRANSACTION READ ONLY}; others set an isolation level, or use PostgreSQL's and MySQL's
 * session forms): convosql only reads and has no transactions, so such a statement is accepted and
 * does nothing.
 */
final class TransactionStatements {
  private static final Pattern SET_TRANSACTION = Pattern.compile(
      "\\s*SET\\s+(?:SESSION\\s+CHARACTERISTICS\\s+AS\\s+|SESSION\\s+|LOCAL\\s+)?TRANSACTION\\b[^;]*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  private TransactionStatements() {}

  static boolean isSetTransaction(String sql) {
    return SET_TRANSACTION.matcher(sql).matches();
  }
}
