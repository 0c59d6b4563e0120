package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.pathsim.Session;
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
}
