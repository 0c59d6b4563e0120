package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code IN (subquery)} or {@code EXISTS} whose subquery holds a few keys reads the subquery, then
 * gets the outer table's rows by those keys (a batch nested-loop join with the subquery's distinct keys
 * first), where before it was a semi join that listed every session, a detail each for a detail
 * column (the budget of 250 refused it). The rows are those of {@code pushdown=false}.
 */
class SubqueryBatchJoinTest {
  private static Connection on;
  private static Connection off;
  /** Two voice sessions (with transcript lines) and a web session (with none). */
  private static String a;
  private static String b;
  private static String web;

  @BeforeAll
  static void connect() throws SQLException {
    String url = "insights.url=" + SANDBOX.insightsUrl();
    String key = "insights.apiKey=" + Sandbox.INSIGHTS_KEY;
    on = DriverFixture.connect(url, key);
    off = DriverFixture.connect("pushdown=false", "maxRequestsPerStatement=0", url, key); // whole tables
    rows(on, "SELECT id, started_at FROM pathsim.sessions"); // learns how Time writes dates first
    List<Session> voice = DriverFixture.data().sessions().stream()
        .filter(s -> "VOICE".equalsIgnoreCase(s.testType().name())).toList();
    a = voice.get(1).id();
    b = voice.get(30).id();
    web = DriverFixture.data().sessions().stream()
        .filter(s -> "WEB".equalsIgnoreCase(s.testType().name())).findFirst().orElseThrow().id();
  }

  @AfterAll
  static void close() throws SQLException {
    on.close();
    off.close();
  }

  /** The rows of a query (sorted), and the requests it sent to each API. */
  private record Answer(List<String> rows, List<String> pathSim, List<String> insights) {}

  private static Answer ask(Connection c, String sql) throws SQLException {
    SANDBOX.requests().clear();
    List<String> rows = new ArrayList<>(rows(c, sql));
    rows.sort(null);
    return new Answer(rows, sent("pathsim"), sent("insights"));
  }

  private static List<String> sent(String api) {
    return SANDBOX.requests().of(api).stream().map(RecordedRequest::toString).toList();
  }

