package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimFixture.clear;
import static io.convosql.adapter.pathsim.PathSimFixture.requests;
import static io.convosql.adapter.pathsim.PathSimFixture.sessions;
import static io.convosql.adapter.pathsim.PathSimFixture.sortedIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WHERE clauses on pathsim.sessions: which requests they become, and that the rows stay exact. */
class SessionFilterPushdownTest {
  private static Connection connection;
  private static String busiest;
  private static String second;

  @BeforeAll
  static void connect() throws SQLException {
    connection = PathSimFixture.connect(true);
    busiest = PathSimFixture.busyWorkspaces().get(0);
    second = PathSimFixture.busyWorkspaces().get(1);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @BeforeEach
  void clearLog() {
    clear();
  }

  private static List<String> ids(String sql, Object... params) throws SQLException {
    return Sql.rows(connection, sql, params).stream().sorted().toList();
  }

  /**
   * The page requests of one workspace's full read: limit=100 at offsets 0, 100, ... with the given
   * parameters ({@code name=value&...}), each written as the request log writes it (names sorted).
   */
  private static List<String> pages(String workspace, String params, int rows) {
    List<String> out = new java.util.ArrayList<>();
    for (int offset = 0; offset == 0 || offset < rows; offset += 100) {
      java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
      sorted.put("limit", "100");
      sorted.put("offset", Integer.toString(offset));
      for (String p : params.split("&")) {
        if (!p.isEmpty()) {
          sorted.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
      }
      out.add("GET /workspaces/" + workspace + "/sessions?" + sorted.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("&")));
    }
    return out;
  }

  @Test
  void workspaceEqualityReadsOnlyThatWorkspace() throws SQLException {
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest));
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest + "'"))
        .isEqualTo(sortedIds(expected));
    // the later pages are requested together once the first page's total is known
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(pages(busiest, "", expected.size()));
    assertThat(Sql.explain(connection, "SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1'"))
        .isEqualTo("EnumerableApiScan(table=[[pathsim, sessions]], columns=[[id]], filter=[[workspace_id = w1]],"
            + " request=[GET /workspaces/w1/sessions?limit=100&offset=0 (next pages: offset + pagination.limit while pagination.hasMore)],"
            + " estimate=[1 per 100 sessions of the workspace + up to 2 to learn how Time writes dates (once per"
            + " connection)])");
  }

  @Test
  void workspaceInListReadsOnlyThoseWorkspaces() throws SQLException {
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest) || s.workspaceId().equals(second));
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id IN ('" + busiest + "', '" + second + "')"))
        .isEqualTo(sortedIds(expected));
    assertThat(requests()).noneMatch(r -> r.equals("GET /workspaces"))
        .allMatch(r -> r.contains(busiest) || r.contains(second));
  }

  @Test
  void noWorkspaceFilterListsWorkspacesFirst() throws SQLException {
    assertThat(ids("SELECT id FROM pathsim.sessions")).isEqualTo(sortedIds(sessions(s -> true)));
    assertThat(requests().get(0)).isEqualTo("GET /workspaces");
    assertThat(requests()).hasSize(1 + PathSimFixture.data().workspaces().stream()
        .mapToInt(w -> Math.max(1, (sessions(s -> s.workspaceId().equals(w.id())).size() + 99) / 100)).sum());
  }

  @Test
  void unknownWorkspaceIsEmpty() throws SQLException {
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = 'no-such-workspace'")).isEmpty();
    assertThat(requests()).containsExactly("GET /workspaces/no-such-workspace/sessions?limit=100&offset=0");
  }

  @Test
  void documentedValuesBecomeParameters() throws SQLException {
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest) && s.testType() == TestType.VOICE
        && s.source().label().equals("Ad-hoc"));
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND test_type = 'Voice' AND source = 'Ad-hoc'")).isEqualTo(sortedIds(expected));
    // pages after the first are requested together, so they arrive in any order
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(pages(busiest, "&source=Ad-hoc&type=voice", expected.size()));
  }

  @Test
  void aSingleValueInListIsAParameterButTwoValuesAreCheckedLocally() throws SQLException {
    ids("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w' AND test_type IN ('Web')");
    assertThat(requests()).containsExactly("GET /workspaces/w/sessions?limit=100&offset=0&type=web");
    clear();
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest));
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND test_type IN ('Web', 'Voice')")).isEqualTo(sortedIds(expected));
    assertThat(requests()).allMatch(r -> !r.contains("type="));
  }

  @Test
  void undocumentedValueIsNotSentAndMatchesExactly() throws SQLException {
    // 'voice' is not a value the API shows ('Voice' is): SQL equality is exact, so no row matches.
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND test_type = 'voice'")).isEmpty();
    assertThat(requests()).allMatch(r -> !r.contains("type="));
  }

  @Test
  void calculatedFiltersAreSentAndRowsStayExact() throws SQLException {
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest)
        && s.objective().label().equals("Achieved") && s.connected().label().equals("Connected"));
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND objective = 'Achieved' AND connected = 'Connected'")).isEqualTo(sortedIds(expected));
    int all = sessions(s -> s.workspaceId().equals(busiest)).size();
    // The API cuts pages before applying objective/connected, so every page is requested.
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(
        pages(busiest, "&connected=connected&objective=achieved", all));
  }

  @Test
  void likeBecomesSearchAndIsCheckedExactlyByTheScan() throws SQLException {
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest)
        && s.virtualCustomer().contains("Weather"));
    assertThat(expected).isNotEmpty();
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND virtual_customer LIKE '%Weather%'")).isEqualTo(sortedIds(expected));
    assertThat(requests().get(0)).isEqualTo(
        "GET /workspaces/" + busiest + "/sessions?limit=100&offset=0&search=Weather");
    assertThat(Sql.explain(connection,
        "SELECT id FROM pathsim.sessions WHERE workspace_id = 'w' AND target LIKE '%chatbot%'"))
        .contains("before row requests=[LIKE(target, '%chatbot%')]").contains("search=chatbot")
        .doesNotContain("EnumerableCalc");
    // Search is case-insensitive, LIKE is not: the scan's own check keeps the answer exact.
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND virtual_customer LIKE '%WEATHER%'")).isEmpty();
  }

  @Test
  void likeWithAnInnerWildcardIsNotSearched() throws SQLException {
    ids("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w' AND virtual_customer LIKE '%Wea_her%'");
    assertThat(requests()).containsExactly("GET /workspaces/w/sessions?limit=100&offset=0");
  }

  @Test
  void startedAtRangeBecomesWholeDaysWithAMarginAndIsCheckedExactly() throws SQLException {
    Instant from = Instant.parse("2025-08-01T10:15:00Z");
    Instant to = Instant.parse("2025-08-08T18:00:00Z");
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest)
        && !s.time().isBefore(from) && s.time().isBefore(to));
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND started_at >= TIMESTAMP '2025-08-01 10:15:00' AND started_at < TIMESTAMP '2025-08-08 18:00:00'"))
        .isEqualTo(sortedIds(expected));
    assertThat(requests().get(0)).isEqualTo("GET /workspaces/" + busiest
        + "/sessions?created_from=2025-07-31&created_to=2025-08-10&limit=100&offset=0");
  }

  @Test
  void betweenAndSearchRangesArePushed() throws SQLException {
    Instant from = Instant.parse("2025-07-01T00:00:00Z");
    Instant to = Instant.parse("2025-07-03T00:00:00Z");
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest)
        && !s.time().isBefore(from) && !s.time().isAfter(to));
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND started_at BETWEEN TIMESTAMP '2025-07-01 00:00:00' AND TIMESTAMP '2025-07-03 00:00:00'"))
        .isEqualTo(sortedIds(expected));
    assertThat(requests()).first().asString().contains("created_from=2025-06-30&created_to=2025-07-05");
    clear();
    // Two disjoint ranges fold into one SEARCH; the API gets their hull.
    ids("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w' AND (started_at < TIMESTAMP '2025-07-02 00:00:00'"
        + " AND started_at > TIMESTAMP '2025-07-01 00:00:00' OR started_at BETWEEN TIMESTAMP '2025-07-10 00:00:00'"
        + " AND TIMESTAMP '2025-07-11 00:00:00')");
    assertThat(requests()).containsExactly(
        "GET /workspaces/w/sessions?created_from=2025-06-30&created_to=2025-07-13&limit=100&offset=0");
  }

  @Test
  void literalOnTheLeftIsPushedToo() throws SQLException {
    ids("SELECT id FROM pathsim.sessions WHERE 'w' = workspace_id AND TIMESTAMP '2025-07-01 00:00:00' <= started_at");
    assertThat(requests()).containsExactly(
        "GET /workspaces/w/sessions?created_from=2025-06-30&limit=100&offset=0");
  }

  @Test
  void idEqualityGetsTheSessionDirectly() throws SQLException {
    Session s = PathSimFixture.data().sessions().get(17);
    assertThat(Sql.rows(connection, "SELECT id, test_type, started_at FROM pathsim.sessions WHERE id = '" + s.id() + "'"))
        .containsExactly(s.id() + "; " + s.testType().label() + "; " + PathSimFixture.jdbcTime(s.time()) + ".000");
    assertThat(PathSimFixture.jdbcTime(s.time())).endsWith(":00");
    assertThat(requests()).containsExactly("GET /sessions/" + s.id());
    assertThat(Sql.explain(connection, "SELECT id FROM pathsim.sessions WHERE id IN ('a', 'b')"))
        .contains("request=[GET /sessions/{id} for id in [a, b]]");
  }

  @Test
  void idInListGetsEachAndMissingIdsAreEmpty() throws SQLException {
    Session a = PathSimFixture.data().sessions().get(3);
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE id IN ('" + a.id() + "', 'missing')"))
        .containsExactly(a.id());
    // the gets are sent together, so they arrive in any order
    assertThat(requests()).containsExactlyInAnyOrder("GET /sessions/" + a.id(), "GET /sessions/missing");
  }

  @Test
  void idWithAListOnlyColumnScansTheList() throws SQLException {
    Session s = PathSimFixture.data().sessions().get(5);
    assertThat(Sql.rows(connection, "SELECT workspace_id FROM pathsim.sessions WHERE id = '" + s.id() + "'"))
        .containsExactly(s.workspaceId());
    assertThat(requests().get(0)).isEqualTo("GET /workspaces");
  }

  @Test
  void scansThatDifferOnlyInLocalChecksStayDistinct() throws SQLException {
    // Both scans send the same requests; the planner must still not take one for the other.
    Session s = PathSimFixture.data().sessions().get(9);
    long inWorkspace = sessions(x -> x.workspaceId().equals(s.workspaceId())).size();
    assertThat(Sql.rows(connection, "SELECT (SELECT COUNT(*) FROM pathsim.sessions WHERE workspace_id = ? AND id = ?),"
        + " (SELECT COUNT(*) FROM pathsim.sessions WHERE workspace_id = ?)", s.workspaceId(), s.id(), s.workspaceId()))
        .containsExactly("1; " + inWorkspace);
    assertThat(Sql.rows(connection, "SELECT a.test_type, b.id FROM pathsim.sessions a JOIN pathsim.sessions b"
        + " ON a.id = b.id WHERE a.id = ? AND b.workspace_id = ?", s.id(), s.workspaceId()))
        .containsExactly(s.testType().label() + "; " + s.id());
  }

  @Test
  void alwaysFalseSendsNothing() throws SQLException {
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE 1 = 0")).isEmpty();
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = 'a' AND workspace_id = 'b'")).isEmpty();
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE started_at > TIMESTAMP '2025-08-02 00:00:00'"
        + " AND started_at < TIMESTAMP '2025-08-01 00:00:00'")).isEmpty();
    assertThat(requests()).isEmpty();
  }

  @Test
  void preparedParametersPushLikeLiterals() throws SQLException {
    List<Session> expected = sessions(s -> s.workspaceId().equals(busiest) && s.testType() == TestType.WEB
        && !s.time().isBefore(Instant.parse("2025-08-01T00:00:00Z")));
    assertThat(ids("SELECT id FROM pathsim.sessions WHERE workspace_id = ? AND test_type = ? AND started_at >= ?",
        busiest, "Web", Timestamp.valueOf("2025-08-01 00:00:00"))).isEqualTo(sortedIds(expected));
    assertThat(requests().get(0)).isEqualTo("GET /workspaces/" + busiest
        + "/sessions?created_from=2025-07-31&limit=100&offset=0&type=web");
    assertThat(Sql.explain(connection,
        "SELECT id FROM pathsim.sessions WHERE workspace_id = ? AND test_type = ? AND started_at >= ?",
        busiest, "Web", Timestamp.valueOf("2025-08-01 00:00:00")))
        .contains("GET /workspaces/?0/sessions?type=?1&created_from=day(?2)-1");
  }

  @Test
  void preparedInListOfParametersPinsWorkspaces() throws SQLException {
    ids("SELECT id FROM pathsim.sessions WHERE workspace_id IN (?, ?)", "w-a", "w-b");
    // both workspaces are listed at once (the scan reads everything), so they arrive in either order
    assertThat(requests()).containsExactlyInAnyOrder(
        "GET /workspaces/w-a/sessions?limit=100&offset=0", "GET /workspaces/w-b/sessions?limit=100&offset=0");
  }

  @Test
  void timestampsAreUtcWallClockWhateverTheJvmZone() throws SQLException {
    assertThat(java.util.TimeZone.getDefault().getID()).isEqualTo("America/Los_Angeles");
    Session s = PathSimFixture.data().sessions().get(42);
    assertThat(Sql.rows(connection, "SELECT CAST(started_at AS VARCHAR) FROM pathsim.sessions WHERE id = ?", s.id()))
        .containsExactly(PathSimFixture.jdbcTime(s.time()));
  }
}
