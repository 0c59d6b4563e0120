package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An id that goes into a request path reaches the API percent-encoded, whatever it holds: before,
 * {@code [} and {@code ]} were sent as they are and the server refused the request (HTTP 400), so
 * {@code WHERE id = 'a[1]'} failed instead of finding no session. The sandbox logs the path decoded,
 * so the log shows the id as written.
 */
class IdInPathTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = OwnSandbox.start(5, 5);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clear() {
    sandbox.requests().clear();
  }

  @Test
  void aPathSimSessionIdWithBracketsFindsNoSession() throws SQLException {
    try (Connection c = OwnSandbox.connect(sandbox)) {
      for (String id : new String[] {"a[1]", "a]b[", "a|b", "a{b}", "a b%5D", "ä日"}) {
        assertThat(DriverFixture.rows(c, "SELECT id FROM pathsim.sessions WHERE id = ?", id)).as(id).isEmpty();
      }
    }
    assertThat(sandbox.requests().of("pathsim")).extracting(RecordedRequest::toString,
        RecordedRequest::status).containsExactly(
            tuple("GET /sessions/a[1]", 404),
            tuple("GET /sessions/a]b[", 404),
            tuple("GET /sessions/a|b", 404),
            tuple("GET /sessions/a{b}", 404),
            tuple("GET /sessions/a b%5D", 404),
            tuple("GET /sessions/ä日", 404));
  }

  @Test
  void aWorkspaceIdWithBracketsHasNoSessions() throws SQLException {
    try (Connection c = OwnSandbox.connect(sandbox)) {
      assertThat(DriverFixture.rows(c, "SELECT id FROM pathsim.sessions WHERE workspace_id = 'w[1]'"))
          .isEmpty();
    }
    assertThat(sandbox.requests().of("pathsim")).extracting(RecordedRequest::path, RecordedRequest::status)
        .containsExactly(tuple("/workspaces/w[1]/sessions", 404));
  }
}
