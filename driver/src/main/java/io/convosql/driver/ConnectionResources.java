package io.convosql.driver;

import io.convosql.core.exec.StatementWarnings;
import java.util.List;

/**
 * What one connection owns beyond Calcite's own state: its schemas' HTTP clients, its warnings and its
 * statements' request budget.
 */
final class ConnectionResources implements AutoCloseable {
  private final StatementWarnings warnings;
  private final List<AutoCloseable> closeables;
  private final int maxRequestsPerStatement;

  ConnectionResources(StatementWarnings warnings, int maxRequestsPerStatement, AutoCloseable... closeables) {
    this.warnings = warnings;
    this.maxRequestsPerStatement = maxRequestsPerStatement;
    this.closeables = List.of(closeables);
  }

  StatementWarnings warnings() {
    return warnings;
  }

  /** The most requests one statement may send ({@code maxRequestsPerStatement}); 0 for no limit. */
  int maxRequestsPerStatement() {
    return maxRequestsPerStatement;
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
