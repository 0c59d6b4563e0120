package io.convosql.adapter.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.PathSimEmulator;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ORDER BY started_at} on a service whose {@code created_at} (the document's sort field) is
 * not the start time: sessions created up to three days before they start. The document does not
 * say that created_at is Time, so the answer must be in started_at order all the same, with and
 * without a LIMIT, on one workspace and across all of them.
 */
class CreatedAtOrderTest {
  private static Sandbox sandbox;
  private static Connection pushed;
  private static Connection plain;
  private static String busiest;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = Sandbox.builder().seed(11).pathSimSessions(2000).insightsSessions(50)
        .now(PathSimFixture.NOW).start();
    sandbox.pathSim().setCreatedBeforeStart(true);
    pushed = connect(true);
    plain = connect(false);
    busiest = PathSimFixture.busyWorkspaces().get(0);
  }

  @AfterAll
  static void stop() throws SQLException {
    pushed.close();
    plain.close();
    sandbox.close();
  }

  private static Connection connect(boolean pushdown) throws SQLException {
    return Sql.connect("pathsim", new PathSimSchema(HttpUrl.get(sandbox.pathSimUrl()),
        Sandbox.PATHSIM_KEY, TestHttp.settings(Duration.ofSeconds(10)), pushdown));
  }

  private static List<Session> newestFirst(Predicate<Session> filter) {
    return PathSimFixture.newestFirst(PathSimFixture.sessions(filter));
  }

  private static List<String> idAndTime(List<Session> sessions) {
    return sessions.stream().map(s -> s.id() + "; " + PathSimFixture.jdbcTime(s.time()) + ".000").toList();
  }

  private static List<String> times(List<Session> sessions) {
    return sessions.stream().map(s -> PathSimFixture.jdbcTime(s.time()) + ".000").toList();
  }

  private static List<String> requests() {
    return sandbox.requests().lines("pathsim");
  }

  @Test
  void theSandboxReallyOrdersCreatedAtOtherwise() throws SQLException {
    // without this, the test below would prove nothing
    List<String> byCreation = Sql.rows(plain, "SELECT started_at FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' LIMIT 100");
    assertThat(byCreation).hasSize(100).isNotEqualTo(byCreation.stream().sorted().toList())
        .isNotEqualTo(byCreation.stream().sorted(Comparator.reverseOrder()).toList());
  }

  @Test
  void newestTenOfAWorkspace() throws SQLException {
    String sql = "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' ORDER BY started_at DESC LIMIT 10";
    assertThat(Sql.rows(pushed, sql))
        .isEqualTo(idAndTime(newestFirst(s -> s.workspaceId().equals(busiest)).subList(0, 10)));
  }

  @Test
  void theNewestSessionIsNotTheNewestCreated() throws SQLException {
    // one row is never out of order with itself: before, this answered the last one created, silently
    String workspace = PathSimFixture.data().workspaces().stream().map(w -> w.id())
        .filter(w -> !newestFirst(s -> s.workspaceId().equals(w)).get(0).equals(newestCreated(w)))
        .findFirst().orElseThrow();
    Session newest = newestFirst(s -> s.workspaceId().equals(workspace)).get(0);
    Session created = newestCreated(workspace);
    sandbox.requests().clear();
    assertThat(Sql.rows(pushed, "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = ?"
        + " ORDER BY started_at DESC LIMIT 1", workspace)).isEqualTo(idAndTime(List.of(newest)));
    // the first session created is the candidate; the days from the day before its start are read
    assertThat(requests()).isEqualTo(List.of(
        "GET /workspaces/" + workspace + "/sessions?limit=1&offset=0&sort=-created_at",
        "GET /workspaces/" + workspace + "/sessions?created_from="
            + LocalDate.ofInstant(created.time(), ZoneOffset.UTC).minusDays(1)
            + "&limit=100&offset=0&sort=-created_at"));
  }

  private static Session newestCreated(String workspace) {
    return PathSimFixture.sessions(s -> s.workspaceId().equals(workspace)).stream()
        .max(Comparator.comparing(PathSimEmulator::createdAt).thenComparing(Session::id)).orElseThrow();
  }

  @Test
  void detailColumnsOfTheNewestFive() throws SQLException {
    String sql = "SELECT id, started_at, duration_seconds FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' ORDER BY started_at DESC LIMIT 5";
    assertThat(Sql.rows(pushed, sql)).isEqualTo(Sql.rows(plain, sql)).hasSize(5);
  }

  @Test
  void sameAnswerWithoutPushdown() throws SQLException {
    for (String sql : List.of(
        "SELECT started_at FROM pathsim.sessions ORDER BY started_at DESC LIMIT 25",
        "SELECT started_at FROM pathsim.sessions ORDER BY started_at LIMIT 7 OFFSET 3",
        "SELECT started_at, test_type FROM pathsim.sessions WHERE test_type = 'Web'"
            + " ORDER BY started_at DESC LIMIT 5 OFFSET 40",
        "SELECT started_at FROM pathsim.sessions WHERE connected = 'Failed' ORDER BY started_at DESC LIMIT 3")) {
      assertThat(Sql.rows(pushed, sql)).as(sql).isEqualTo(Sql.rows(plain, sql));
    }
  }

  @Test
  void oldestThreeWithAnOffset() throws SQLException {
    List<Session> all = PathSimFixture.sessions(s -> s.workspaceId().equals(busiest));
    String sql = "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = ?"
        + " ORDER BY started_at LIMIT 3 OFFSET 20";
    assertThat(Sql.rows(pushed, sql, busiest)).isEqualTo(idAndTime(all.subList(20, 23)));
  }

  @Test
  void newestFiveOfAllWorkspaces() throws SQLException {
    String sql = "SELECT id, started_at FROM pathsim.sessions ORDER BY started_at DESC LIMIT 5";
    assertThat(Sql.rows(pushed, sql)).isEqualTo(idAndTime(newestFirst(s -> true).subList(0, 5)));
  }

  @Test
  void everySessionInOrder() throws SQLException {
    String sql = "SELECT started_at FROM pathsim.sessions WHERE test_type = 'Web' ORDER BY started_at DESC";
    List<String> expected = times(newestFirst(s -> s.testType().label().equals("Web")));
    assertThat(Sql.rows(pushed, sql)).isEqualTo(expected);
    assertThat(Sql.rows(plain, sql)).isEqualTo(expected);
  }
}
