package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch join below a LIMIT whose PathSim side is got key by key sends the gets of the keys its rows
 * need, one after the other, not the whole batch's 100 (before: 107 requests for 5 rows): the join
 * asks for the rows of the batch's keys only as its own rows are asked for, and reads its outer side
 * in batches of 1, 2, 4, … rows, lazily (GET /workspaces and the first page, none ahead). Calcite's
 * LIMIT asks for one row past its last before it stops, so the keys are those of the LIMIT's rows
 * and one more. The same requests with several at once as with one at a time; the rows are the first
 * of the join without the LIMIT, in its order; without a LIMIT the requests are those of the whole
 * join, as before.
 */
class LimitedBatchJoinTest {
  private static Connection on;
  private static Connection oneAtATime;
  private static Connection off;
  /** Pushdown on, no request budget: the joins without their LIMIT. */
  private static Connection whole;

  @BeforeAll
  static void connect() throws SQLException {
    on = DriverFixture.connect();
    oneAtATime = DriverFixture.connect("maxConcurrentRequests=1");
    off = DriverFixture.connect("pushdown=false", "maxRequestsPerStatement=0");
    whole = DriverFixture.connect("maxRequestsPerStatement=0");
    for (Connection c : List.of(on, oneAtATime, whole)) {
      rows(c, "SELECT id, started_at FROM pathsim.sessions"); // learns how Time writes dates first
    }
  }

  @AfterAll
  static void close() throws SQLException {
    on.close();
    oneAtATime.close();
    off.close();
    whole.close();
  }

  /** The rows of a query, in the order they came, and the PathSim requests it sent. */
  private record Answer(List<String> rows, List<String> requests) {
    List<String> gets() {
      return requests.stream().filter(r -> r.startsWith("GET /sessions/")).toList();
    }

    List<String> listing() {
      return requests.stream().filter(r -> !r.startsWith("GET /sessions/")).toList();
    }
  }

