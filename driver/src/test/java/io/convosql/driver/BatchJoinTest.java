package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A join on a session id fetches the API side by batches of the other side's keys (a batch
 * nested-loop join): the same rows as {@code pushdown=false}, from one detail request per distinct key
 * instead of a scan of every session.
 */
class BatchJoinTest {
  private static Connection on;
  private static Connection off;

  @BeforeAll
  static void connect() throws SQLException {
    on = DriverFixture.connect();
    off = DriverFixture.connect("pushdown=false", "maxRequestsPerStatement=0"); // reads whole tables
  }

  @AfterAll
  static void close() throws SQLException {
    on.close();
    off.close();
  }

  /** The rows of a query (sorted: a join's order is not defined) and the PathSim requests it sent. */
  private record Answer(List<String> rows, List<String> requests) {}

  private static Answer ask(Connection c, String sql) throws SQLException {
    SANDBOX.requests().clear();
    List<String> rows = new ArrayList<>(rows(c, sql));
    rows.sort(null);
    return new Answer(rows, SANDBOX.requests().of("pathsim").stream().map(RecordedRequest::toString).toList());
  }

  @Test
  void transcriptsOfFilteredSessions() throws SQLException {
    String where = " WHERE s.test_type = 'Voice' AND s.started_at >= TIMESTAMP '2025-08-31 00:00:00'";
    String sql = "SELECT s.id, t.line_no, t.speaker FROM pathsim.sessions s"
        + " JOIN pathsim.transcript_lines t ON t.session_id = s.id" + where;
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .contains("EnumerableBatchNestedLoopJoin")
        .contains("request=[GET /sessions/{id} for session_id in [$cor");
    Answer outer = ask(on, "SELECT s.id FROM pathsim.sessions s" + where);
    assertThat(outer.rows()).hasSize(3);

    Answer pushed = ask(on, sql);
    Answer local = ask(off, sql);
    assertThat(pushed.rows()).hasSize(20).isEqualTo(local.rows());
    // the outer side's own requests, then one detail request per session it returned
    List<String> expected = new ArrayList<>(outer.requests());
    outer.rows().forEach(id -> expected.add("GET /sessions/" + id));
    assertThat(pushed.requests()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(local.requests()).hasSizeGreaterThan(400);
  }

  /** A session's test_type and objective as the API writes them. */
  private static String type(String id) throws SQLException {
    return rows(on, "SELECT test_type, objective FROM pathsim.sessions WHERE id = '" + id + "'").get(0);
  }

  @Test
  void duplicateAndNullKeysInAShortBatch() throws SQLException {
    List<Session> sessions = DriverFixture.data().sessions();
    String a = sessions.get(3).id();
    String b = sessions.get(42).id();
    String sql = "SELECT v.k, s.test_type, s.objective FROM (VALUES ('" + a + "'), ('" + b + "'), ('" + a
        + "'), (CAST(NULL AS VARCHAR(24))), ('no-such-session')) AS v(k)"
        + " LEFT JOIN pathsim.sessions s ON s.id = v.k";
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .contains("EnumerableBatchNestedLoopJoin")
        .contains("request=[GET /sessions/{id} for id in [$cor0.1 … $cor99.1 (a batch of 100 outer keys)]]");
    Answer pushed = ask(on, sql);
    Answer local = ask(off, sql);
    // the NULL key matches nothing and sends nothing; the repeated key is got once
    assertThat(pushed.rows()).containsExactlyInAnyOrder(a + "; " + type(a), a + "; " + type(a), b + "; " + type(b),
        "no-such-session; null; null", "null; null; null").isEqualTo(local.rows());
    assertThat(pushed.requests()).containsExactlyInAnyOrder(
        "GET /sessions/" + a, "GET /sessions/" + b, "GET /sessions/no-such-session");
  }

  /**
   * The requests of one listing of every session with list columns only: GET /workspaces, then each
   * workspace's pages of 100 (one at least).
   */
  private static List<String> listing() {
    List<String> expected = new ArrayList<>(List.of("GET /workspaces"));
    for (Workspace w : DriverFixture.data().workspaces()) {
      int n = DriverFixture.data().sessions(w.id()).size();
      for (int offset = 0; offset == 0 || offset < n; offset += 100) {
        expected.add("GET /workspaces/" + w.id() + "/sessions?limit=100&offset=" + offset);
      }
    }
    return expected;
  }

  /**
   * The demo's cross-API join: the Insights side is expected to hold thousands of rows, a GET
   * /sessions/{id} each (318 in the demo sandbox, past the budget of 250: 54000), where listing every
   * PathSim session is GET /workspaces and a page per 100 sessions of each workspace: a hash or merge join
   * (Calcite's choice; either reads each side once).
   */
  @Test
  void aJoinOfManyKeysListsTheSessionsOnce() throws SQLException {
    String insights = "insights.url=" + SANDBOX.insightsUrl();
    String key = "insights.apiKey=" + Sandbox.INSIGHTS_KEY;
    try (Connection both = DriverFixture.connect(insights, key);
        Connection bothOff = DriverFixture.connect("pushdown=false", "maxRequestsPerStatement=0", insights, key)) {
      rows(both, "SELECT id, started_at FROM pathsim.sessions"); // learns how Time writes dates first
      String sql = "SELECT s.id, i.agent_name FROM pathsim.sessions s JOIN insights.sessions i ON s.id = i.id LIMIT 3";
      assertThat(String.join("\n", rows(both, "EXPLAIN PLAN FOR " + sql)))
          .containsPattern("Enumerable(Hash|Merge)Join").doesNotContain("BatchNestedLoop").doesNotContain("$cor");
      Answer pushed = ask(both, sql);
      assertThat(pushed.rows()).isEqualTo(ask(bothOff, sql).rows());
      assertThat(pushed.requests()).containsExactlyInAnyOrderElementsOf(listing());
    }
  }

  /** A self-join of every session: each side listed once (a get per session would be 400 of them). */
  @Test
  void aSelfJoinOfEverySessionIsTwoListings() throws SQLException {
    rows(on, "SELECT id, started_at FROM pathsim.sessions"); // learns how Time writes dates first
    String sql = "SELECT a.id, b.test_type FROM pathsim.sessions a JOIN pathsim.sessions b ON b.id = a.id";
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .containsPattern("Enumerable(Hash|Merge)Join").doesNotContain("BatchNestedLoop").doesNotContain("$cor");
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).hasSize(DriverFixture.data().sessions().size()).isEqualTo(ask(off, sql).rows());
    List<String> expected = new ArrayList<>(listing());
    expected.addAll(listing());
    assertThat(pushed.requests()).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * A self-join whose inner side selects list columns only, under a filter that leaves the outer side
   * hundreds of sessions: two listings, not a get per voice session (258 requests, which the budget of
   * 250 refused). Before, the planner weighed the inner scan as it reads before its projection (every
   * column, a detail per session) and batched the keys.
   */
  @Test
  void aSelfJoinOfListColumnsUnderAWideFilterIsTwoListings() throws SQLException {
    rows(on, "SELECT id, started_at FROM pathsim.sessions"); // learns how Time writes dates first
    String where = " WHERE a.test_type = 'Voice'";
    String sql = "SELECT a.id, b.test_type FROM pathsim.sessions a JOIN pathsim.sessions b ON b.id = a.id" + where;
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .containsPattern("Enumerable(Hash|Merge)Join").doesNotContain("BatchNestedLoop").doesNotContain("$cor");
    Answer outer = ask(on, "SELECT a.id FROM pathsim.sessions a" + where);
    assertThat(outer.rows()).hasSizeGreaterThan(100);
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).hasSize(outer.rows().size()).isEqualTo(ask(off, sql).rows());
    List<String> expected = new ArrayList<>(outer.requests());
    expected.addAll(listing());
    assertThat(pushed.requests()).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * A RIGHT JOIN is batched as the LEFT JOIN it mirrors: the transcripts of two sessions are their
   * gets, where before the transcript side was scanned whole (a get per session of every workspace)
   * and the budget of 250 refused it.
   */
  @Test
  void aRightJoinIsBatchedLikeItsLeftJoin() throws SQLException {
    List<Session> sessions = DriverFixture.data().sessions();
    String a = sessions.get(5).id();
    String b = sessions.get(77).id();
    String sql = "SELECT s.id, t.line_no, t.text FROM pathsim.transcript_lines t RIGHT JOIN pathsim.sessions s"
        + " ON t.session_id = s.id WHERE s.id IN ('" + a + "', '" + b + "')";
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .contains("EnumerableBatchNestedLoopJoin").contains("joinType=[left]");
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).hasSizeGreaterThan(2).isEqualTo(ask(off, sql).rows());
    assertThat(pushed.requests()).containsExactlyInAnyOrder(
        "GET /sessions/" + a, "GET /sessions/" + b, "GET /sessions/" + a, "GET /sessions/" + b);

    String values = "SELECT v.k, s.summary FROM pathsim.sessions s RIGHT JOIN (VALUES ('" + a + "'), ('" + b
        + "'), ('no-such-session')) AS v(k) ON s.id = v.k";
    Answer right = ask(on, values);
    assertThat(right.rows()).hasSize(3).contains("no-such-session; null").isEqualTo(ask(off, values).rows());
    assertThat(right.requests()).containsExactlyInAnyOrder(
        "GET /sessions/" + a, "GET /sessions/" + b, "GET /sessions/no-such-session");
  }

