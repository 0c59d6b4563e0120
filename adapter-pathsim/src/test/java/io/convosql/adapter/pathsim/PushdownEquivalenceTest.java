package io.convosql.adapter.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answer with pushdown is the answer without it: each query runs on a connection that pushes
 * everything it can and on one with {@code pushdown=false}, and the results must be identical (in order
 * where the query orders them fully, as multisets otherwise).
 */
class PushdownEquivalenceTest {
  private static Connection pushed;
  private static Connection plain;

  @BeforeAll
  static void connect() throws SQLException {
    pushed = PathSimFixture.connect(true);
    plain = PathSimFixture.connect(false);
  }

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    plain.close();
  }

  static Stream<Arguments> queries() {
    List<String> busy = PathSimFixture.busyWorkspaces();
    String w1 = busy.get(0);
    String w2 = busy.get(1);
    Session a = PathSimFixture.data().sessions().get(100);
    Session b = PathSimFixture.data().sessions().get(1500);
    Session voice = PathSimFixture.sessions(s -> s.testType() == TestType.VOICE).get(0);
    return Stream.of(
        Arguments.of("SELECT COUNT(*) FROM pathsim.sessions WHERE workspace_id = ?", new Object[] {w1}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE test_type = 'Voice' AND source = 'Campaign'", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE objective = 'Achieved' OR connected = 'Failed'", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE objective = 'Not Achieved' AND connected = 'Connected'", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE objective = '--'", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE virtual_customer LIKE '%Pizza%'", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE virtual_customer = 'National Weather Service Test'", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE target LIKE '+1%' AND test_type = 'Web'", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE started_at BETWEEN TIMESTAMP '2025-07-01 06:30:00'"
            + " AND TIMESTAMP '2025-07-09 23:59:00'", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE started_at > TIMESTAMP '2025-08-20 00:00:00'"
            + " AND connected IN ('Connected', 'Failed')", new Object[0]),
        Arguments.of("SELECT started_at FROM pathsim.sessions WHERE workspace_id IN (?, ?)"
            + " ORDER BY started_at DESC LIMIT 25", new Object[] {w1, w2}),
        Arguments.of("SELECT started_at FROM pathsim.sessions ORDER BY started_at LIMIT 7 OFFSET 3", new Object[0]),
        Arguments.of("SELECT started_at, test_type FROM pathsim.sessions WHERE workspace_id = ? AND test_type = 'Web'"
            + " ORDER BY started_at DESC LIMIT 5 OFFSET 40", new Object[] {w2}),
        Arguments.of("SELECT test_type, COUNT(*) FROM pathsim.sessions GROUP BY test_type", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE test_type <> 'Web' AND workspace_id NOT IN (?)", new Object[] {w1}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE workspace_id = ? AND started_at >= ?",
            new Object[] {w2, Timestamp.valueOf("2025-08-01 12:00:00")}),
        Arguments.of("SELECT id, duration_seconds, user_sentiment FROM pathsim.sessions WHERE id IN (?, ?)",
            new Object[] {a.id(), b.id()}),
        Arguments.of("SELECT session_id, line_no, speaker, text FROM pathsim.transcript_lines WHERE session_id = ?",
            new Object[] {a.id()}),
        Arguments.of("SELECT name FROM pathsim.workspaces WHERE is_active AND NOT is_default", new Object[0]),
        // A number bound to an INTEGER term is narrowed as Calcite narrows it, never refused.
        Arguments.of("SELECT session_id, line_no FROM pathsim.transcript_lines WHERE session_id = ?"
            + " AND line_no = ?", new Object[] {a.id(), 4_294_967_297L}),
        Arguments.of("SELECT session_id, line_no FROM pathsim.transcript_lines WHERE session_id = ?"
            + " AND line_no <> ?", new Object[] {a.id(), 3_000_000_000L}),
        Arguments.of("SELECT id, duration_seconds FROM pathsim.sessions WHERE workspace_id = ?"
            + " AND duration_seconds > ?", new Object[] {w1, 100.5d}),
        // Values that are not one path segment: never sent as one (no other endpoint, no "..").
        Arguments.of("SELECT id, test_type FROM pathsim.sessions WHERE id = ?",
            new Object[] {a.id() + "/recording"}),
        Arguments.of("SELECT session_id, line_no FROM pathsim.transcript_lines WHERE session_id = ?",
            new Object[] {"x/../" + voice.id()}),
        Arguments.of("SELECT session_id FROM pathsim.recordings WHERE session_id IN (?, ?)",
            new Object[] {"..", b.id()}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE workspace_id = ?",
            new Object[] {w1 + "/sessions/.."}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE workspace_id = ? AND 1 = 0", new Object[] {w1}),
        // values in any case, IN, NOT IN, NULL, OR across columns, bound values; java.time values
        // for started_at are bound through the driver (driver module)
        Arguments.of("SELECT id FROM pathsim.sessions WHERE started_at = ?", new Object[] {Timestamp.from(a.time())}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE CAST(started_at AS DATE) = ?",
            new Object[] {java.sql.Date.valueOf("2025-08-08")}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE test_type = ? AND source = 'ad-hoc'", new Object[] {"voice"}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE test_type IN ('Voice') AND objective NOT IN ('Achieved')", new Object[0]),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE connected IS NULL OR test_type = 'Web' AND source = ?", new Object[] {"Ad-hoc"}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE virtual_customer LIKE ?", new Object[] {"%weather%"}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE target = ?", new Object[] {voice.target()}),
        Arguments.of("SELECT id FROM pathsim.sessions WHERE virtual_customer LIKE '%Weather%Test%'", new Object[0]),
        Arguments.of("SELECT id, started_at FROM pathsim.sessions WHERE connected = 'Failed' AND workspace_id = ?"
            + " ORDER BY started_at LIMIT 3 OFFSET 2", new Object[] {w1}));
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameAnswerWithAndWithoutPushdown(String sql, Object[] params) throws SQLException {
    PathSimFixture.clear();
    List<String> withPushdown = Sql.rows(pushed, sql, params);
    int pushedRequests = PathSimFixture.requests().size();
    PathSimFixture.clear();
    List<String> without = Sql.rows(plain, sql, params);
    int plainRequests = PathSimFixture.requests().size();
    if (sql.contains("ORDER BY")) {
      assertThat(withPushdown).isEqualTo(without);
    } else {
      assertThat(withPushdown).containsExactlyInAnyOrderElementsOf(without);
    }
    assertThat(pushedRequests).isLessThanOrEqualTo(plainRequests);
  }
}
