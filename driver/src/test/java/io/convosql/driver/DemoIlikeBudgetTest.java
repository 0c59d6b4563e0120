package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Workspace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The demo's {@code virtual_customer ILIKE '%weather%'} over every workspace, with {@code SELECT *}:
 * the ILIKE is checked on each listed session before its detail, so the budget knows a session costs
 * only once its page is read, and estimates the sessions not yet listed at the rate of those read.
 * The query sends 249 requests; late in the scan that rate says a couple more, so when the estimate
 * could refuse after any page it was refused under the default 250 after 227 requests. The estimate
 * may refuse only when a listing's first page is read: the query runs under the default budget.
 */
class DemoIlikeBudgetTest {
  private static final String SQL = "SELECT * FROM pathsim.sessions WHERE virtual_customer ILIKE '%weather%'";

  private static Sandbox demo() {
    return DemoSandbox.get();
  }

  private static boolean passes(Session s) {
    return s.virtualCustomer() != null && s.virtualCustomer().toLowerCase(Locale.ROOT).contains("weather");
  }

  private static List<String> run(String... properties) throws SQLException {
    demo().requests().clearWhenQuiet(Duration.ofMillis(200));
    StringBuilder url = new StringBuilder("jdbc:convosql:demo=true");
    for (String p : properties) {
      url.append(';').append(p);
    }
    try (Connection c = DriverManager.getConnection(url.toString())) {
      return DriverFixture.rows(c, SQL);
    }
  }

  /** The demo's workspaces, each with its sessions newest first (the listing's order). */
  private static List<List<Session>> listings() {
    List<List<Session>> out = new ArrayList<>();
    for (Workspace w : demo().pathSim().data().workspaces()) {
      List<Session> sessions = new ArrayList<>(demo().pathSim().data().sessions(w.id()));
      sessions.sort(Session.ASCENDING.reversed());
      out.add(sessions);
    }
    return out;
  }

  private static long pages(List<Session> listing) {
    return Math.max(1, (listing.size() + 99) / 100);
  }

  private static long passing(List<Session> sessions) {
    return sessions.stream().filter(DemoIlikeBudgetTest::passes).count();
  }

  /**
   * The most the estimate that may refuse can say: it is made when a listing's first page is read
   * while no listing's later page has been, so it has seen the first pages of some set of listings;
   * which set depends on the order the concurrent answers come in, so every set is tried. Sure are
   * the workspaces' list, every first page (all are asked for at once), the later pages of the
   * listings read (from their totals) and the passing sessions of the pages read; the places not yet
   * read of those listings count at the rate the pages read passed. (Details sent move requests from
   * expected to spent and change nothing.)
   */
  private static long mostFirstPageEstimate(List<List<Session>> listings) {
    long most = 0;
    for (int set = 1; set < 1 << listings.size(); set++) {
      long sure = 1 + listings.size();
      long passed = 0;
      long read = 0;
      long unread = 0;
      for (int i = 0; i < listings.size(); i++) {
        if ((set & 1 << i) != 0) {
          List<Session> first = listings.get(i).subList(0, Math.min(100, listings.get(i).size()));
          sure += pages(listings.get(i)) - 1;
          passed += passing(first);
          read += first.size();
          unread += listings.get(i).size() - first.size();
        }
      }
      most = Math.max(most, sure + passed + (read == 0 ? 0 : passed * unread / read));
    }
    return most;
  }

  @Test
  void theIlikeQueryRunsUnderTheDefaultBudget() throws SQLException {
    List<String> unlimited = run("maxRequestsPerStatement=0");
    // its requests: the workspaces, the pages of every workspace's listing, and a detail for each
    // session that passes (the demo's dates need no list to learn how PathSim writes them)
    List<List<Session>> listings = listings();
    long pages = listings.stream().mapToLong(DemoIlikeBudgetTest::pages).sum();
    long passing = listings.stream().mapToLong(DemoIlikeBudgetTest::passing).sum();
    assertThat(unlimited).hasSize(216).hasSize((int) passing);
    assertThat(demo().requests().lines("pathsim")).hasSize(249).hasSize((int) (1 + pages + passing))
        .filteredOn(r -> r.startsWith("GET /sessions/")).hasSize((int) passing);
    // whichever first pages the estimate has seen when it may refuse, it says no more than 250 (all
    // of them read first: exactly 250); later pages, whose rate says a couple more near the end,
    // no longer refuse. So the outcome does not depend on the order the concurrent answers come in
    assertThat(mostFirstPageEstimate(listings)).isEqualTo(250);

    assertThat(run()).containsExactlyInAnyOrderElementsOf(unlimited);
    assertThat(demo().requests().lines("pathsim")).hasSize(249);
  }

  @Test
  void oneRequestAtATimeItRunsUnderWhatItSendsAndStopsAtTheBudgetBelow() throws SQLException {
    List<String> unlimited = run("maxRequestsPerStatement=0");
    // the first workspace's first page is the only one the estimate may refuse at: its rate says
    // far less than 249; after it only the sure count and the budget itself stop the query
    assertThat(run("maxConcurrentRequests=1")).containsExactlyInAnyOrderElementsOf(unlimited);
    assertThat(demo().requests().lines("pathsim")).hasSize(249);
    assertThat(run("maxConcurrentRequests=1", "maxRequestsPerStatement=249"))
        .containsExactlyInAnyOrderElementsOf(unlimited);
    assertThat(demo().requests().lines("pathsim")).hasSize(249);
    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
        () -> run("maxConcurrentRequests=1", "maxRequestsPerStatement=248"));
    assertThat(e.getSQLState()).isEqualTo("54000");
    assertThat(e.getMessage()).contains("needs at least 249 requests, more than maxRequestsPerStatement=248"
        + " allows; stopped after 248 requests");
    assertThat(demo().requests().lines("pathsim")).hasSize(248);
  }
}
