package io.convosql.driver;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A sandbox of a test class's own with two connections to it, one pushing filters down and one not
 * ({@code pushdown=false}), so that a test can check both give the same rows.
 */
final class PushdownPair implements AutoCloseable {
  final Connection pushed;
  final Connection unpushed;
  private final Sandbox sandbox;

  private PushdownPair(Sandbox sandbox) throws SQLException {
    this.sandbox = sandbox;
    this.pushed = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
    this.unpushed = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "pushdown=false");
  }

  static PushdownPair start(int pathSimSessions, int insightsSessions) throws SQLException {
    return new PushdownPair(OwnSandbox.start(pathSimSessions, insightsSessions));
  }

  @Override
  public void close() throws SQLException {
    try (sandbox; Connection a = pushed; Connection b = unpushed) {
      // closed in reverse order: the connections, then the sandbox
    }
  }
}
