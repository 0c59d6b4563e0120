package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A LIMIT over a WHERE clause checked here (a LIKE the API's {@code search} only narrows, a LIKE on a
 * child table's column) reaches the PathSim scan, which reads page after page, session after session,
 * only until the LIMIT's rows pass: the request budget refuses such a query only once it is sure to
 * pass the limit, never from the totals of pages it may not read.
 */
class LimitAfterLocalFilterBudgetTest {
  private static List<String> sent() {
    return DriverFixture.SANDBOX.requests().lines("pathsim");
  }

  private static void clear() {
    DriverFixture.SANDBOX.requests().clearWhenQuiet(Duration.ofMillis(200));
  }

  /** The first workspace GET /workspaces lists, and its sessions newest first (the API's order). */
  private static String firstWorkspace() {
    return DriverFixture.data().workspaces().get(0).id();
  }

  private static List<Session> newestFirst(String workspace) {
    List<Session> out = new ArrayList<>(DriverFixture.data().sessions(workspace));
    out.sort(Session.ASCENDING.reversed());
    return out;
  }

  @Test
  void aLikeTheSearchOnlyNarrowsRunsWithinFiveRequests() throws SQLException {
    String w = firstWorkspace();
    List<Session> listed = newestFirst(w).stream().filter(s -> s.virtualCustomer().toLowerCase().contains("e")
        || s.target().toLowerCase().contains("e")).toList();
    Session first = listed.stream().filter(s -> s.target().contains("e")).findFirst().orElseThrow();
    assertThat(listed.indexOf(first)).as("the answer is on the first page").isLessThan(100);
    assertThat(listed).as("more than one page is listed").hasSizeGreaterThan(100);
    try (Connection c = DriverFixture.connect("maxRequestsPerStatement=5")) {
      clear();
      assertThat(DriverFixture.rows(c, "SELECT id FROM pathsim.sessions WHERE target LIKE '%e%' LIMIT 1"))
          .containsExactly(first.id());
      assertThat(sent()).containsExactly("GET /workspaces",
          "GET /workspaces/" + w + "/sessions?limit=100&offset=0&search=e");
      // with a detail column, the one row's detail
      clear();
      assertThat(DriverFixture.rows(c, "SELECT id, summary FROM pathsim.sessions WHERE target LIKE '%e%' LIMIT 1"))
          .containsExactly(first.id() + "; " + first.detail().summary());
      assertThat(sent()).containsExactly("GET /workspaces",
          "GET /workspaces/" + w + "/sessions?limit=100&offset=0&search=e", "GET /sessions/" + first.id());
    }
  }

  @Test
  void aLikeOnAChildTableReadsSessionsOnlyUntilTheLimitsRow() throws SQLException {
    String w = firstWorkspace();
    List<Session> listed = newestFirst(w);
    int at = 0;
    while (listed.get(at).detail().web() == null || listed.get(at).detail().web().steps().stream()
        .map(Step::action).noneMatch(a -> a.startsWith("nav"))) {
      at++;
    }
    Session first = listed.get(at);
    Step step = first.detail().web().steps().stream().filter(s -> s.action().startsWith("nav"))
        .min(Comparator.comparingInt(Step::stepNumber)).orElseThrow();
    // the default budget: before, the first pages' totals had it refuse a request per session listed
    try (Connection c = DriverFixture.connect()) {
      clear();
      assertThat(DriverFixture.rows(c, "SELECT session_id, step_number FROM pathsim.steps"
          + " WHERE action LIKE 'nav%' LIMIT 1")).containsExactly(first.id() + "; " + step.stepNumber());
      List<String> expected = new ArrayList<>(List.of("GET /workspaces",
          "GET /workspaces/" + w + "/sessions?limit=100&offset=0"));
      listed.subList(0, at + 1).forEach(s -> expected.add("GET /sessions/" + s.id()));
      assertThat(sent()).isEqualTo(expected);
    }
  }

  @Test
  void withoutTheLimitTheSameFilterIsStillRefusedAfterTheFirstPages() throws SQLException {
    try (Connection c = DriverFixture.connect("maxRequestsPerStatement=5")) {
      clear();
      Throwable e = DriverFixture.queryFailure(c, "SELECT id FROM pathsim.sessions WHERE target LIKE '%e%'");
      assertThat(((SQLException) e).getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).startsWith("PathSim API: the statement needs at least ")
          .contains("more than maxRequestsPerStatement=5 allows; stopped after ");
      assertThat(sent()).hasSizeLessThanOrEqualTo(5).noneMatch(r -> r.contains("offset=100"));
    }
  }
}
