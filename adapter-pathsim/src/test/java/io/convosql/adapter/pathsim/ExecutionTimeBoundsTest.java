package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimFixture.clear;
import static io.convosql.adapter.pathsim.PathSimFixture.requests;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.Holder;
import org.junit.jupiter.api.Test;

/**
 * Bounds on started_at relative to the statement's clock (CURRENT_TIMESTAMP, CURRENT_DATE,
 * LOCALTIMESTAMP plus or minus day-time intervals) are pushed as created_from/created_to, computed when
 * the statement runs, and select exactly the rows Calcite's own filter selects, to the millisecond.
 */
class ExecutionTimeBoundsTest {
  private static Connection connect(boolean pushdown) throws SQLException {
    Properties p = new Properties();
    p.setProperty("lex", "MYSQL_ANSI");
    p.setProperty("timeZone", "UTC");
    Connection c = DriverManager.getConnection("jdbc:calcite:", p);
    c.unwrap(CalciteConnection.class).getRootSchema().add("pathsim", new PathSimSchema(
        HttpUrl.get(PathSimFixture.SANDBOX.pathSimUrl()), Sandbox.PATHSIM_KEY,
        TestHttp.settings(Duration.ofSeconds(10)), pushdown));
    return c;
  }

  /** The rows of a query run with the statement's clock at {@code now}. */
  private static List<String> at(Instant now, Connection c, String sql) throws SQLException {
    Consumer<Holder<Long>> clock = h -> h.set(now.toEpochMilli());
    try (Hook.Closeable ignored = Hook.CURRENT_TIME.addThread(clock)) {
      clear();
      return Sql.rows(c, sql);
    }
  }

  @Test
  void aBoundAtExactlyASessionsStartKeepsItAndAMillisecondMoreDropsIt() throws SQLException {
    String busiest = PathSimFixture.busyWorkspaces().get(0);
    List<Session> sessions = PathSimFixture.newestFirst(
        PathSimFixture.sessions(s -> s.workspaceId().equals(busiest)));
    Session edge = sessions.get(30);
    String sql = "SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' AND started_at >= CURRENT_TIMESTAMP - INTERVAL '3' DAY ORDER BY started_at DESC";
    Instant now = edge.time().plus(Duration.ofDays(3));
    try (Connection pushed = connect(true); Connection unpushed = connect(false)) {
      List<String> rows = at(now, pushed, sql);
      String day = java.time.LocalDate.ofInstant(edge.time(), java.time.ZoneOffset.UTC).minusDays(1).toString();
      assertThat(requests()).isNotEmpty().allMatch(r -> r.contains("created_from=" + day));
      assertThat(rows).contains(edge.id()).isEqualTo(sessions.stream().filter(s -> !s.time().isBefore(edge.time())).map(Session::id).toList());
      List<String> later = at(now.plusMillis(1), pushed, sql);
      assertThat(later).doesNotContain(edge.id()).isEqualTo(at(now.plusMillis(1), unpushed, sql))
          .isEqualTo(sessions.stream().filter(s -> s.time().isAfter(edge.time())).map(Session::id).toList());
      assertThat(Sql.explain(pushed, sql)).contains("started_at >= CURRENT_TIMESTAMP - 3 days",
          "created_from=day(CURRENT_TIMESTAMP - 3 days)-1").doesNotContain("EnumerableCalc");
    }
  }

  @Test
  void currentDateAndLocalTimestampBoundsArePushedToo() throws SQLException {
    String busiest = PathSimFixture.busyWorkspaces().get(0);
    Instant now = Instant.parse("2025-08-25T17:45:12.345Z");
    String where = " FROM pathsim.sessions WHERE workspace_id = '" + busiest + "'"
        + " AND started_at >= CURRENT_DATE - INTERVAL '2' DAY AND started_at < LOCALTIMESTAMP + INTERVAL '1:30' HOUR TO MINUTE";
    try (Connection pushed = connect(true)) {
      List<String> rows = at(now, pushed, "SELECT id" + where);
      assertThat(requests()).isNotEmpty()
          .allMatch(r -> r.contains("created_from=2025-08-22") && r.contains("created_to=2025-08-27"));
      assertThat(rows).isNotEmpty().containsExactlyInAnyOrderElementsOf(PathSimFixture.sortedIds(PathSimFixture.sessions(
          s -> s.workspaceId().equals(busiest) && !s.time().isBefore(Instant.parse("2025-08-23T00:00:00Z"))
              && s.time().isBefore(Instant.parse("2025-08-25T19:15:12.345Z")))));
    }
  }

  @Test
  void aMonthIntervalIsCheckedHereNotByTheApi() throws SQLException {
    try (Connection pushed = connect(true)) {
      // no date parameter: the scan checks the condition itself, as generated code, on each listed row
      assertThat(Sql.explain(pushed, "SELECT id FROM pathsim.sessions WHERE started_at >= CURRENT_TIMESTAMP"
          + " - INTERVAL '1' MONTH")).contains("before row requests=[>=(started_at, CAST(-(CURRENT_TIMESTAMP,"
          + " 1:INTERVAL MONTH))").doesNotContain("created_from");
    }
  }
}
