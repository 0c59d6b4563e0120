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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * and one more: exactly those with {@code maxConcurrentRequests=1}. With several at once (16 by
 * default) the gets of a batch's next keys travel ahead of the reader, as many as allowed, so the
 * same gets and at most 16 more of each scan that reads ahead, of the keys that follow (how many of
 * those cancelled reach the API depends on timing). The rows are the first of the join without the
 * LIMIT, in its order; without a LIMIT the requests are those of the whole join, as before.
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
   * with pushdown off) and its requests on both connections: the outer listing, and, with
   * {@code aheadScans} scans that read ahead, with one request at a time exactly {@code gets}, one
   * after the other; with several, those and at most {@code READ_AHEAD} more of each such scan, each a get (on {@code path}) of one of the keys that
   * follow the last of {@code gets} in the outer order, within the window.
   */
  private static void check(String join, String limit, int rows, List<String> gets, int aheadScans, String path)
      throws SQLException {
    String sql = join + limit;
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql))).contains("EnumerableBatchNestedLoopJoin")
        .contains("session by session until the LIMIT's rows are found");
    List<String> all = rows(whole, join);
    List<String> local = new ArrayList<>(rows(off, join));
    List<String> order = gets(outerOrder(), path);
    int last = gets.stream().mapToInt(order::indexOf).max().orElseThrow();
    List<String> window = order.subList(0, Math.min(order.size(), last + 1 + READ_AHEAD));
    for (Connection c : List.of(on, oneAtATime)) {
      Answer a = ask(c, sql);
      int skip = limit.contains("OFFSET") ? Integer.parseInt(limit.replaceAll(".*OFFSET (\\d+).*", "$1")) : 0;
      assertThat(a.rows()).as(sql).hasSize(rows).isEqualTo(all.subList(skip, skip + rows));
      assertThat(local).as(sql).containsAll(a.rows());
      assertThat(a.listing()).as(sql).containsExactlyElementsOf(firstPage());
      if (c == oneAtATime) {
        assertThat(a.gets()).as(sql).containsExactlyElementsOf(gets);
        continue;
      }
      List<String> extra = new ArrayList<>(a.gets());
      for (String get : gets) {
        assertThat(extra.remove(get)).as("%s: %s sent", sql, get).isTrue();
      }
      assertThat(extra).as(sql).hasSizeLessThanOrEqualTo(aheadScans * READ_AHEAD).allSatisfy(
          get -> assertThat(window).as(sql).contains(get));
    }
  }

  /**
   * The requests a scan may have in flight ahead of the answer its reader holds, with the default
   * maxConcurrentRequests (16).
   */
  private static final int READ_AHEAD = 16;

  /**
   * Whether, on {@code c}, {@code awaited} reached the sandbox while the answer to {@code held} was
   * kept back (up to {@code wait}): whether the two were in flight together.
   */
  private static boolean inFlightTogether(Connection c, String sql, String held, String awaited, Duration wait)
      throws SQLException {
    Set<String> arrived = new HashSet<>();
    AtomicBoolean together = new AtomicBoolean();
    SANDBOX.onRequest(r -> {
      synchronized (arrived) {
        arrived.add(r.toString());
        arrived.notifyAll();
        if (r.toString().equals(held)) {
          long until = System.nanoTime() + wait.toNanos();
          try {
            while (!arrived.contains(awaited) && System.nanoTime() < until) {
              arrived.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          together.set(arrived.contains(awaited));
        }
      }
    });
    try {
      rows(c, sql);
    } finally {
      SANDBOX.onRequest(null);
    }
    assertThat(SANDBOX.hookFailure()).isEmpty();
    assertThat(arrived).as("both sent").contains(held, awaited);
    return together.get();
  }

  /**
   * The gets of a batch's keys, all needed by a LIMIT 5 (the second batch: the second and third
   * outer rows), travel together with several requests at once, one after the other with one: the
   * second's answer is kept back until the third's get arrives (up to 10 s), which it never does with
   * one request at a time (1 s waited). Before, one after the other either way: the LIMIT's rows then
   * cost a round trip each.
   */
  @Test
  void aBatchsGetsTravelTogetherWithSeveralRequestsAtOnce() throws SQLException {
    List<String> ids = outerOrder();
    String sql = "SELECT s.id, d.summary FROM pathsim.sessions s JOIN pathsim.sessions d ON d.id = s.id LIMIT 5";
    String second = "GET /sessions/" + ids.get(1);
    String third = "GET /sessions/" + ids.get(2);
    assertThat(inFlightTogether(on, sql, second, third, Duration.ofSeconds(10))).isTrue();
    assertThat(inFlightTogether(oneAtATime, sql, second, third, Duration.ofSeconds(1))).isFalse();
    String transcripts = "SELECT s.id, t.text FROM pathsim.sessions s JOIN pathsim.transcript_lines t"
        + " ON t.session_id = s.id LIMIT 5";
    assertThat(inFlightTogether(on, transcripts, second, third, Duration.ofSeconds(10))).isTrue();
    assertThat(inFlightTogether(oneAtATime, transcripts, second, third, Duration.ofSeconds(1))).isFalse();
  }

  @Test
  void aSessionsDetailPerKeyGetsTheLimitsKeysAndOneMore() throws SQLException {
    String join = "SELECT s.id, d.summary FROM pathsim.sessions s JOIN pathsim.sessions d ON d.id = s.id";
    // before: 107 requests, the outer listing and the batch's 100 gets
    check(join, " LIMIT 5", 5, gets(outerOrder().subList(0, 6), ""), 1, "");
  }

  @Test
  void transcriptsGetTheSessionsTheirLinesNeed() throws SQLException {
    List<String> ids = outerOrder();
    Map<String, Integer> lines = counts("transcript_lines", ids.subList(0, 20));
    String join = "SELECT s.id, t.line_no, t.text FROM pathsim.sessions s"
        + " JOIN pathsim.transcript_lines t ON t.session_id = s.id";
    List<String> keys = keysFor(5, ids, id -> lines.getOrDefault(id, 0));
    assertThat(keys).as("sessions without lines come first").hasSizeGreaterThan(1).hasSizeLessThan(20);
    check(join, " LIMIT 5", 5, gets(keys, ""), 1, "");
    check(join, " LIMIT 3 OFFSET 4", 3, gets(keysFor(7, ids, id -> lines.getOrDefault(id, 0)), ""), 1, "");
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
        " LIMIT 5", 5, gets(keys, "/recording"), 0, "/recording"); // read on the caller's thread: none ahead
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
        + " ON t.session_id = s.id", " LIMIT 5", 5, expected, 2, ""); // the details and the transcripts
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
