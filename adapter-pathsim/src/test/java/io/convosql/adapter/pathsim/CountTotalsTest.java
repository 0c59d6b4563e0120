package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimFixture.clear;
import static io.convosql.adapter.pathsim.PathSimFixture.requests;
import static io.convosql.adapter.pathsim.PathSimFixture.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * COUNT(*) reads pagination.total with limit=1, one request per workspace, when the list parameters
 * select exactly the counted sessions, and pages otherwise; both give the unpushed answer.
 */
class CountTotalsTest {
  private static Connection pushed;
  private static Connection unpushed;
  private static String busiest;
  private static int workspaces;

  @BeforeAll
  static void connect() throws SQLException {
    pushed = PathSimFixture.connect(true);
    unpushed = PathSimFixture.connect(false);
    busiest = PathSimFixture.busyWorkspaces().get(0);
    workspaces = PathSimFixture.data().workspaces().size();
  }

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    unpushed.close();
  }

  @BeforeEach
  void clearLog() {
    clear();
  }

  /** The pushed answer, rows joined by ","; the request log then holds its requests only. */
  private static String count(String sql, Object... params) throws SQLException {
    clear();
    return String.join(",", Sql.rows(pushed, sql, params));
  }

  @Test
  void totalsAndPagingGiveTheUnpushedAnswer() throws SQLException {
    for (String where : new String[] {"", " WHERE test_type = 'Web' AND workspace_id = ?",
        " WHERE connected = 'Failed' AND workspace_id = ?"}) {
      String sql = "SELECT COUNT(*) FROM pathsim.sessions" + where;
      Object[] params = where.isEmpty() ? new Object[0] : new Object[] {busiest};
      assertThat(count(sql, params)).isEqualTo(String.join(",", Sql.rows(unpushed, sql, params)));
    }
  }

  @Test
  void countStarIsOneTotalPerWorkspace() throws SQLException {
    String sql = "SELECT COUNT(*) FROM pathsim.sessions";
    assertThat(count(sql)).isEqualTo(Integer.toString(PathSimFixture.data().sessions().size()));
    assertThat(requests()).hasSize(1 + workspaces).first().isEqualTo("GET /workspaces");
    assertThat(requests().subList(1, requests().size())).allMatch(r -> r.endsWith("/sessions?limit=1&offset=0"));
    assertThat(Sql.explain(pushed, sql)).contains("count=[true]")
        .contains("request=[GET /workspaces; GET /workspaces/{each workspace}/sessions?limit=1&offset=0,"
            + " summing pagination.total");
  }

  @Test
  void exactListFiltersAndParametersAreCountedByOneRequest() throws SQLException {
    long expected = sessions(s -> s.workspaceId().equals(busiest) && s.testType().name().equals("VOICE")
        && s.source().name().equals("CAMPAIGN")).size();
    assertThat(count("SELECT COUNT(*) AS n, COUNT(id) FROM pathsim.sessions WHERE workspace_id = ?"
        + " AND test_type = ? AND source = 'Campaign'", busiest, "Voice")).isEqualTo(expected + "; " + expected);
    assertThat(requests()).containsExactly(
        "GET /workspaces/" + busiest + "/sessions?limit=1&offset=0&source=Campaign&type=voice");
  }

  @Test
  void anUnknownWorkspaceCountsNothing() throws SQLException {
    assertThat(count("SELECT COUNT(*) FROM pathsim.sessions WHERE workspace_id IN ('nope', ?)", busiest))
        .isEqualTo(Integer.toString(sessions(s -> s.workspaceId().equals(busiest)).size()));
    assertThat(requests()).hasSize(2).allMatch(r -> r.endsWith("/sessions?limit=1&offset=0"));
  }

  @Test
  void calculatedFiltersAreCountedByPaging() throws SQLException {
    long expected = sessions(s -> s.workspaceId().equals(busiest) && s.connected().label().equals("Failed")).size();
    assertThat(count("SELECT COUNT(*) FROM pathsim.sessions WHERE workspace_id = ? AND connected = 'Failed'",
        busiest)).isEqualTo(Long.toString(expected));
    int all = sessions(s -> s.workspaceId().equals(busiest)).size();
    assertThat(requests()).hasSize((all + 99) / 100).allMatch(r -> r.contains("limit=100"));
  }

  @Test
  void aValueTheApiDoesNotDocumentIsCountedByPaging() throws SQLException {
    assertThat(count("SELECT COUNT(*) FROM pathsim.sessions WHERE workspace_id = ? AND test_type = ?",
        busiest, "voice")).isEqualTo("0");
    assertThat(requests()).allMatch(r -> r.contains("limit=100"));
  }

  @Test
  void aDateRangeIsCountedByPagingTheWidenedDays() throws SQLException {
    String sql = "SELECT COUNT(*) FROM pathsim.sessions WHERE workspace_id = ?"
        + " AND started_at >= TIMESTAMP '2025-08-20 10:00:00'";
    long expected = sessions(s -> s.workspaceId().equals(busiest)
        && !s.time().isBefore(java.time.Instant.parse("2025-08-20T10:00:00Z"))).size();
    assertThat(count(sql, busiest)).isEqualTo(Long.toString(expected));
    assertThat(requests()).isNotEmpty().allMatch(r -> r.contains("created_from=2025-08-19") && r.contains("limit=100"));
  }

  @Test
  void aFilterLeftWithCalciteKeepsTheAggregate() throws SQLException {
    String sql = "SELECT COUNT(*) FROM pathsim.sessions WHERE virtual_customer LIKE '%Weather%'";
    count(sql);
    assertThat(Sql.explain(pushed, sql)).contains("EnumerableAggregate").doesNotContain("count=[true]");
  }

  @Test
  void havingAndCountsOfNullableColumnsAreNotTotals() throws SQLException {
    assertThat(Sql.explain(pushed, "SELECT COUNT(summary) FROM pathsim.sessions")).doesNotContain("count=[true]");
    assertThat(Sql.explain(pushed, "SELECT COUNT(DISTINCT id) FROM pathsim.sessions")).doesNotContain("count=[true]");
    String having = "SELECT COUNT(*) FROM pathsim.sessions WHERE workspace_id = ? HAVING COUNT(*) > 1000000";
    assertThat(count(having, busiest)).isEmpty();
    assertThat(count("SELECT COUNT(*) + 1 FROM pathsim.sessions WHERE workspace_id = ? AND 1 = 0", busiest))
        .isEqualTo("1");
    assertThat(requests()).isEmpty();
  }
}
