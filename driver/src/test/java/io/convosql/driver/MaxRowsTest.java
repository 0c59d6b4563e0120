package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Statement.setMaxRows(n)}, as DBeaver's data tab sets it, bounds what the scans fetch as
 * {@code LIMIT n} does: on every table of the demo, no more requests than the same query with LIMIT.
 */
class MaxRowsTest {
  private static final List<String> TABLES = List.of("pathsim.workspaces", "pathsim.sessions",
      "pathsim.transcript_lines", "pathsim.steps", "pathsim.recordings", "insights.sessions",
      "insights.transcript_lines", "insights.tags", "insights.flow_path", "insights.parameters",
      "insights.collected_tags", "insights.collected_parameters", "insights.request_ids", "insights.node_tags",
      "insights.execution_parameters", "insights.altered_parameters");
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverManager.getConnection("jdbc:convosql:demo=true;maxRequestsPerStatement=0");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  /** Runs the SQL, reads every row, and returns the rows read and the requests the sandbox served. */
  private static Run run(String sql, int maxRows) throws SQLException {
    DemoSandbox.get().requests().clearWhenQuiet(Duration.ofMillis(200));
    int rows = 0;
    try (Statement s = connection.createStatement()) {
      s.setMaxRows(maxRows);
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rows++;
        }
      }
    }
    return new Run(rows, DemoSandbox.get().requests().all().stream().map(RecordedRequest::toString).toList());
  }

  private record Run(int rows, List<String> requests) {}

  @Test
  void maxRowsOnEveryTableSendsNoMoreThanLimit() throws SQLException {
    for (String table : TABLES) {
      Run limited = run("SELECT * FROM " + table + " LIMIT 200", 0);
      Run maxRows = run("SELECT * FROM " + table, 200);
      assertThat(maxRows.rows()).as(table).isEqualTo(limited.rows());
      // a child table's next session is asked for as the last rows are read, and cancelled when the
      // scan closes: in either run it may or may not reach the sandbox first
      assertThat(maxRows.requests().size()).as(table + ": " + maxRows.requests())
          .isLessThanOrEqualTo(limited.requests().size() + 1);
    }
  }

  @Test
  void sessionsUnderMaxRowsGetTwoHundredDetails() throws SQLException {
    Run maxRows = run("SELECT * FROM pathsim.sessions", 200);
    assertThat(maxRows.rows()).isEqualTo(200);
    assertThat(maxRows.requests()).filteredOn(r -> r.matches("GET /sessions/[^/?]+")).hasSize(200);
    // the first workspace's first two pages hold the 200 rows: no read-ahead into others
    assertThat(maxRows.requests()).filteredOn(r -> !r.matches("GET /sessions/[^/?]+")).hasSize(3)
        .first().isEqualTo("GET /workspaces");
  }

  @Test
  void aPreparedStatementsMaxRowsIsPlannedAsAStatementsIs() throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("SELECT * FROM pathsim.sessions WHERE test_type = ?")) {
      p.setString(1, "Voice");
      p.setMaxRows(200);
      Run first = read(p);
      assertThat(first.rows()).isEqualTo(200);
      assertThat(first.requests()).filteredOn(r -> r.matches("GET /sessions/[^/?]+")).hasSize(200);
      assertThat(first.requests()).filteredOn(r -> !r.matches("GET /sessions/[^/?]+")).hasSize(3);

      // set after a first run, and changed between runs: each run has its own maximum
      p.setMaxRows(1);
      Run one = read(p);
      assertThat(one.rows()).isEqualTo(1);
      assertThat(one.requests()).hasSize(3); // the workspaces, a page of one, its detail
    }
    int web = Integer.parseInt(DriverFixture.rows(connection,
        "SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = 'Web'").get(0));
    try (PreparedStatement ids = connection.prepareStatement("SELECT id FROM pathsim.sessions WHERE test_type = ?")) {
      ids.setString(1, "Web");
      ids.setLargeMaxRows(7);
      assertThat(read(ids).rows()).isEqualTo(7);
      ids.setMaxRows(0); // back to every row
      assertThat(read(ids).rows()).isEqualTo(web).isGreaterThan(7);
    }
  }

  private static Run read(PreparedStatement p) throws SQLException {
    DemoSandbox.get().requests().clearWhenQuiet(Duration.ofMillis(200));
    int rows = 0;
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        rows++;
      }
    }
    return new Run(rows, DemoSandbox.get().requests().all().stream().map(RecordedRequest::toString).toList());
  }
}
