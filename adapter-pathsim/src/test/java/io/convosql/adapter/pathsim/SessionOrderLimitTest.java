package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimFixture.clear;
import static io.convosql.adapter.pathsim.PathSimFixture.newestFirst;
import static io.convosql.adapter.pathsim.PathSimFixture.requests;
import static io.convosql.adapter.pathsim.PathSimFixture.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ORDER BY, LIMIT and OFFSET on pathsim.sessions: pushed into sort/limit/offset, paged lazily. */
class SessionOrderLimitTest {
  private static Connection connection;
  private static String busiest;

  @BeforeAll
  static void connect() throws SQLException {
    connection = PathSimFixture.connect(true);
    busiest = PathSimFixture.busyWorkspaces().get(0);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @BeforeEach
  void clearLog() {
    clear();
  }

  /**
   * The pages that read a workspace's sessions from the day before {@code last}'s day on (newest
   * first, {@code created_from}) or to two days after it (oldest first, {@code created_to}): the
   * second listing of an ORDER BY started_at with a LIMIT, whose last row is {@code last}.
   */
  static List<String> windowPages(String workspace, Session last, boolean descending) {
    LocalDate day = LocalDate.ofInstant(last.time(), ZoneOffset.UTC);
    LocalDate edge = descending ? day.minusDays(1) : day.plusDays(2);
    Instant at = edge.atStartOfDay(ZoneOffset.UTC).toInstant();
    long inWindow = sessions(s -> s.workspaceId().equals(workspace)
        && (descending ? !s.time().isBefore(at) : s.time().isBefore(at))).size();
    List<String> pages = new java.util.ArrayList<>();
    for (long offset = 0; offset == 0 || offset < inWindow; offset += 100) {
      pages.add("GET /workspaces/" + workspace + "/sessions?" + (descending ? "created_from=" : "created_to=")
          + edge + "&limit=100&offset=" + offset + "&sort=" + (descending ? "-created_at" : "created_at"));
    }
    return pages;
  }

  private static List<String> plus(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static List<String> idAndTime(List<Session> sessions) {
    return sessions.stream().map(s -> s.id() + "; " + PathSimFixture.jdbcTime(s.time()) + ".000").toList();
  }

  @Test
  void newestTenIsTwoRequests() throws SQLException {
    List<Session> expected = newestFirst(sessions(s -> s.workspaceId().equals(busiest))).subList(0, 10);
    String sql = "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' ORDER BY started_at DESC LIMIT 10";
    assertThat(Sql.rows(connection, sql)).isEqualTo(idAndTime(expected));
    // the API's created_at order gives ten candidates; the days from the day before the tenth are then
    // read whole and sorted here, since created_at need not be the start time
    assertThat(requests()).isEqualTo(plus(
        "GET /workspaces/" + busiest + "/sessions?limit=10&offset=0&sort=-created_at",
        windowPages(busiest, expected.get(9), true)));
    assertThat(Sql.explain(connection, sql)).isEqualTo("EnumerableApiScan(table=[[pathsim, sessions]],"
        + " columns=[[id, started_at]], filter=[[workspace_id = " + busiest + "]],"
        + " sort=[[started_at DESC NULLS LAST]], fetch=[10], request=[GET /workspaces/" + busiest
        + "/sessions?sort=-created_at&limit=10&offset=0 (next pages: offset + pagination.limit while pagination.hasMore);"
        + " then every page with created_from = the day before the LIMIT's last started_at; sorted here by started_at],"
        + " estimate=[per workspace 1 + 1 per 100 sessions of the days the LIMIT reaches + up to 2 to learn"
        + " how Time writes dates (once per connection)])");
  }

  @Test
  void nullsFirstReadsEveryPageAndExplainSaysSo() throws SQLException {
    // the answer may hold sessions without a Time, which no date window is sure to hold
    List<Session> all = newestFirst(sessions(s -> s.workspaceId().equals(busiest)));
    String sql = "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' ORDER BY started_at DESC NULLS FIRST LIMIT 3";
    assertThat(Sql.rows(connection, sql)).isEqualTo(idAndTime(all.subList(0, 3)));
    List<String> pages = new java.util.ArrayList<>();
    for (int offset = 0; offset < all.size(); offset += 100) {
      pages.add("GET /workspaces/" + busiest + "/sessions?limit=100&offset=" + offset + "&sort=-created_at");
    }
    assertThat(pages).hasSizeGreaterThan(1);
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(pages);
    assertThat(Sql.explain(connection, sql)).endsWith("request=[GET /workspaces/" + busiest
        + "/sessions?sort=-created_at&limit=100&offset=0 (next pages: offset + pagination.limit while"
        + " pagination.hasMore); sorted here by started_at], estimate=[1 per 100 sessions of the workspace"
        + " + up to 2 to learn how Time writes dates (once per connection)])");
  }

  @Test
  void aLikeBeforeTheOrderedLimitReadsUntilItsRowsPassThenTheirDays() throws SQLException {
    List<Session> listed = newestFirst(sessions(s -> s.workspaceId().equals(busiest)
        && s.virtualCustomer().toLowerCase(java.util.Locale.ROOT).contains("weather")));
    List<Session> expected = listed.stream().filter(s -> s.virtualCustomer().contains("Weather")).limit(3).toList();
    assertThat(listed.indexOf(expected.get(2))).isLessThan(100);
    String sql = "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND virtual_customer LIKE '%Weather%' ORDER BY started_at DESC LIMIT 3";
    assertThat(Sql.rows(connection, sql)).isEqualTo(idAndTime(expected));
    LocalDate from = LocalDate.ofInstant(expected.get(2).time(), ZoneOffset.UTC).minusDays(1);
    Instant at = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    long inWindow = listed.stream().filter(s -> !s.time().isBefore(at)).count();
    assertThat(inWindow).isLessThanOrEqualTo(100);
    assertThat(requests()).containsExactly(
        "GET /workspaces/" + busiest + "/sessions?limit=100&offset=0&search=Weather&sort=-created_at",
        "GET /workspaces/" + busiest + "/sessions?created_from=" + from
            + "&limit=100&offset=0&search=Weather&sort=-created_at");
    assertThat(Sql.explain(connection, sql)).endsWith("; then every page with created_from = the day before"
        + " the LIMIT's last started_at; sorted here by started_at], estimate=[per workspace 1 per 100 sessions"
        + " until 3 pass + 1 per 100 sessions of the days the LIMIT reaches + up to 2 to learn how Time writes"
        + " dates (once per connection)])");
  }

  @Test
  void ascendingOrderIsPushedToo() throws SQLException {
    List<Session> all = sessions(s -> s.workspaceId().equals(busiest));
    String sql = "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' ORDER BY started_at LIMIT 3";
    assertThat(Sql.rows(connection, sql)).isEqualTo(idAndTime(all.subList(0, 3)));
    assertThat(requests()).isEqualTo(plus(
        "GET /workspaces/" + busiest + "/sessions?limit=3&offset=0&sort=created_at",
        windowPages(busiest, all.get(2), false)));
  }

  @Test
  void offsetGoesToTheApiWhenTheListIsExact() throws SQLException {
    List<Session> expected = newestFirst(sessions(s -> s.workspaceId().equals(busiest))).subList(20, 30);
    assertThat(Sql.rows(connection, "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' LIMIT 10 OFFSET 20")).hasSize(10);
    assertThat(requests()).containsExactly("GET /workspaces/" + busiest + "/sessions?limit=10&offset=20");
  }

  @Test
  void anOrderedOffsetIsAppliedHere() throws SQLException {
    // the API's order is not sure to be started_at's, so its offset would skip other sessions
    List<Session> expected = newestFirst(sessions(s -> s.workspaceId().equals(busiest))).subList(20, 30);
    assertThat(Sql.rows(connection, "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' ORDER BY started_at DESC LIMIT 10 OFFSET 20")).isEqualTo(idAndTime(expected));
    assertThat(requests()).isEqualTo(plus(
        "GET /workspaces/" + busiest + "/sessions?limit=30&offset=0&sort=-created_at",
        windowPages(busiest, expected.get(9), true)));
  }

  @Test
  void anOrderedOffsetAsksNoDetailOfTheRowsItSkips() throws SQLException {
    List<Session> expected = newestFirst(sessions(s -> s.workspaceId().equals(busiest))).subList(20, 23);
    assertThat(Sql.rows(connection, "SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' ORDER BY started_at DESC LIMIT 3 OFFSET 20"))
        .isEqualTo(expected.stream().map(s -> s.id() + "; " + s.detail().summary()).toList());
    List<String> lists = plus("GET /workspaces/" + busiest + "/sessions?limit=23&offset=0&sort=-created_at",
        windowPages(busiest, expected.get(2), true));
    assertThat(requests().subList(0, lists.size())).isEqualTo(lists);
    assertThat(requests().subList(lists.size(), requests().size())).containsExactlyInAnyOrderElementsOf(
        expected.stream().map(s -> "GET /sessions/" + s.id()).toList());
  }

  @Test
  void limitOverOnePageIsPagedUpToTheLimit() throws SQLException {
    List<Session> expected = newestFirst(sessions(s -> s.workspaceId().equals(busiest))).subList(0, 250);
    assertThat(Sql.rows(connection, "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' ORDER BY started_at DESC LIMIT 250")).isEqualTo(idAndTime(expected));
    List<String> sent = List.of(
        "GET /workspaces/" + busiest + "/sessions?limit=100&offset=0&sort=-created_at",
        "GET /workspaces/" + busiest + "/sessions?limit=100&offset=100&sort=-created_at",
        "GET /workspaces/" + busiest + "/sessions?limit=50&offset=200&sort=-created_at");
    List<String> window = windowPages(busiest, expected.get(249), true);
    assertThat(window).hasSizeGreaterThan(1);
    assertThat(requests()).hasSize(sent.size() + window.size()).startsWith(sent.toArray(String[]::new));
    // the window's pages are requested at once, as the first one's total shows them
    assertThat(requests().subList(sent.size(), requests().size())).containsExactlyInAnyOrderElementsOf(window);
  }

  @Test
  void topNAcrossWorkspacesMergesTwoRequestsPerWorkspace() throws SQLException {
    List<Session> expected = newestFirst(sessions(s -> true)).subList(0, 5);
    assertThat(Sql.rows(connection, "SELECT id, started_at FROM pathsim.sessions ORDER BY started_at DESC LIMIT 5"))
        .isEqualTo(idAndTime(expected));
    List<String> sent = requests();
    int workspaces = PathSimFixture.data().workspaces().size();
    List<String> windows = new java.util.ArrayList<>();
    for (String w : PathSimFixture.data().workspaces().stream().map(ws -> ws.id()).toList()) {
      List<Session> own = newestFirst(sessions(s -> s.workspaceId().equals(w)));
      if (own.size() >= 5) { // a workspace whose first page held all its sessions needs no window
        windows.addAll(windowPages(w, own.get(4), true));
      }
    }
    assertThat(windows.size()).isBetween(1, workspaces);
    assertThat(sent).hasSize(1 + workspaces + windows.size()).first().isEqualTo("GET /workspaces");
    assertThat(sent.subList(1, sent.size())).filteredOn(r -> r.endsWith("/sessions?limit=5&offset=0&sort=-created_at"))
        .hasSize(workspaces);
    assertThat(sent).containsAll(windows);
  }

  @Test
  void offsetAcrossWorkspacesIsAppliedAfterTheMerge() throws SQLException {
    List<Session> expected = newestFirst(sessions(s -> true)).subList(7, 10);
    assertThat(Sql.rows(connection,
        "SELECT id, started_at FROM pathsim.sessions ORDER BY started_at DESC LIMIT 3 OFFSET 7"))
        .isEqualTo(idAndTime(expected));
    assertThat(requests().subList(1, requests().size()))
        .filteredOn(r -> r.endsWith("/sessions?limit=10&offset=0&sort=-created_at"))
        .hasSize(PathSimFixture.data().workspaces().size());
  }

  @Test
  void limitWithoutOrderReadsOnlyWhatItNeeds() throws SQLException {
    assertThat(Sql.rows(connection, "SELECT id FROM pathsim.sessions LIMIT 10")).hasSize(10);
    assertThat(requests()).hasSize(2).first().isEqualTo("GET /workspaces");
    assertThat(requests().get(1)).endsWith("/sessions?limit=10&offset=0");
  }

  @Test
  void limitOverALikeTheSearchOnlyNarrowsReachesTheScan() throws SQLException {
    String sql = "SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND virtual_customer LIKE '%Weather%' LIMIT 2";
    // the scan checks the LIKE itself (search is a superset), so the LIMIT is its own: no Filter or
    // Limit above it, and it reads pages only until two sessions pass
    assertThat(Sql.explain(connection, sql)).doesNotContain("EnumerableLimit").doesNotContain("EnumerableCalc")
        .contains("before row requests=[LIKE(virtual_customer, '%Weather%')], fetch=[2], request=");
    List<Session> weather = newestFirst(sessions(s -> s.workspaceId().equals(busiest)
        && s.virtualCustomer().toLowerCase(java.util.Locale.ROOT).contains("weather")));
    List<String> expected = weather.stream().filter(s -> s.virtualCustomer().contains("Weather"))
        .limit(2).map(Session::id).toList();
    assertThat(weather.indexOf(PathSimFixture.data().session(expected.get(1)).orElseThrow())).isLessThan(100);
    clear();
    assertThat(Sql.rows(connection, sql)).isEqualTo(expected);
    assertThat(requests()).containsExactly(
        "GET /workspaces/" + busiest + "/sessions?limit=100&offset=0&search=Weather");
  }

  @Test
  void calculatedFiltersPageByHasMoreThroughShortPages() throws SQLException {
    List<Session> expected = newestFirst(sessions(s -> s.workspaceId().equals(busiest)
        && s.connected().label().equals("In Progress")));
    // In Progress is rare, so most pages come back short or empty while hasMore stays true.
    assertThat(expected.size()).isBetween(1, 60);
    assertThat(Sql.rows(connection, "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' AND connected = 'In Progress' ORDER BY started_at DESC LIMIT 1000"))
        .isEqualTo(idAndTime(expected));
    int all = sessions(s -> s.workspaceId().equals(busiest)).size();
    assertThat(requests()).hasSize((all + 99) / 100)
        .allMatch(r -> r.contains("connected=in_progress") && r.contains("limit=100"));
  }

  @Test
  void preparedLimitAndOffset() throws SQLException {
    List<Session> expected = newestFirst(sessions(s -> s.workspaceId().equals(busiest))).subList(5, 9);
    assertThat(Sql.rows(connection, "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = ?"
        + " ORDER BY started_at DESC LIMIT ? OFFSET ?", busiest, 4, 5)).isEqualTo(idAndTime(expected));
    assertThat(requests()).isEqualTo(plus(
        "GET /workspaces/" + busiest + "/sessions?limit=9&offset=0&sort=-created_at",
        windowPages(busiest, expected.get(3), true)));
  }

  @Test
  void orderByAnotherColumnStaysInCalcite() throws SQLException {
    String sql = "SELECT id, virtual_customer FROM pathsim.sessions WHERE workspace_id = 'w' ORDER BY virtual_customer";
    assertThat(Sql.explain(connection, sql)).contains("EnumerableSort").doesNotContain("sort=created_at");
  }
}
