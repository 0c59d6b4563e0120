package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request budget over a UNION ALL whose first branch a LIMIT above a detail filter stops. The
 * branch used to start one more detail request as it handed out its last row, which the LIMIT then
 * cancelled: the budget counted it, yet it reached the API only now and then, so the statement sent
 * 11 requests and was refused under 11 ("needs at least 12"). Now a request starts only when a row is
 * asked for, and the statement sends the same requests every time, within exactly their count.
 */
class UnionBudgetTest {
  private static String query() {
    String w = DriverFixture.data().workspaces().get(1).id();
    return "(SELECT id FROM pathsim.sessions WHERE summary LIKE '%e%' LIMIT 5) UNION ALL"
        + " (SELECT id FROM pathsim.sessions WHERE workspace_id = '" + w + "')";
  }

  private static List<String> sentUnlimited(String sql) throws Exception {
    DriverFixture.SANDBOX.requests().clearWhenQuiet(Duration.ofMillis(200));
    try (Connection c = DriverFixture.connect("maxConcurrentRequests=1")) {
      DriverFixture.rows(c, sql);
    }
    Thread.sleep(300); // a request cancelled in flight may reach the sandbox after the query returned
    return DriverFixture.SANDBOX.requests().lines("pathsim");
  }

  @Test
  void aBranchStoppedByItsLimitRunsWithinExactlyTheRequestsItSends() {
    int n = OverCountBudgetTest.runsWithinItsOwnCount(query());
    assertThat(n).isGreaterThan(2);
  }

  @Test
  void aBranchStoppedByItsLimitStartsNoRequestForARowNobodyAsksFor() throws Exception {
    String sql = query();
    List<String> first = sentUnlimited(sql);
    for (int i = 0; i < 5; i++) {
      assertThat(sentUnlimited(sql)).as("run %d", i + 2).isEqualTo(first);
    }
  }
}
