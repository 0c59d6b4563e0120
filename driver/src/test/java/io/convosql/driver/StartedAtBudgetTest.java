package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Objective;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The request budget counts a listed session's detail only when the session is sure to need it: a
 * {@code started_at} range is sent as whole days with a day's margin ({@code created_from} the day
 * before, {@code created_to} two days after), and {@code objective}/{@code connected} are applied by
 * the API after its {@code total} is counted, so neither a listing's total nor its rows are the
 * sessions whose details are asked for. Each listed page's sessions count once read, as they pass
 * the checks their details wait for; those of pages not yet read, at the rate at which the ones read
 * passed. So a query whose listings are each one page, that sends N requests, runs under
 * {@code maxRequestsPerStatement=N} and stops under N - 1; one of more pages runs under the larger of
 * N and what its first page's rate extrapolates.
 */
class StartedAtBudgetTest {
  private static final Instant AUG_30 = Instant.parse("2025-08-30T00:00:00Z");
  private static final Instant AUG_31 = Instant.parse("2025-08-31T00:00:00Z");
  private static final Instant AUG_10 = Instant.parse("2025-08-10T00:00:00Z");
  private static final Instant AUG_20 = Instant.parse("2025-08-20T00:00:00Z");

  private static List<String> sent() {
    return DriverFixture.SANDBOX.requests().lines("pathsim");
  }

  private static long pages(long listed) {
    return Math.max(1, (listed + 99) / 100);
  }

  /** Midnight UTC of the day {@code shift} days from {@code t}'s. */
  private static Instant day(Instant t, int shift) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC).plusDays(shift).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * The requests of {@code SELECT id, summary} over [from, to) (to null: no upper bound): the
   * workspaces, the pages of each workspace's listing of the widened days, a detail per session in
   * the range.
   */
  private static long requests(Instant from, Instant to) {
    Instant listedFrom = day(from, -1);
    Instant listedTo = to == null ? null : day(to, 2);
    long n = 1;
    for (Workspace w : DriverFixture.data().workspaces()) {
      n += pages(DriverFixture.data().sessions(w.id()).stream().filter(s -> !s.time().isBefore(listedFrom)
          && (listedTo == null || s.time().isBefore(listedTo))).count());
    }
    Predicate<Session> inRange = s -> !s.time().isBefore(from) && (to == null || s.time().isBefore(to));
    return n + DriverFixture.data().sessions().stream().filter(inRange).count();
  }

  private static String range(Instant from, Instant to) {
    return "started_at >= TIMESTAMP '" + DriverFixture.wallClock(from) + "'"
        + (to == null ? "" : " AND started_at < TIMESTAMP '" + DriverFixture.wallClock(to) + "'");
  }

  private static SQLException run(String sql, long budget) {
    return DriverFixture.runUnderBudget(sql, budget);
  }

  /** What reading the first answers may cost while the connection has not learnt how Time is written. */
  private static final String TIME_LISTS = " + up to 2 to learn how Time writes dates (once per connection)";
  private static final String RANGE_ESTIMATE = "1 + 1 per 100 sessions of each workspace on the days listed"
      + " + 1 per session passing the filter on list columns (detail columns; on pages not yet read, estimated"
      + " at the rate of those read)" + TIME_LISTS;

  /**
   * EXPLAIN shows the formula whose value is the requests sent; the query runs under exactly that
   * many, and stops under one fewer before the one past it.
   */
  private static void runsWithinItsOwnCount(String sql, long requests, String estimate) {
    runsWithin(sql, requests, requests, estimate);
  }

  /**
   * The same, for a query that sends {@code requests} and runs under {@code budget} (no fewer): under
   * one fewer it stops before sending them all.
   */
  private static void runsWithin(String sql, long requests, long budget, String estimate) {
    try (Connection c = DriverFixture.connect()) {
      assertThat(String.join("\n", DriverFixture.rows(c, "EXPLAIN PLAN FOR " + sql)))
          .contains("estimate=[" + estimate + "]");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    assertThat((Throwable) run(sql, 0)).isNull();
    assertThat(sent()).as(sql).hasSize((int) requests);
    assertThat((Throwable) run(sql, budget)).as(sql).isNull();
    assertThat(sent()).hasSize((int) requests);
    SQLException e = run(sql, budget - 1);
    assertThat((Throwable) e).as(sql).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("54000");
    assertThat(e.getMessage()).contains("more than maxRequestsPerStatement=" + (budget - 1) + " allows");
    assertThat(sent()).hasSizeLessThan((int) requests);
  }

  @Test
  void aLowerBoundOnly() {
    assertThat(requests(AUG_30, null)).isEqualTo(14);
    runsWithinItsOwnCount("SELECT id, summary FROM pathsim.sessions WHERE " + range(AUG_30, null), 14, RANGE_ESTIMATE);
  }

  @Test
  void oneDay() {
    long n = requests(AUG_30, AUG_31);
    assertThat(n).isEqualTo(9);
    runsWithinItsOwnCount("SELECT id, summary FROM pathsim.sessions WHERE " + range(AUG_30, AUG_31), n, RANGE_ESTIMATE);
  }

  @Test
  void tenDays() {
    long n = requests(AUG_10, AUG_20);
    assertThat(n).isEqualTo(38);
    runsWithinItsOwnCount("SELECT id, summary FROM pathsim.sessions WHERE " + range(AUG_10, AUG_20), n, RANGE_ESTIMATE);
  }

  @Test
  void anObjectiveTheApiAppliesAfterItsTotal() {
    // the API counts the workspace's sessions before objective: its total is not the achieved ones
    Workspace w = DriverFixture.data().workspaces().get(0);
    List<Session> all = DriverFixture.data().sessions(w.id());
    long achieved = all.stream().filter(s -> s.objective() == Objective.ACHIEVED).count();
    assertThat(achieved).isLessThan(all.size());
    // two pages: when the first is read, the second's achieved sessions are counted at the first's
    // rate; here one more than the second page holds, so the query needs a budget of one more than it
    // sends (it is refused after its first page under what it sends)
    List<Session> newest = new ArrayList<>(all);
    newest.sort(Session.ASCENDING.reversed());
    long firstAchieved = newest.subList(0, 100).stream().filter(s -> s.objective() == Objective.ACHIEVED).count();
    long extrapolated = pages(all.size()) + firstAchieved + firstAchieved * (all.size() - 100) / 100;
    assertThat(all).hasSize(200);
    assertThat(pages(all.size()) + achieved).isEqualTo(113);
    assertThat(extrapolated).isEqualTo(114);
    String sql = "SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '" + w.id()
        + "' AND objective = 'Achieved'";
    SQLException e = run(sql, 113);
    assertThat(e.getMessage()).startsWith("PathSim API: the statement needs about 114 requests, more than"
        + " maxRequestsPerStatement=113 allows; stopped after 1 request; of the 114, 58 are sure and 56"
        + " estimated: of the 100 sessions listed so far 56 passed the filter and cost a request each, and the"
        + " 100 not yet listed are counted at that rate (GET /workspaces/" + w.id() + "/sessions). Hint: ");
    assertThat(sent()).hasSize(1);
    runsWithin(sql, 113, 114,
        "1 per 100 sessions of the workspace + 1 per session passing the filter on list columns (detail columns;"
            + " on pages not yet read, estimated at the rate of those read)" + TIME_LISTS);
  }
}
