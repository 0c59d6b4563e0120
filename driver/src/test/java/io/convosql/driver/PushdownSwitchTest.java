package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code pushdown=false}: the same answers as with pushdown, from more requests. */
class PushdownSwitchTest {
  private static Connection on;
  private static Connection off;
  private static String busiest;

  @BeforeAll
  static void connect() throws SQLException {
    on = DriverFixture.connect();
    off = DriverFixture.connect("pushdown=false", "maxRequestsPerStatement=0"); // reads whole tables
    busiest = DriverFixture.data().sessions().stream()
        .collect(Collectors.groupingBy(Session::workspaceId, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  @AfterAll
  static void close() throws SQLException {
    on.close();
    off.close();
  }

  /** The rows of a query on one connection and how many requests PathSim got for them. */
  private record Answer(List<String> rows, int requests) {}

  private static Answer ask(Connection c, String sql, Object... params) throws SQLException {
    SANDBOX.requests().clear();
    List<String> rows = rows(c, sql, params);
    return new Answer(rows, SANDBOX.requests().of("pathsim").size());
  }

  @Test
  void filterSortAndLimit() throws SQLException {
    String sql = "SELECT id FROM pathsim.sessions WHERE workspace_id = ? AND test_type = 'Voice'"
        + " ORDER BY started_at DESC, id LIMIT 5";
    List<String> expected = DriverFixture.data().sessions().stream()
        .filter(s -> s.workspaceId().equals(busiest) && s.testType() == TestType.VOICE)
        .sorted(Comparator.comparing(Session::time).reversed().thenComparing(Session::id))
        .limit(5).map(Session::id).toList();
    assertThat(expected).hasSize(5);
    Answer pushed = ask(on, sql, busiest);
    Answer local = ask(off, sql, busiest);
    assertThat(pushed.rows()).isEqualTo(expected);
    assertThat(local.rows()).isEqualTo(expected);
    assertThat(local.requests()).isGreaterThan(pushed.requests());
  }

  @Test
  void timeRangeCount() throws SQLException {
    String sql = "SELECT COUNT(*) FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-01 00:00:00'";
    long expected = DriverFixture.data().sessions().stream()
        .filter(s -> !s.time().isBefore(Instant.parse("2025-08-01T00:00:00Z"))).count();
    Answer pushed = ask(on, sql);
    Answer local = ask(off, sql);
    assertThat(pushed.rows()).containsExactly(Long.toString(expected));
    assertThat(local.rows()).isEqualTo(pushed.rows());
    assertThat(local.requests()).isGreaterThan(pushed.requests());
  }

  @Test
  void workspaceLookup() throws SQLException {
    String sql = "SELECT s.id, w.name FROM pathsim.sessions s JOIN pathsim.workspaces w ON w.id = s.workspace_id"
        + " WHERE s.id = ?";
    Session session = DriverFixture.data().sessions().get(11);
    String name = DriverFixture.data().workspace(session.workspaceId()).orElseThrow().name();
    Answer pushed = ask(on, sql, session.id());
    Answer local = ask(off, sql, session.id());
    assertThat(pushed.rows()).containsExactly(session.id() + "; " + name);
    assertThat(local.rows()).isEqualTo(pushed.rows());
    assertThat(local.requests()).isGreaterThan(pushed.requests());
  }
}