  /** A few keys, each a get, where a listing would be GET /workspaces and a page per workspace at least. */
  @Test
  void aFewKeysStayABatchOfGets() throws SQLException {
    List<Session> sessions = DriverFixture.data().sessions();
    String a = sessions.get(5).id();
    String b = sessions.get(77).id();
    String sql = "SELECT v.k, s.test_type, s.summary FROM (VALUES ('" + a + "'), ('" + b + "')) AS v(k)"
        + " JOIN pathsim.sessions s ON s.id = v.k";
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql))).contains("EnumerableBatchNestedLoopJoin");
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).hasSize(2).isEqualTo(ask(off, sql).rows());
    assertThat(pushed.requests()).containsExactlyInAnyOrder("GET /sessions/" + a, "GET /sessions/" + b);
  }

  /**
   * The transcript lines of sessions filtered by id: the outer side's estimate (a quarter of all
   * sessions) is far fewer gets than listing every session and getting each one's detail.
   */
  @Test
  void transcriptsOfSessionsFilteredById() throws SQLException {
    List<Session> voice = DriverFixture.data().sessions().stream()
        .filter(x -> "VOICE".equalsIgnoreCase(x.testType().name())).toList();
    String a = voice.get(1).id();
    String b = voice.get(30).id();
    String sql = "SELECT s.id, s.started_at, t.line_no, t.text FROM pathsim.sessions s"
        + " JOIN pathsim.transcript_lines t ON t.session_id = s.id WHERE s.id IN ('" + a + "', '" + b + "')";
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .contains("EnumerableBatchNestedLoopJoin")
        .contains("request=[GET /sessions/{id} for session_id in [$cor");
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).isNotEmpty().isEqualTo(ask(off, sql).rows());
    // each session got once for the outer side and once for its transcript
    assertThat(pushed.requests()).containsExactlyInAnyOrder(
        "GET /sessions/" + a, "GET /sessions/" + b, "GET /sessions/" + a, "GET /sessions/" + b);
  }
}
