package io.convosql.driver;

/**
 * A refusal found while preparing SQL (a write to a read-only table, a literal that cannot be cast),
 * thrown through Calcite with the SQLState and one-line message the user's SQLException gets
 * ({@link SqlErrors}).
 */
final class SqlStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  SqlStateException(String message, String sqlState) {
    super(message);
    this.sqlState = sqlState;
  }

  String sqlState() {
    return sqlState;
  }
}
