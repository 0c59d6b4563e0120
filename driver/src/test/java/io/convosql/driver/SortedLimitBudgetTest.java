package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Workspace;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ORDER BY started_at DESC LIMIT n [OFFSET m]} with a detail column reads per workspace the
 * first n + m sessions, then the days from the day before the last of them, and asks for the details
 * of the n rows returned only (the OFFSET's are skipped before): the request budget counts those
 * details once for the statement, not the OFFSET's, nor the LIMIT's once per workspace. The query
 * runs under exactly the requests it sends.
 */
class SortedLimitBudgetTest {
  private static List<String> sent() {
    return DriverFixture.SANDBOX.requests().lines("pathsim");
  }

  private static List<Session> newestFirst(String workspace) {
    List<Session> out = new ArrayList<>(DriverFixture.data().sessions(workspace));
    out.sort(Session.ASCENDING.reversed());
    return out;
  }

  /** The requests of one workspace: its first page, and the pages of the days from the day before {@code last}'s. */
  private static long listing(String workspace, int through) {
    List<Session> sessions = newestFirst(workspace);
    if (sessions.size() < through) {
      return 1; // the first page ends before the LIMIT: it is read to its end
    }
    Instant from = LocalDate.ofInstant(sessions.get(through - 1).time(), ZoneOffset.UTC).minusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant();
    long inWindow = sessions.stream().filter(s -> !s.time().isBefore(from)).count();
    return 1 + Math.max(1, (inWindow + 99) / 100);
  }

  private static SQLException run(String sql, long budget) {
    return DriverFixture.runUnderBudget(sql, budget);
  }

  private static void runsWithinItsOwnCount(String sql, long requests) {
    assertThat((Throwable) run(sql, 0)).isNull();
    assertThat(sent()).as(sql).hasSize((int) requests);
    assertThat((Throwable) run(sql, requests)).as(sql).isNull();
    SQLException e = run(sql, requests - 1);
    assertThat(e.getSQLState()).isEqualTo("54000");
    assertThat(sent()).hasSizeLessThan((int) requests);
  }

  @Test
  void anOffsetCostsNoDetails() {
    String w = DriverFixture.data().workspaces().get(0).id();
    runsWithinItsOwnCount("SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '" + w
        + "' ORDER BY started_at DESC LIMIT 3 OFFSET 20", listing(w, 23) + 3);
  }

  @Test
  void acrossWorkspacesTheLimitsDetailsCountOnce() {
    long requests = 1 + 30;
    for (Workspace w : DriverFixture.data().workspaces()) {
      requests += listing(w.id(), 30);
    }
    runsWithinItsOwnCount("SELECT id, summary FROM pathsim.sessions ORDER BY started_at DESC LIMIT 30", requests);
  }
}
