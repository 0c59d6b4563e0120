package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.Holder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A kept plan carries nothing of the execution that made it: with the plan cache the answers and the
 * API requests are those without it, each execution reads its own clock, warnings, cancel flag and
 * request log, and two statements can run one kept plan at the same time.
 */
class PlanCacheRuntimeTest {
  private static final String INSIGHTS = "insights.url=" + SANDBOX.insightsUrl()
      + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY;

  private static Connection on;
  private static Connection off;
  private static List<String> busiest;

  @BeforeAll
  static void connect() throws SQLException {
    on = DriverFixture.connect("requestsPerSecond=0", "maxRequestsPerStatement=0", INSIGHTS);
    off = DriverFixture.connect("requestsPerSecond=0", "maxRequestsPerStatement=0", INSIGHTS,
        "planCacheSize=0");
    busiest = DriverFixture.data().sessions().stream()
        .collect(Collectors.groupingBy(Session::workspaceId, Collectors.counting()))
        .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(Map.Entry::getKey).toList();
  }

  @AfterAll
  static void close() throws SQLException {
    on.close();
    off.close();
  }

  /** A query's rows and the requests both APIs got for them, in sorted order (some go concurrently). */
  private record Run(List<String> rows, List<String> requests) {}

  private static Run run(Connection c, String sql, Object... params) throws SQLException {
    SANDBOX.requests().clear();
    List<String> rows = rows(c, sql, params);
    List<String> requests = new ArrayList<>(SANDBOX.requests().lines("pathsim"));
    requests.addAll(SANDBOX.requests().lines("insights"));
    requests.sort(Comparator.naturalOrder());
    return new Run(rows, requests);
  }

  /** The sessions of one workspace since {@code from}, newest first, as the test's queries order them. */
  private static List<String> sessionsSince(String workspace, Instant from) {
    return DriverFixture.data().sessions().stream()
        .filter(s -> s.workspaceId().equals(workspace) && !s.time().isBefore(from))
        .sorted(Comparator.comparing(Session::time).reversed().thenComparing(Session::id))
        .map(Session::id).toList();
  }

  @Test
  void answersAndRequestsAreThoseWithoutTheCache() throws SQLException {
    Session one = DriverFixture.data().sessions().get(17);
    List<String> queries = List.of(
        "SELECT id, test_type FROM pathsim.sessions WHERE workspace_id = '" + busiest.get(0)
            + "' AND test_type = 'Voice' ORDER BY started_at DESC, id LIMIT 5",
        "SELECT test_type, COUNT(*) FROM pathsim.sessions GROUP BY test_type ORDER BY test_type",
        "SELECT s.id, w.name, s.summary FROM pathsim.sessions s JOIN pathsim.workspaces w"
            + " ON w.id = s.workspace_id WHERE s.id = '" + one.id() + "'",
        "SELECT name FROM pathsim.workspaces WHERE name LIKE 'P%' ORDER BY name",
        "SELECT agent_name, COUNT(*) FROM insights.sessions WHERE session_start_time BETWEEN"
            + " TIMESTAMP '2025-08-01 00:00:00' AND TIMESTAMP '2025-09-01 23:59:59'"
            + " GROUP BY agent_name ORDER BY agent_name");
    for (String sql : queries) {
      Run first = run(off, sql);
      assertThat(first.rows()).as(sql).isNotEmpty();
      assertThat(first.requests()).as(sql).isNotEmpty();
      for (int i = 0; i < 2; i++) { // planned, then from the cache
        assertThat(run(on, sql)).as(sql).isEqualTo(first);
      }
    }
    String prepared = "SELECT id FROM pathsim.sessions WHERE workspace_id = ? AND started_at >= ?"
        + " ORDER BY started_at DESC, id";
    Instant from = Instant.parse("2025-08-20T00:00:00Z");
    for (String workspace : busiest.subList(0, 2)) {
      Object[] params = {workspace, Timestamp.valueOf(from.atOffset(ZoneOffset.UTC).toLocalDateTime())};
      Run expected = run(off, prepared, params);
      assertThat(expected.rows()).isNotEmpty().isEqualTo(sessionsSince(workspace, from));
      assertThat(run(on, prepared, params)).isEqualTo(expected);
    }
  }

