package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own sandbox and connection, for tests that must send no API request (metadata,
 * parse errors): registered as a static {@code @RegisterExtension} field, it starts both before
 * the class's tests and, after them all, asserts that the sandbox got no request, then closes
 * every connection it opened and the sandbox.
 */
final class NoRequestSandbox implements BeforeAllCallback, AfterAllCallback {
  private final int pathSimSessions;
  private final int insightsSessions;
  private final List<Connection> connections = new ArrayList<>();
  private Sandbox sandbox;
  private Connection connection;

  /** A sandbox with the given numbers of PathSim sessions and unlinked Insights sessions. */
  NoRequestSandbox(int pathSimSessions, int insightsSessions) {
    this.pathSimSessions = pathSimSessions;
    this.insightsSessions = insightsSessions;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    sandbox = OwnSandbox.start(pathSimSessions, insightsSessions);
    connection = connect();
  }

  Sandbox sandbox() {
    return sandbox;
  }

  /** The connection opened before the tests. */
  Connection connection() {
    return connection;
  }

  /** Another connection to the sandbox, with more {@code name=value} pairs; closed after all. */
  Connection connect(String... more) throws SQLException {
    List<String> pairs = new ArrayList<>(List.of("requestsPerSecond=0"));
    pairs.addAll(List.of(more));
    Connection c = OwnSandbox.connect(sandbox, pairs.toArray(String[]::new));
    connections.add(c);
    return c;
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    try {
      // every test, whatever it asked, sent nothing
      assertThat(sandbox.requests().all()).isEmpty();
    } finally {
      try {
        for (Connection c : connections) {
          c.close();
        }
      } finally {
        sandbox.close();
      }
    }
  }
}
