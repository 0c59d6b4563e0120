package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code maxRequestsPerStatement}: a statement that would send more requests than the budget fails
 * with SQLState 54000 before sending them, naming the estimate, the filter that narrows it and the
 * property; on the demo's data, as SchemaCrawler's lint and DBeaver's data tab meet it.
 */
class RequestBudgetTest {
  private static final String FIRST_PAGE = "GET /workspaces/[^/]+/sessions\\?limit=100&offset=0";

  private static List<String> sent() {
    return DemoSandbox.get().requests().all().stream().map(RecordedRequest::toString).toList();
  }

  /** Runs the SQL with setMaxRows, reading every row; the SQLException it fails with, or null. */
  private static SQLException failure(Connection c, String sql, int maxRows) throws SQLException {
    DemoSandbox.get().requests().clearWhenQuiet(Duration.ofMillis(200));
    try (Statement s = c.createStatement()) {
      s.setMaxRows(maxRows);
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          // reads every row
        }
      }
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  @Test
  void lintCountsOnChildTablesStopAfterTheFirstPages() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      for (String table : List.of("transcript_lines", "steps", "recordings")) {
        SQLException e = failure(c, "SELECT COUNT(*) FROM pathsim." + table, 0);
        assertThat((Throwable) e).as(table).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("54000");
        assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least ")
            // first pages still in flight when the first total refuses are sent, not answered
            .containsPattern(" requests, more than maxRequestsPerStatement=250 allows; stopped after [2-6]"
                + " requests(, [1-5] of them answered)? \\(GET /workspaces/")
            .endsWith("Hint: filter on session_id (= or IN, or a join from pathsim.sessions filtered on its"
                + " own columns) or add a LIMIT, or raise maxRequestsPerStatement (0 for no limit)");
        // the workspaces, and the first page of each (asked for together: one cancelled in flight
        // may or may not reach the sandbox, and may reach it only after the next table's query has
        // begun, as a copy of a first page that query asks for too), whose totals show what the rest
        // would cost
        List<String> sent = sent();
        assertThat(Set.copyOf(sent)).hasSizeBetween(2, 6);
        assertThat(sent.get(0)).isEqualTo("GET /workspaces");
        assertThat(sent.subList(1, sent.size())).allMatch(r -> r.matches(FIRST_PAGE));
      }
    }
  }

  @Test
  void dbeaversDataTabOnRecordingsStopsBeforeDownloading() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      SQLException e = failure(c, "SELECT * FROM pathsim.recordings", 200);
      assertThat(e.getSQLState()).isEqualTo("54000");
      // 2 sent, 1 more page, and the information and the file of 200 recordings
      assertThat(e.getMessage()).contains("the statement needs at least 403 requests, more than"
          + " maxRequestsPerStatement=250 allows; stopped after 2 requests");
      assertThat(sent()).hasSize(2).first().isEqualTo("GET /workspaces");
      assertThat(sent().get(1)).matches(FIRST_PAGE);
      // without the file, one request per session; but many sessions have no recording, so 200
      // recordings take more sessions than any total says: the budget stops the 251st request
      e = failure(c, "SELECT session_id, file_type FROM pathsim.recordings", 200);
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least 251 requests, more than"
          + " maxRequestsPerStatement=250 allows; stopped after 250 requests (GET /sessions/");
      assertThat(sent()).hasSize(250);
    }
  }

  @Test
  void dbeaversDataTabOnSessionsRunsWithinTheDefault() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      assertThat((Throwable) failure(c, "SELECT * FROM pathsim.sessions", 200)).isNull();
      assertThat(sent()).hasSize(203).filteredOn(r -> r.matches("GET /sessions/[^/]+")).hasSize(200);
    }
  }

  @Test
  void aLimitAfterAFilterTheApiNarrowsOnlyToTheDayRunsWithinTheDefault() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      // the API's created_from is a date: the exact time is checked here, so the API cannot apply
      // the LIMIT; yet 3 rows, each with its details, need only a first page and 3 details
      String sql = "SELECT * FROM pathsim.sessions WHERE started_at > now() - interval '30 days' LIMIT 3";
      assertThat((Throwable) failure(c, sql, 0)).isNull();
      List<String> sent = sent();
      assertThat(sent).hasSize(5);
      assertThat(sent.get(0)).isEqualTo("GET /workspaces");
      assertThat(sent.get(1)).matches("GET /workspaces/[^/]+/sessions\\?created_from=[0-9-]{10}&limit=100&offset=0");
      assertThat(sent.subList(2, 5)).allMatch(r -> r.matches("GET /sessions/[^/?]+"));
    }
  }

  @Test
  void everySessionsDetailInStartedAtOrderStopsAfterTheFirstPages() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      // sorted here, every session is still one detail request: the first pages' totals say so, as
      // without the ORDER BY, before the pages and 250 details are sent and the rows half shown
      SQLException e = failure(c, "SELECT id, summary FROM pathsim.sessions ORDER BY started_at DESC", 0);
      assertThat((Throwable) e).isNotNull();
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least ")
          .containsPattern(" requests, more than maxRequestsPerStatement=250 allows; stopped after [2-6]"
              + " requests(, [1-5] of them answered)? \\(GET /workspaces/");
      assertThat(sent()).hasSizeBetween(2, 6).noneMatch(r -> r.startsWith("GET /sessions/"));
      // with a LIMIT on one workspace, the LIMIT's rows are what the details cost
      String w = DriverFixture.rows(c, "SELECT workspace_id FROM pathsim.sessions GROUP BY workspace_id"
          + " ORDER BY COUNT(*) DESC LIMIT 1").get(0);
      e = failure(c, "SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '" + w
          + "' ORDER BY started_at LIMIT 260", 0);
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).contains("stopped after 1 request (GET /workspaces/");
      assertThat(sent()).hasSize(1);
      // across workspaces each stream's LIMIT is not the statement's: no false alarm
      assertThat((Throwable) failure(c, "SELECT id, summary FROM pathsim.sessions ORDER BY started_at DESC"
          + " LIMIT 100", 0)).isNull();
    }
  }

  @Test
  void anIdWithItsWorkspaceAndDetailsRunsWithinTheDefault() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      String id = DriverFixture.rows(c, "SELECT id FROM pathsim.sessions ORDER BY started_at DESC LIMIT 1").get(0);
      // only a listing says which workspace a session is in: every page is read, yet the one detail
      // asked for is the only one the ids can cost, so the budget does not count one per listed session
      assertThat((Throwable) failure(c, "SELECT id, workspace_id, summary FROM pathsim.sessions WHERE id = '"
          + id + "'", 0)).isNull();
      List<String> sent = sent();
      assertThat(sent).filteredOn(r -> r.startsWith("GET /sessions/")).containsExactly("GET /sessions/" + id);
      assertThat(sent).filteredOn(r -> r.matches("GET /workspaces/[^/]+/sessions\\?limit=100&offset=[0-9]+"))
          .hasSize(sent.size() - 2);
    }
  }

  @Test
  void aKnownEstimateFailsBeforeAnyRequest() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true;maxRequestsPerStatement=3")) {
      // a recording's information per id; a file only for a recording found, so none counted ahead
      SQLException e = failure(c, "SELECT * FROM pathsim.recordings WHERE session_id IN ('a', 'b', 'c', 'd')", 0);
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).isEqualTo("PathSim API: the statement needs 4 requests, more than"
          + " maxRequestsPerStatement=3 allows; nothing of it was sent (GET /sessions/{id}/recording). Hint:"
          + " filter on session_id (= or IN, or a join from pathsim.sessions filtered on its own columns) or"
          + " add a LIMIT, or raise maxRequestsPerStatement (0 for no limit)");
      assertThat(sent()).isEmpty();
      // two ids that have no recording send two requests, within 3 (their files were counted before)
      assertThat((Throwable) failure(c, "SELECT * FROM pathsim.recordings WHERE session_id IN ('a', 'b')", 0))
          .isNull();
      assertThat(sent()).containsExactly("GET /sessions/a/recording", "GET /sessions/b/recording");
      // 181 days are four windows of the search
      e = failure(c, "SELECT id FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-01-01 00:00:00'"
          + " AND session_start_time < TIMESTAMP '2025-07-01 00:00:00'", 0);
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).isEqualTo("Insights API: the statement needs 4 requests, more than"
          + " maxRequestsPerStatement=3 allows; nothing of it was sent (GET /insights/sessions). Hint:"
          + " narrow session_start_time (each 59-day window costs a request at least), filter on id, or add"
          + " a LIMIT, or raise maxRequestsPerStatement (0 for no limit)");
      assertThat(sent()).isEmpty();
    }
  }

  /**
   * An id is its search by id, one request however far back the lower bound on session_start_time
   * (the estimate counts only those); the bounds' windows are searched only for an id it answers 404
   * for, and counted once that is known: all of them at most, as the session may be in the oldest.
   */
  @Test
  void theWindowsSearchedForAnIdTheSearchByIdDoesNotFindAreCountedWhenItAnswers404() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      String id = DriverFixture.rows(c, "SELECT id FROM insights.sessions LIMIT 1").get(0);
      String since = " AND session_start_time >= TIMESTAMP '1970-01-01 00:00:00'";
      assertThat((Throwable) failure(c, "SELECT id FROM insights.sessions WHERE id = '" + id + "'" + since, 0))
          .isNull();
      assertThat(sent()).containsExactly("GET /insights/sessions/search/" + id);
      // 1970-01-01 to 2025-09-01: 20,332 days, 345 windows of at most 59
      SQLException e = failure(c, "SELECT id FROM insights.sessions WHERE id = 'no-such-session'" + since
          + " AND session_start_time < TIMESTAMP '2025-09-01 00:00:00'", 0);
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).isEqualTo("Insights API: session 'no-such-session' was not found by GET"
          + " /insights/sessions/search/{id} (404); searching the 345 windows of the query's bounds on"
          + " session_start_time for it would take 345 requests: the statement needs 346, more than"
          + " maxRequestsPerStatement=250 allows; stopped after 1 request (GET /insights/sessions). Hint:"
          + " narrow session_start_time (each 59-day window costs a request), or raise"
          + " maxRequestsPerStatement (0 for no limit)");
      assertThat(sent()).containsExactly("GET /insights/sessions/search/no-such-session");
    }
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true;maxRequestsPerStatement=3")) {
      SQLException e = failure(c, "SELECT id FROM insights.sessions WHERE id IN ('a', 'b', 'c', 'd')", 0);
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).startsWith("Insights API: the statement needs 4 requests, more than"
          + " maxRequestsPerStatement=3 allows; nothing of it was sent (GET /insights/sessions/search/{id}).");
      assertThat(sent()).isEmpty();
    }
  }

  @Test
  void aRunningScanStopsBeforeTheRequestPastTheBudget() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true;maxRequestsPerStatement=2")) {
      SQLException e = failure(c, "SELECT id FROM insights.sessions WHERE session_start_time >= TIMESTAMP"
          + " '2000-01-01 00:00:00' LIMIT 100000", 0);
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).isEqualTo("Insights API: the statement needs at least 3 requests, more than"
          + " maxRequestsPerStatement=2 allows; stopped after 2 requests (GET /insights/sessions). Hint: narrow"
          + " session_start_time (each 59-day window costs a request at least), filter on id, or add a LIMIT,"
          + " or raise maxRequestsPerStatement (0 for no limit)");
      assertThat(sent()).hasSize(2).allMatch(r -> r.startsWith("GET /insights/sessions?"))
          .anyMatch(r -> r.contains("page_number=0")).anyMatch(r -> r.contains("page_number=1"));
    }
  }

  @Test
  void explainShowsTheEstimate() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      assertThat(String.join("\n", DriverFixture.rows(c, "EXPLAIN PLAN FOR SELECT COUNT(*) FROM pathsim.transcript_lines")))
          .contains("estimate=[1 + 1 per 100 sessions of each workspace + 1 per session + up to 2 to learn how"
              + " Time writes dates (once per connection)]");
      assertThat(String.join("\n", DriverFixture.rows(c,
          "EXPLAIN PLAN FOR SELECT * FROM pathsim.recordings WHERE session_id IN ('a', 'b')")))
          .contains("estimate=[2 requests + 1 per recording found (its file)]");
      assertThat(String.join("\n", DriverFixture.rows(c, "EXPLAIN PLAN FOR SELECT * FROM pathsim.sessions")))
          .contains("estimate=[1 + 1 per 100 sessions of each workspace + 1 per session (detail columns) + up to"
              + " 2 to learn how Time writes dates (once per connection)]");
    }
  }
}