  private static Answer ask(Connection c, String sql) throws SQLException {
    SANDBOX.requests().clearWhenQuiet(Duration.ofMillis(200));
    List<String> rows = rows(c, sql);
    try {
      Thread.sleep(200); // a request cancelled in flight may reach the sandbox a moment later
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Answer(rows, SANDBOX.requests().of("pathsim").stream().map(RecordedRequest::toString).toList());
  }

  /** The ids of every session in the order the join's outer scan (a listing of ids) reads them. */
  private static List<String> outerOrder() throws SQLException {
    return rows(on, "SELECT id FROM pathsim.sessions");
  }

  /**
   * The first ids, in order, whose rows ({@code rowsOf} each) hold {@code n} rows and one more: those
   * a LIMIT of {@code n} has the join read.
   */
  private static List<String> keysFor(int n, List<String> ids, ToIntFunction<String> rowsOf) {
    List<String> keys = new ArrayList<>();
    int rows = 0;
    for (String id : ids) {
      if (rows > n) {
        break;
      }
      keys.add(id);
      rows += rowsOf.applyAsInt(id);
    }
    return keys;
  }

  /**
   * The outer listing's requests, with one request at a time or several: GET /workspaces and the
   * first workspace's first page (the batches' keys), none ahead that the LIMIT would cancel.
   */
  private static List<String> firstPage() {
    Workspace first = DriverFixture.data().workspaces().get(0);
    assertThat(DriverFixture.data().sessions(first.id())).hasSizeGreaterThan(100);
    return List.of("GET /workspaces", "GET /workspaces/" + first.id() + "/sessions?limit=100&offset=0");
  }

  /** A get of each key, on {@code path} below the session's. */
  private static List<String> gets(List<String> keys, String path) {
    return keys.stream().map(k -> "GET /sessions/" + k + path).toList();
  }

  /**
   * Checks the LIMIT's answer (the first rows of the join without it, in order; rows of the join
   * with pushdown off) and its requests on both connections: the outer listing, and {@code gets} one
   * after the other.
   */
  private static void check(String join, String limit, int rows, List<String> gets) throws SQLException {
    String sql = join + limit;
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql))).contains("EnumerableBatchNestedLoopJoin")
        .contains("session by session until the LIMIT's rows are found");
    List<String> all = rows(whole, join);
    List<String> local = new ArrayList<>(rows(off, join));
    for (Connection c : List.of(on, oneAtATime)) {
      Answer a = ask(c, sql);
      int skip = limit.contains("OFFSET") ? Integer.parseInt(limit.replaceAll(".*OFFSET (\\d+).*", "$1")) : 0;
      assertThat(a.rows()).as(sql).hasSize(rows).isEqualTo(all.subList(skip, skip + rows));
      assertThat(local).as(sql).containsAll(a.rows());
      assertThat(a.gets()).as(sql).containsExactlyElementsOf(gets);
      assertThat(a.listing()).as(sql).containsExactlyElementsOf(firstPage());
    }
  }

  @Test
  void aSessionsDetailPerKeyGetsTheLimitsKeysAndOneMore() throws SQLException {
    String join = "SELECT s.id, d.summary FROM pathsim.sessions s JOIN pathsim.sessions d ON d.id = s.id";
    // before: 107 requests, the outer listing and the batch's 100 gets
    check(join, " LIMIT 5", 5, gets(outerOrder().subList(0, 6), ""));
  }

  @Test
  void transcriptsGetTheSessionsTheirLinesNeed() throws SQLException {
    List<String> ids = outerOrder();
    Map<String, Integer> lines = counts("transcript_lines", ids.subList(0, 20));
    String join = "SELECT s.id, t.line_no, t.text FROM pathsim.sessions s"
        + " JOIN pathsim.transcript_lines t ON t.session_id = s.id";
    List<String> keys = keysFor(5, ids, id -> lines.getOrDefault(id, 0));
    assertThat(keys).as("sessions without lines come first").hasSizeGreaterThan(1).hasSizeLessThan(20);
    check(join, " LIMIT 5", 5, gets(keys, ""));
    check(join, " LIMIT 3 OFFSET 4", 3, gets(keysFor(7, ids, id -> lines.getOrDefault(id, 0)), ""));
  }

  @Test
  void recordingsGetTheSessionsUntilTheLimitsRecordingsAreFound() throws SQLException {
    List<String> ids = outerOrder();
    Map<String, Boolean> recorded = new HashMap<>();
    for (Session s : DriverFixture.data().sessions()) {
      recorded.put(s.id(), s.detail().hasRecording());
    }
    List<String> keys = keysFor(5, ids, id -> recorded.get(id) ? 1 : 0);
    assertThat(keys).as("some sessions have no recording").hasSizeGreaterThan(6);
    check("SELECT s.id, r.file_type FROM pathsim.sessions s JOIN pathsim.recordings r ON r.session_id = s.id",
        " LIMIT 5", 5, gets(keys, "/recording"));
  }

  /**
   * An outer side with a detail column costs a get per outer row: below a LIMIT the join reads it in
   * batches of 1, 2, 4, … rows, each batch's details before its transcripts, so about the outer rows
   * the LIMIT's rows need (before: 105 requests, the batch's 100 details).
   */
  @Test
  void anOuterSideWithDetailsIsReadInBatchesThatGrowFromOne() throws SQLException {
    List<String> ids = outerOrder();
    Map<String, Integer> lines = counts("transcript_lines", ids.subList(0, 20));
    List<String> keys = keysFor(5, ids, id -> lines.getOrDefault(id, 0));
    List<String> expected = new ArrayList<>();
    int from = 0;
    for (int size = 1; from < keys.size(); from += size, size *= 2) {
      List<String> batch = ids.subList(from, from + size);
      expected.addAll(gets(batch, "")); // the outer rows' details
      expected.addAll(gets(keys.subList(from, Math.min(keys.size(), from + size)), "")); // their transcripts
    }
    check("SELECT s.id, s.summary, t.line_no FROM pathsim.sessions s JOIN pathsim.transcript_lines t"
        + " ON t.session_id = s.id", " LIMIT 5", 5, expected);
  }

  /** The rows of each of {@code ids} in a child table. */
  private static Map<String, Integer> counts(String table, List<String> ids) throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    String in = String.join("', '", ids);
    for (String row : rows(on, "SELECT session_id, COUNT(*) FROM pathsim." + table + " WHERE session_id IN ('"
        + in + "') GROUP BY session_id")) {
      String[] parts = row.split("; ");
      counts.put(parts[0], Integer.parseInt(parts[1]));
    }
    return counts;
  }

  /** Statement.setMaxRows is a LIMIT: the same gets. */
  @Test
  void maxRowsIsALimit() throws SQLException {
    String join = "SELECT s.id, d.summary FROM pathsim.sessions s JOIN pathsim.sessions d ON d.id = s.id";
    SANDBOX.requests().clearWhenQuiet(Duration.ofMillis(200));
    List<String> rows = new ArrayList<>();
    try (Statement s = oneAtATime.createStatement()) {
      s.setMaxRows(5);
      try (ResultSet rs = s.executeQuery(join)) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
    }
    List<String> ids = outerOrder();
    assertThat(rows).isEqualTo(ids.subList(0, 5));
    assertThat(SANDBOX.requests().of("pathsim").stream().map(RecordedRequest::toString)
        .filter(r -> r.startsWith("GET /sessions/")).toList())
        .containsExactlyElementsOf(ids.subList(0, 6).stream().map(id -> "GET /sessions/" + id).toList());
  }

  /** A LIMIT past the join's rows reads all of it: the requests of the join without the LIMIT. */
  @Test
  void aLimitPastTheJoinsRowsSendsWhatTheJoinSends() throws SQLException {
    String small = DriverFixture.data().workspaces().get(3).id();
    String join = "SELECT s.id, t.line_no FROM pathsim.sessions s JOIN pathsim.transcript_lines t"
        + " ON t.session_id = s.id WHERE s.workspace_id = '" + small + "'";
    for (Connection c : List.of(on, oneAtATime)) {
      Answer whole = ask(c, join);
      Answer limited = ask(c, join + " LIMIT 100000");
      assertThat(limited.rows()).isEqualTo(whole.rows());
      assertThat(limited.requests()).containsExactlyInAnyOrderElementsOf(whole.requests());
      assertThat(whole.gets()).hasSize(DriverFixture.data().sessions(small).size());
    }
  }
}
