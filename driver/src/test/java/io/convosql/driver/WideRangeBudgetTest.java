package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wide {@code started_at} range with a detail column: the API lists whole days with a margin, so
 * only the sessions of the pages read are known to pass and cost their details. The request budget
 * counts those of the pages not yet listed at the rate at which the ones read passed, and that
 * estimate may refuse when the first listing page is read, so such a query far over the budget stops
 * after its first listing page, not after sending the budget's worth of requests; and under a budget
 * its first page's estimate fits it runs to its end. On 3,000 sessions (about 600 a workspace
 * over 120 days), each workspace's listing is several pages.
 */
class WideRangeBudgetTest {
  private static final Instant FROM = Instant.parse("2025-06-03T00:00:00Z");
  private static final String RANGE = "started_at >= TIMESTAMP '2025-06-03 00:00:00'";
  private static final String HINT = "Hint: filter on id, workspace_id, test_type, source or a started_at"
      + " range, select no (detail) column, or add a LIMIT, or raise maxRequestsPerStatement (0 for no limit)";
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = OwnSandbox.start(3000, 0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<String> sent() {
    return sandbox.requests().lines("pathsim");
  }

  /** A workspace's listing of the range: the sessions from the day before FROM's on, newest first. */
  private static List<Session> listed(String workspace) {
    Instant from = LocalDate.ofInstant(FROM, ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Session> out = new ArrayList<>(sandbox.pathSim().data().sessions(workspace).stream()
        .filter(s -> !s.time().isBefore(from)).toList());
    out.sort(Session.ASCENDING.reversed());
    return out;
  }

  private static long passing(List<Session> sessions) {
    return sessions.stream().filter(s -> !s.time().isBefore(FROM)).count();
  }

  private static long pages(long listed) {
    return Math.max(1, (listed + 99) / 100);
  }

  private static SQLException run(String sql, String... properties) {
    sandbox.requests().clearWhenQuiet(Duration.ofMillis(200));
    try (Connection c = OwnSandbox.connect(sandbox, properties)) {
      OwnSandbox.Outcome o = OwnSandbox.run(c, sql);
      return o.failure();
    } catch (SQLException e) {
      return e;
    }
  }

  /**
   * The 54000 of a listing refused after its first page: {@code spent} requests sent, its pages and
   * the first page's passing sessions sure, and the rest of the listing counted at their rate.
   */
  private static String refusedAfterFirstPage(String workspace, long spent) {
    List<Session> listed = listed(workspace);
    long passed = passing(listed.subList(0, 100));
    long sure = spent + pages(listed.size()) - 1 + passed;
    long estimated = passed * (listed.size() - 100) / 100;
    return "PathSim API: the statement needs about " + (sure + estimated) + " requests, more than"
        + " maxRequestsPerStatement=250 allows; stopped after " + spent + (spent == 1 ? " request" : " requests") + "; of the "
        + (sure + estimated) + ", " + sure + " are sure and " + estimated + " estimated: of the 100 sessions"
        + " listed so far " + passed + " passed the filter and cost a request each, and the "
        + (listed.size() - 100) + " not yet listed are counted at that rate (GET /workspaces/" + workspace
        + "/sessions). " + HINT;
  }

  @Test
  void aWideRangeOverTheDefaultBudgetStopsAfterItsFirstListingPage() {
    // one workspace: its first page shows its ~450 sessions cost far more than 250
    String w = OwnSandbox.busiestWorkspace(sandbox);
    assertThat(listed(w)).hasSizeGreaterThan(300);
    SQLException e = run("SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '" + w + "' AND " + RANGE);
    assertThat(e.getSQLState()).isEqualTo("54000");
    assertThat(e.getMessage()).isEqualTo(refusedAfterFirstPage(w, 1));
    assertThat(sent()).containsExactly("GET /workspaces/" + w + "/sessions?created_from=2025-06-02&limit=100&offset=0");
    // every workspace, one request at a time (else the other first pages, asked for at once, may or
    // may not reach the API before the refusal): the workspaces, and the first one's first page
    String first = sandbox.pathSim().data().workspaces().get(0).id();
    e = run("SELECT id, summary FROM pathsim.sessions WHERE " + RANGE, "maxConcurrentRequests=1");
    assertThat(e.getSQLState()).isEqualTo("54000");
    assertThat(e.getMessage()).isEqualTo(refusedAfterFirstPage(first, 2));
    assertThat(sent()).containsExactly("GET /workspaces",
        "GET /workspaces/" + first + "/sessions?created_from=2025-06-02&limit=100&offset=0");
  }

  @Test
  void underABudgetItFitsTheSameQueryRuns() {
    String w = OwnSandbox.busiestWorkspace(sandbox);
    List<Session> listed = listed(w);
    long pages = pages(listed.size());
    long requests = pages + passing(listed);
    // the estimate may refuse only when the first page is read: the pages, its passing sessions and
    // the rest of the listing at their rate. It is the budget the query needs (the sessions of the
    // day before, listed last, pass less than the rest, so it is more than the query sends); the
    // later pages' rates, nearer what is sent, no longer refuse
    long firstPassed = passing(listed.subList(0, 100));
    long needs = pages + firstPassed + firstPassed * (listed.size() - 100) / 100;
    // no more than the sessions of the day before, which the first page counts as passing
    assertThat(needs - requests).isBetween(1L, listed.size() - passing(listed));
    String sql = "SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '" + w + "' AND " + RANGE;
    assertThat((Throwable) run(sql, "maxRequestsPerStatement=" + needs)).isNull();
    assertThat(sent()).hasSize((int) requests)
        .filteredOn(r -> r.startsWith("GET /sessions/")).hasSize((int) passing(listed));
    SQLException e = run(sql, "maxRequestsPerStatement=" + (needs - 1));
    assertThat(e.getSQLState()).isEqualTo("54000");
    assertThat(e.getMessage()).startsWith("PathSim API: the statement needs about " + needs + " requests, more"
        + " than maxRequestsPerStatement=" + (needs - 1) + " allows; stopped after 1 request; ");
    assertThat(sent()).hasSize(1);
  }
}