  private static String plan(String sql) throws SQLException {
    return String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql));
  }

  private static String ids() {
    return "('" + a + "', '" + b + "', '" + web + "')";
  }

  /** A session's id and summary as the API writes them. */
  private static String summary(String id) throws SQLException {
    return rows(on, "SELECT id, summary FROM pathsim.sessions WHERE id = '" + id + "'").get(0);
  }

  /**
   * The sessions with transcript lines among three: a get per key for the subquery (the web session's
   * detail has no transcript), then a get per session it named: 5 requests, where the semi join listed
   * every session and got each one's detail.
   */
  @Test
  void anInSubqueryGetsTheSessionsItNames() throws SQLException {
    String sql = "SELECT s.id, s.summary FROM pathsim.sessions s WHERE s.id IN"
        + " (SELECT session_id FROM pathsim.transcript_lines WHERE session_id IN " + ids() + ")";
    assertThat(plan(sql)).contains("EnumerableBatchNestedLoopJoin").doesNotContain("semi")
        .contains("request=[GET /sessions/{id} for id in [$cor");
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).containsExactlyInAnyOrder(summary(a), summary(b))
        .isEqualTo(ask(off, sql).rows());
    assertThat(pushed.pathSim()).containsExactlyInAnyOrder("GET /sessions/" + a, "GET /sessions/" + b,
        "GET /sessions/" + web, "GET /sessions/" + a, "GET /sessions/" + b);

    // the same with the id alone: the gets, where the semi join listed the sessions (9 requests)
    String ids = "SELECT s.id FROM pathsim.sessions s WHERE s.id IN"
        + " (SELECT session_id FROM pathsim.transcript_lines WHERE session_id IN " + ids() + ")";
    Answer id = ask(on, ids);
    assertThat(id.rows()).containsExactlyInAnyOrder(a, b).isEqualTo(ask(off, ids).rows());
    assertThat(id.pathSim()).containsExactlyInAnyOrderElementsOf(pushed.pathSim());
  }

  /** The EXISTS form is planned as the IN form: the same rows and requests. */
  @Test
  void anExistsSubqueryGetsTheSessionsItNames() throws SQLException {
    String sql = "SELECT s.id, s.summary FROM pathsim.sessions s WHERE EXISTS (SELECT 1 FROM"
        + " pathsim.transcript_lines t WHERE t.session_id = s.id AND t.session_id IN " + ids() + ")";
    assertThat(plan(sql)).contains("EnumerableBatchNestedLoopJoin").doesNotContain("semi");
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).containsExactlyInAnyOrder(summary(a), summary(b))
        .isEqualTo(ask(off, sql).rows());
    assertThat(pushed.pathSim()).containsExactlyInAnyOrder("GET /sessions/" + a, "GET /sessions/" + b,
        "GET /sessions/" + web, "GET /sessions/" + a, "GET /sessions/" + b);
  }

  /** GET /workspaces and each workspace's pages of 100 (one at least): one listing of every session. */
  private static List<String> listing() {
    List<String> expected = new ArrayList<>(List.of("GET /workspaces"));
    DriverFixture.data().workspaces().forEach(w -> {
      int n = DriverFixture.data().sessions(w.id()).size();
      for (int offset = 0; offset == 0 || offset < n; offset += 100) {
        expected.add("GET /workspaces/" + w.id() + "/sessions?limit=100&offset=" + offset);
      }
    });
    return expected;
  }

  /**
   * NOT IN and NOT EXISTS keep every session but a few, so every session is read: listed once for
   * its id (NOT IN reads the subquery twice, once to count it for NULLs); with a detail column that is a
   * get per session, which the budget refuses before sending them all.
   */
  @Test
  void notInAndNotExistsReadEverySession() throws SQLException {
    int all = DriverFixture.data().sessions().size();
    String sub = "(SELECT session_id FROM pathsim.transcript_lines WHERE session_id IN " + ids() + ")";
    String notIn = "SELECT s.id FROM pathsim.sessions s WHERE s.id NOT IN " + sub;
    Answer in = ask(on, notIn);
    assertThat(in.rows()).hasSize(all - 2).doesNotContain(a, b).contains(web).isEqualTo(ask(off, notIn).rows());
    List<String> expected = new ArrayList<>(listing());
    for (int i = 0; i < 2; i++) {
      expected.addAll(List.of("GET /sessions/" + a, "GET /sessions/" + b, "GET /sessions/" + web));
    }
    assertThat(in.pathSim()).containsExactlyInAnyOrderElementsOf(expected);

    String notExists = "SELECT s.id FROM pathsim.sessions s WHERE NOT EXISTS (SELECT 1 FROM"
        + " pathsim.transcript_lines t WHERE t.session_id = s.id AND t.session_id IN " + ids() + ")";
    Answer exists = ask(on, notExists);
    assertThat(exists.rows()).isEqualTo(in.rows()).isEqualTo(ask(off, notExists).rows());
    expected = new ArrayList<>(listing());
    expected.addAll(List.of("GET /sessions/" + a, "GET /sessions/" + b, "GET /sessions/" + web));
    assertThat(exists.pathSim()).containsExactlyInAnyOrderElementsOf(expected);

    Throwable e = DriverFixture.queryFailure(on, "SELECT s.id, s.summary FROM pathsim.sessions s WHERE s.id NOT IN " + sub);
    assertThat(((SQLException) e).getSQLState()).isEqualTo("54000");
    assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least ")
        .contains("more than maxRequestsPerStatement=250 allows");
  }

  /**
   * An Insights scan with a lower bound on its start time takes the keys of a PathSim subquery: the
   * subquery's gets, then one search of the window (49 days) with the keys as should terms, where the
   * semi join paged through every session of the range.
   */
  @Test
  void insightsSessionsInAPathSimSubquery() throws SQLException {
    String sql = "SELECT id, agent_name FROM insights.sessions"
        + " WHERE session_start_time >= TIMESTAMP '2025-06-01 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-07-20 00:00:00'"
        + " AND id IN (SELECT id FROM pathsim.sessions WHERE id IN ('" + a + "', '" + b + "'))";
    assertThat(plan(sql)).contains("EnumerableBatchNestedLoopJoin").doesNotContain("semi")
        .contains("filter_by={\"should\":[{\"term\":{\"id\":\"$cor0.");
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).isEmpty(); // the two APIs' session ids differ
    assertThat(ask(off, sql).rows()).isEmpty();
    assertThat(pushed.pathSim()).containsExactlyInAnyOrder("GET /sessions/" + a, "GET /sessions/" + b);
    // the batch's keys in the order the subquery returned them
    String search = "GET /insights/sessions?filter_by={\"should\":[{\"term\":{\"id\":\"%s\"}},{\"term\":{\"id\":\"%s\"}}]}"
        + "&from_date=2025-05-31T23:59:59.999999&page_number=0&page_size=100"
        + "&project_fields=[\"id\",\"session_start_time\",\"agent_information.name\"]"
        + "&sort_by=session_start_time:asc,id:asc&to_date=2025-07-20T00:00:00";
    assertThat(pushed.insights()).hasSize(1);
    assertThat(pushed.insights().get(0)).isIn(String.format(search, a, b), String.format(search, b, a));
  }

  /**
   * PathSim sessions in an Insights subquery over a range of start times, whose keys no filter pins:
   * the window's one search, then a get per Insights session it returns (92, none a PathSim session),
   * where the semi join listed every PathSim session and got each one's detail (refused: "needs at
   * least 308 requests"). A scan that gets each row's detail weighs a request per row in the plan's cost.
   */
  @Test
  void pathSimSessionsInAnInsightsSubqueryOverARange() throws SQLException {
    String sql = "SELECT id, summary FROM pathsim.sessions WHERE id IN (SELECT id FROM insights.sessions"
        + " WHERE session_start_time >= TIMESTAMP '2025-06-01 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-07-20 00:00:00')";
    assertThat(plan(sql)).contains("EnumerableBatchNestedLoopJoin").doesNotContain("semi")
        .contains("request=[GET /sessions/{id} for id in [$cor");
    List<String> inRange = InsightsBatchJoinTest.inRange();
    assertThat(inRange).hasSize(92);
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).isEmpty(); // the two APIs' session ids differ
    assertThat(ask(off, sql).rows()).isEmpty();
    assertThat(pushed.insights()).containsExactly("GET /insights/sessions?from_date=2025-05-31T23:59:59.999999"
        + "&page_number=0&page_size=100&project_fields=[\"id\",\"session_start_time\"]"
        + "&sort_by=session_start_time:asc,id:asc&to_date=2025-07-20T00:00:00");
    assertThat(pushed.pathSim()).containsExactlyInAnyOrderElementsOf(
        inRange.stream().map(id -> "GET /sessions/" + id).toList());
  }

  /**
   * PathSim sessions in an Insights subquery of two ids: the two Insights gets by id, then a get of each
   * id from PathSim, where the semi join listed every PathSim session and got each one's detail.
   */
  @Test
  void pathSimSessionsInAnInsightsSubquery() throws SQLException {
    List<String> ids = SANDBOX.insights().data().documents().stream().limit(2).map(d -> d.get("id").asText())
        .toList();
    String sql = "SELECT id, summary FROM pathsim.sessions WHERE id IN (SELECT id FROM insights.sessions"
        + " WHERE id IN ('" + ids.get(0) + "', '" + ids.get(1) + "'))";
    assertThat(plan(sql)).contains("EnumerableBatchNestedLoopJoin").doesNotContain("semi");
    Answer pushed = ask(on, sql);
    assertThat(pushed.rows()).isEmpty(); // the two APIs' session ids differ
    assertThat(ask(off, sql).rows()).isEmpty();
    assertThat(pushed.insights()).containsExactlyInAnyOrder("GET /insights/sessions/search/" + ids.get(0),
        "GET /insights/sessions/search/" + ids.get(1));
    assertThat(pushed.pathSim()).containsExactlyInAnyOrder("GET /sessions/" + ids.get(0),
        "GET /sessions/" + ids.get(1));
  }
}
