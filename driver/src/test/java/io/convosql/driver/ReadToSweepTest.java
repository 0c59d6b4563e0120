package io.convosql.driver;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request budget's rule ({@link BudgetSweepTest}) over LIMITs kept above a filter the scan cannot
 * take (ReadToRule): with an OFFSET, a non-deterministic condition, a projection, a sort pushed below,
 * recordings' files, and a LIMIT above a batch join. Each runs within exactly the requests it sends.
 */
class ReadToSweepTest {
  static Stream<String> queries() {
    String w = DriverFixture.data().workspaces().get(1).id();
    return Stream.of(
        "SELECT id, summary FROM pathsim.sessions WHERE summary LIKE '%the%' LIMIT 3 OFFSET 4",
        "SELECT id FROM pathsim.sessions WHERE summary LIKE '%e%' AND RAND() < 2 LIMIT 4",
        "SELECT id, UPPER(summary) FROM pathsim.sessions WHERE summary NOT LIKE '%zzzz%' LIMIT 6 OFFSET 2",
        "SELECT id FROM pathsim.sessions WHERE summary LIKE '%the%' ORDER BY started_at DESC LIMIT 3",
        "SELECT id FROM pathsim.sessions WHERE workspace_id = '" + w + "' AND summary LIKE '%a%' LIMIT 2 OFFSET 1",
        "SELECT session_id FROM pathsim.recordings WHERE file_type LIKE '%' LIMIT 3 OFFSET 2",
        "SELECT session_id, content FROM pathsim.recordings WHERE file_type LIKE '%' LIMIT 3 OFFSET 2",
        "SELECT session_id, content FROM pathsim.recordings LIMIT 2 OFFSET 5",
        "SELECT session_id, step_number FROM pathsim.steps WHERE action LIKE 'nav%' LIMIT 2 OFFSET 3",
        // a LIMIT above a batch join, with an OFFSET, over a filter on both sides, over a detail filter
        "SELECT s.id, t.text FROM pathsim.sessions s JOIN pathsim.transcript_lines t ON t.session_id = s.id"
            + " LIMIT 3 OFFSET 4",
        "SELECT s.id, t.text FROM pathsim.sessions s JOIN pathsim.transcript_lines t ON t.session_id = s.id"
            + " WHERE t.text <> s.id LIMIT 3",
        "SELECT s.id, d.summary FROM pathsim.sessions s JOIN pathsim.sessions d ON d.id = s.id"
            + " WHERE d.summary LIKE '%e%' LIMIT 3");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void runsWithinExactlyTheRequestsItSends(String sql) {
    OverCountBudgetTest.runsWithinItsOwnCount(sql);
  }
}