  @Test
  void eachExecutionReadsItsOwnClock() throws SQLException {
    String sql = "SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest.get(0)
        + "' AND started_at >= CURRENT_TIMESTAMP - INTERVAL '3' DAY ORDER BY started_at DESC, id";
    List<String> parsed = new ArrayList<>();
    List<Run> runs = new ArrayList<>();
    for (Instant now : List.of(DriverFixture.NOW, DriverFixture.NOW.minus(Duration.ofDays(20)))) {
      Consumer<Holder<Long>> clock = h -> h.set(now.toEpochMilli());
      try (Hook.Closeable time = Hook.CURRENT_TIME.addThread(clock)) {
        try (Hook.Closeable parses = Hook.PARSE_TREE.addThread((Consumer<Object[]>) t -> parsed.add("" + t[0]))) {
          runs.add(run(on, sql));
        }
        assertThat(runs.get(runs.size() - 1)).isEqualTo(run(off, sql));
      }
    }
    assertThat(parsed).containsExactly(sql); // the second run used the kept plan
    assertThat(runs.get(0).rows()).isNotEmpty();
    assertThat(runs.get(1).rows()).containsAll(runs.get(0).rows()).hasSizeGreaterThan(runs.get(0).rows().size());
    assertThat(runs.get(0).requests()).filteredOn(q -> q.contains("/sessions")).isNotEmpty()
        .allMatch(q -> q.contains("created_from=2025-08-28"));
    assertThat(runs.get(1).requests()).filteredOn(q -> q.contains("/sessions")).isNotEmpty()
        .allMatch(q -> q.contains("created_from=2025-08-08"));
  }

  @Test
  void twoStatementsRunOneKeptPlanAtOnceAndCancelAlone() throws Exception {
    String sql = "SELECT id FROM pathsim.sessions WHERE workspace_id = ? ORDER BY started_at DESC, id";
    Instant always = Instant.EPOCH;
    try (PreparedStatement a = on.prepareStatement(sql); PreparedStatement b = on.prepareStatement(sql)) {
      a.setString(1, busiest.get(0));
      b.setString(1, busiest.get(1));
      CyclicBarrier bothOpen = new CyclicBarrier(2);
      CyclicBarrier cancelled = new CyclicBarrier(2);
      CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> read(a, bothOpen, cancelled, true));
      CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> read(b, bothOpen, cancelled, false));
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(sessionsSince(busiest.get(1), always));
      assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("Statement canceled");
      // the statement that was cancelled runs the plan again, to the end
      a.setString(1, busiest.get(2));
      assertThat(read(a, null, null, false)).isEqualTo(sessionsSince(busiest.get(2), always));
    }
  }

  /**
   * Reads a statement's rows; with barriers, waits after the first row until both statements have
   * one, then the statement told to cancels itself and reads on (which fails), and the other reads
   * on once it has.
   */
  private static List<String> read(PreparedStatement s, CyclicBarrier bothOpen, CyclicBarrier cancelled,
      boolean cancel) {
    List<String> ids = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
        if (ids.size() == 1 && bothOpen != null) {
          bothOpen.await(10, TimeUnit.SECONDS);
          if (cancel) {
            s.cancel();
          }
          cancelled.await(10, TimeUnit.SECONDS);
        }
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void warningsBelongToEachExecution() throws SQLException {
    String open = "SELECT COUNT(*) FROM insights.sessions";
    String bounded = open + " WHERE session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
    try (Statement s = on.createStatement(); Statement t = on.createStatement()) {
      for (Statement each : List.of(s, t, s)) { // the second and third runs use the kept plan
        each.executeQuery(open).close();
        SQLWarning w = each.getWarnings();
        assertThat((Object) w).isNotNull();
        assertThat(w.getMessage()).contains("no lower bound on session_start_time");
      }
      s.executeQuery(bounded).close();
      assertThat((Object) s.getWarnings()).isNull();
      assertThat((Object) t.getWarnings()).isNotNull();
    }
  }

  @Test
  void theRequestLogIsReadAtEachExecution() throws SQLException {
    String count = "SELECT COUNT(*) FROM convosql.requests WHERE path = '/workspaces'";
    try (Connection c = DriverFixture.connect("requestsPerSecond=0")) {
      assertThat(rows(c, count)).containsExactly("0");
      rows(c, "SELECT name FROM pathsim.workspaces");
      assertThat(rows(c, count)).containsExactly("1");
      rows(c, "SELECT name FROM pathsim.workspaces");
      assertThat(rows(c, count)).containsExactly("2");
    }
  }

  @Test
  void theNoCacheHintHoldsForAKeptPlan() throws SQLException {
    String sql = "SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest.get(3) + "'";
    String hinted = sql.replace("SELECT", "SELECT /*+ no_cache */");
    List<String> asked = run(off, sql).requests(); // no response cache there
    assertThat(asked).isNotEmpty();
    try (Connection c = DriverFixture.connect("requestsPerSecond=0", "cacheTtlSeconds=600")) {
      run(c, sql);
      assertThat(run(c, sql).requests()).isEmpty(); // the kept plan, answered by the response cache
      assertThat(run(c, hinted).requests()).isEqualTo(asked);
      assertThat(run(c, hinted).requests()).isEqualTo(asked); // the kept plan, the API asked again
    }
  }
}
