package org.apache.calcite.avatica.jdbc;

import java.sql.Statement;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The JDBC statement behind a statement handle of Avatica's {@link JdbcMeta}, which keeps it
 * package-private: the convosql server sets its query timeout there, since Avatica's protocol does
 * not carry the client's.
 */
public final class ServerStatements {
  private ServerStatements() {}

  /** The statement of a {@link JdbcMeta}'s statement cache entry, or null when there is none. */
  public static @Nullable Statement of(@Nullable StatementInfo info) {
    return info == null ? null : info.statement;
  }
}
