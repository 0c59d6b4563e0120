package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request budget's count is "at least": a query that sends N requests runs under
 * {@code maxRequestsPerStatement=N} and is refused under N - 1 before its N-th request. Two counts
 * that were above what the query sends: a recording's file counted for sessions that have none (a
 * download is sent only when the recording's information shows one), and a LIMIT kept above a filter
 * on a detail column, which stops the scan while the scan counted every listed session's detail.
 */
class OverCountBudgetTest {
  private static List<String> sent() {
    return DriverFixture.SANDBOX.requests().lines("pathsim");
  }

  /**
   * Runs the SQL under {@code maxRequestsPerStatement=budget}, one request at a time (so that a scan
   * a LIMIT above stops sends the same details each time, none in flight ahead): null when it ran.
   */
  private static SQLException run(String sql, long budget) {
    DriverFixture.SANDBOX.requests().clearWhenQuiet(Duration.ofMillis(200));
    try (Connection c = DriverFixture.connect("maxRequestsPerStatement=" + budget, "maxConcurrentRequests=1")) {
      DriverFixture.rows(c, sql);
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  /**
   * Runs the SQL unlimited, then under exactly the count it sent, which it must pass, and one less,
   * under which it fails with 54000 before that many are sent; returns the count. A scan a LIMIT
   * above stops may have one more request cancelled in flight that does or does not reach the API:
   * then a run may send one fewer, and pass under N - 1 within it.
   */
  static int runsWithinItsOwnCount(String sql) {
    assertThat((Throwable) run(sql, 0)).as(sql).isNull();
    int n = sent().size();
    assertThat((Throwable) run(sql, n)).as("%s under %d", sql, n).isNull();
    assertThat(sent()).as(sql).hasSizeLessThanOrEqualTo(n);
    if (n > 1) { // 0 is no limit
      SQLException e = run(sql, n - 1);
      if (e != null) {
        assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("54000");
      }
      assertThat(sent()).as(sql).hasSizeLessThan(n);
    }
    return n;
  }

  @Test
  void recordingsOfAWorkspacesSessionsCountAFileOnlyForThoseThatHaveOne() {
    String w = DriverFixture.data().workspaces().get(0).id();
    List<Session> sessions = DriverFixture.data().sessions(w);
    long recorded = sessions.stream().filter(s -> s.detail().hasRecording()).count();
    assertThat(recorded).as("some sessions have no recording").isLessThan(sessions.size());
    // two pages, a recording's information per session, and a file per recording
    assertThat(runsWithinItsOwnCount("SELECT r.session_id, r.content FROM pathsim.sessions s"
        + " JOIN pathsim.recordings r ON r.session_id = s.id WHERE s.workspace_id = '" + w + "'"))
        .isEqualTo(2 + sessions.size() + (int) recorded);
    runsWithinItsOwnCount("SELECT session_id, content FROM pathsim.recordings WHERE session_id IN"
        + " (SELECT id FROM pathsim.sessions WHERE workspace_id = '" + w + "')");
  }

  @Test
  void recordingsListedWholeCountAFileOnlyForThoseThatHaveOne() {
    long sessions = DriverFixture.data().workspaces().stream()
        .mapToLong(w -> DriverFixture.data().sessions(w.id()).size()).sum();
    long recorded = DriverFixture.data().workspaces().stream().flatMap(w -> DriverFixture.data()
        .sessions(w.id()).stream()).filter(s -> s.detail().hasRecording()).count();
    // the workspaces, their first pages and one more, and the information and file of each recording
    assertThat(runsWithinItsOwnCount("SELECT session_id, content FROM pathsim.recordings"))
        .isEqualTo((int) (1 + DriverFixture.data().workspaces().size() + 1 + sessions + recorded));
    runsWithinItsOwnCount("SELECT session_id, content FROM pathsim.recordings LIMIT 30");
  }

  @Test
  void aLimitAboveAFilterOnADetailColumnCountsOnlyTheDetailsItIsSureToRead() {
    // summary is a detail column: the filter stays above the scan, and so does the LIMIT, which
    // stops reading after 5 rows pass; the scan counted a detail for every listed session
    runsWithinItsOwnCount("SELECT id FROM pathsim.sessions WHERE summary LIKE '%e%' LIMIT 5");
  }

  @Test
  void aLimitAboveAFilterStillRefusesBeforeTheDetailsWhenItsRowsAlonePassTheBudget() {
    SQLException e = run("SELECT id FROM pathsim.sessions WHERE summary LIKE '%e%' LIMIT 300", 100);
    assertThat(e.getSQLState()).isEqualTo("54000");
    assertThat(e.getMessage()).contains("the statement needs at least ");
    assertThat(sent()).noneMatch(r -> r.startsWith("GET /sessions/"));
  }
}
