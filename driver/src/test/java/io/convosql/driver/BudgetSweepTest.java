package io.convosql.driver;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request budget's rule, swept over varied PathSim queries of the kind README.md and docs/*.md
 * show: each, run without a limit, sends some N requests; it must run under
 * {@code maxRequestsPerStatement=N} (the count is "at least", never above what is sent), and under
 * N - 1 stop with 54000 before the N-th.
 */
class BudgetSweepTest {
  static Stream<String> queries() {
    String w = DriverFixture.data().workspaces().get(1).id();
    String small = DriverFixture.data().workspaces().get(3).id();
    String id = DriverFixture.data().sessions(small).get(0).id();
    String id2 = DriverFixture.data().sessions(small).get(1).id();
    List<String> voices = DriverFixture.data().sessions().stream()
        .filter(s -> "VOICE".equalsIgnoreCase(s.testType().name())).map(s -> s.id()).toList();
    String voice = voices.get(2);
    String voice2 = voices.get(40);
    return Stream.of(
        "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '" + w + "'",
        "SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '" + small + "'",
        "SELECT id, summary FROM pathsim.sessions WHERE test_type = 'Voice' LIMIT 10",
        "SELECT id FROM pathsim.sessions WHERE virtual_customer ILIKE '%weather%'",
        "SELECT id, summary FROM pathsim.sessions WHERE target LIKE '%e%' LIMIT 3",
        "SELECT * FROM pathsim.sessions WHERE id IN ('" + id + "', '" + id2 + "')",
        "SELECT id, summary FROM pathsim.sessions ORDER BY started_at DESC LIMIT 20",
        "SELECT id, summary FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-20 00:00:00'",
        "SELECT workspace_id, COUNT(*) FROM pathsim.sessions GROUP BY workspace_id",
        "SELECT objective, AVG(duration_seconds) FROM pathsim.sessions WHERE workspace_id = '" + small
            + "' GROUP BY objective",
        "SELECT COUNT(*) FROM pathsim.transcript_lines WHERE session_id IN ('" + id + "', '" + id2 + "')",
        "SELECT t.session_id, t.text FROM pathsim.sessions s JOIN pathsim.transcript_lines t"
            + " ON t.session_id = s.id WHERE s.workspace_id = '" + small + "'",
        "SELECT session_id, step_number FROM pathsim.steps WHERE action LIKE 'nav%' LIMIT 3",
        "SELECT st.session_id, st.action FROM pathsim.sessions s JOIN pathsim.steps st ON st.session_id = s.id"
            + " WHERE s.workspace_id = '" + small + "' AND s.test_type = 'Web'",
        "SELECT r.session_id, r.file_type FROM pathsim.sessions s JOIN pathsim.recordings r"
            + " ON r.session_id = s.id WHERE s.workspace_id = '" + small + "'",
        "SELECT session_id, content FROM pathsim.recordings LIMIT 7",
        "SELECT session_id, content FROM pathsim.recordings WHERE session_id IN ('" + id + "', 'none')",
        "SELECT id FROM pathsim.sessions WHERE summary LIKE '%the%' LIMIT 4",
        "SELECT w.name, COUNT(*) FROM pathsim.workspaces w JOIN pathsim.sessions s ON s.workspace_id = w.id"
            + " GROUP BY w.name",
        "SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '" + w + "' LIMIT 5 OFFSET 10",
        "SELECT s.id, s.summary FROM pathsim.sessions s WHERE s.id IN (SELECT session_id"
            + " FROM pathsim.transcript_lines WHERE session_id IN ('" + voice + "', '" + voice2 + "', '" + id + "'))",
        "SELECT s.id FROM pathsim.sessions s WHERE EXISTS (SELECT 1 FROM pathsim.transcript_lines t"
            + " WHERE t.session_id = s.id AND t.session_id IN ('" + voice + "', '" + voice2 + "'))",
        "SELECT s.id FROM pathsim.sessions s WHERE s.id NOT IN (SELECT session_id"
            + " FROM pathsim.transcript_lines WHERE session_id IN ('" + voice + "', '" + id + "'))",
        // batch joins below a LIMIT, their PathSim side got key by key as rows are asked for
        "SELECT s.id, t.text FROM pathsim.sessions s JOIN pathsim.transcript_lines t ON t.session_id = s.id LIMIT 5",
        "SELECT s.id, d.summary FROM pathsim.sessions s JOIN pathsim.sessions d ON d.id = s.id LIMIT 5",
        "SELECT s.id, r.content FROM pathsim.sessions s JOIN pathsim.recordings r ON r.session_id = s.id LIMIT 3",
        "SELECT s.id, st.action FROM pathsim.sessions s LEFT JOIN pathsim.steps st ON st.session_id = s.id"
            + " WHERE s.test_type = 'Web' LIMIT 4");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void runsWithinExactlyTheRequestsItSends(String sql) {
    OverCountBudgetTest.runsWithinItsOwnCount(sql);
  }
}
