package io.convosql.driver;

import io.convosql.core.exec.StatementWarnings;
import java.util.List;

/** What one connection owns beyond Calcite's own state: its schemas' HTTP clients and its warnings. */
final class ConnectionResources implements AutoCloseable {
  private final StatementWarnings warnings;
  private final List<AutoCloseable> closeables;

  ConnectionResources(StatementWarnings warnings, AutoCloseable... closeables) {
    this.warnings = warnings;
    this.closeables = List.of(closeables);
  }

  StatementWarnings warnings() {
    return warnings;
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
