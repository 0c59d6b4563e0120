package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL users write for "the last 7 days" and "per day": {@code now()},
 * {@code interval '7 days'}, {@code date_trunc('day', t)} give the answers, and send the requests,
 * of the standard SQL they mean.
 */
class PostgresqlTimeTest {
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    sandbox = OwnSandbox.start(60, 2);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    sandbox.close();
  }

  private static List<String> rows(String sql) throws SQLException {
    return DriverFixture.rows(connection, sql);
  }

  /** The rows and the plan (with the requests it sends) are those of the standard SQL. */
  private static void sameAs(String postgresql, String standard) throws SQLException {
    assertThat(rows("EXPLAIN PLAN FOR " + postgresql)).isEqualTo(rows("EXPLAIN PLAN FOR " + standard));
    assertThat(rows(postgresql)).isEqualTo(rows(standard)).isNotEmpty();
  }

  @Test
  void nowAndIntervalStringsAreCurrentTimestampAndIntervalLiterals() throws SQLException {
    String sessions = "SELECT id FROM pathsim.sessions WHERE started_at > ";
    sameAs(sessions + "now() - interval '3650 days' ORDER BY id",
        sessions + "CURRENT_TIMESTAMP - INTERVAL '3650' DAY ORDER BY id");
    assertThat(rows("EXPLAIN PLAN FOR " + sessions + "NOW() - INTERVAL '30 days'").toString())
        .contains("created_from=day(CURRENT_TIMESTAMP - 30 days)-1&");
    sameAs(sessions + "now() - interval '520 weeks' ORDER BY id",
        sessions + "CURRENT_TIMESTAMP - INTERVAL '3640' DAY ORDER BY id");
    sameAs(sessions + "now() - interval '3650 days 12 hours' ORDER BY id",
        sessions + "CURRENT_TIMESTAMP - (INTERVAL '3650' DAY + INTERVAL '12' HOUR) ORDER BY id");
    assertThat(rows("SELECT CAST(TIMESTAMP '2025-08-01 10:00:00' + interval '90 mins' AS VARCHAR),"
        + " CAST(DATE '2025-08-01' - interval '1 month' AS VARCHAR)"))
        .containsExactly("2025-08-01 11:30:00; 2025-07-01");
  }

  @Test
  void aDatePlusOrMinusAWholeNumberIsThatManyDays() throws SQLException {
    String sessions = "SELECT id FROM pathsim.sessions WHERE started_at > ";
    sameAs(sessions + "current_date - 3650 ORDER BY id",
        sessions + "CURRENT_DATE - INTERVAL '3650' DAY ORDER BY id");
    assertThat(rows("SELECT CAST(DATE '2025-08-01' + 30 AS VARCHAR), CAST(DATE '2025-08-01' - -1 AS"
        + " VARCHAR), 7 - 2, CAST(CURRENT_DATE - 7 AS DATE) = CURRENT_DATE - INTERVAL '7' DAY"))
        .containsExactly("2025-08-31; 2025-08-02; 5; true");
  }

  @Test
  void dateTruncIsFloorToTheUnit() throws SQLException {
    sameAs("SELECT date_trunc('day', started_at) AS d, COUNT(*) FROM pathsim.sessions GROUP BY 1 ORDER BY 1",
        "SELECT FLOOR(started_at TO DAY) AS d, COUNT(*) FROM pathsim.sessions GROUP BY 1 ORDER BY 1");
    assertThat(rows("SELECT CAST(DATE_TRUNC('month', TIMESTAMP '2025-08-17 10:11:12') AS VARCHAR),"
        + " CAST(date_trunc('HOUR', TIMESTAMP '2025-08-17 10:11:12') AS VARCHAR)"))
        .containsExactly("2025-08-01 00:00:00; 2025-08-17 10:00:00");
  }

  @Test
  void dateTruncToTheWeekIsItsMonday() throws SQLException {
    // PostgreSQL's weeks start on Monday (ISO 8601); FLOOR(t TO WEEK) gives the Sunday before
    assertThat(rows("SELECT CAST(date_trunc('week', TIMESTAMP '2025-08-14 10:11:12') AS VARCHAR),"
        + " CAST(DATE_TRUNC('Week', TIMESTAMP '2025-08-17 23:59:59') AS VARCHAR),"
        + " CAST(date_trunc('week', TIMESTAMP '2025-08-11 00:00:00') AS VARCHAR)"))
        .containsExactly("2025-08-11 00:00:00; 2025-08-11 00:00:00; 2025-08-11 00:00:00");
    List<String> weeks = rows("SELECT date_trunc('week', started_at) AS w, COUNT(*) FROM pathsim.sessions"
        + " GROUP BY 1 ORDER BY 1");
    assertThat(weeks).hasSizeGreaterThan(2).allSatisfy(w -> assertThat(
        java.time.LocalDate.parse(w.substring(0, 10)).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY));
    assertThat(weeks.stream().mapToInt(w -> Integer.parseInt(w.substring(w.indexOf("; ") + 2))).sum())
        .hasToString(rows("SELECT COUNT(*) FROM pathsim.sessions").get(0));
  }

  /**
   * A time of day has no week (nor day, month, quarter or year): {@code date_trunc('week', t)} of a
   * TIME fails with 22023 as PostgreSQL's "unit not supported for type", and so does FLOOR or CEIL to
   * such a unit; before, it gave a meaningless time (09:59:59 for 10:00:00). Truncating a TIME to an
   * hour, a minute or a second still works, and sends nothing.
   */
  @Test
  void dateTruncOfATimeOfDayToAWeekIsRefused() throws SQLException {
    sandbox.requests().clear();
    for (String[] call : new String[][] {{"date_trunc('week', TIME '10:00:00')", "week"},
        {"date_trunc('WEEK', CURRENT_TIME)", "week"}, {"date_trunc('month', LOCALTIME)", "month"},
        {"date_trunc('day', CAST(started_at AS TIME))", "day"}, {"FLOOR(TIME '10:00:00' TO WEEK)", "week"},
        {"CEIL(TIME '10:00:00' TO YEAR)", "year"}}) {
      String sql = "SELECT " + call[0] + " FROM pathsim.sessions";
      SQLException e = OwnSandbox.run(connection, sql).failure();
      assertThat((Object) e).as(sql).isNotNull();
      assertThat(e.getSQLState()).as(sql).isEqualTo("22023");
      assertThat(e.getMessage()).as(sql).isEqualTo("unit '" + call[1] + "' is not supported for type TIME:"
          + " a time of day has no " + call[1] + ". Truncate a TIMESTAMP (date_trunc('" + call[1]
          + "', started_at)), or a TIME to 'hour', 'minute' or 'second'");
    }
    assertThat(sandbox.requests().all()).isEmpty();
    assertThat(rows("SELECT CAST(date_trunc('hour', TIME '10:20:30') AS VARCHAR),"
        + " CAST(date_trunc('minute', TIME '10:20:30') AS VARCHAR)")).containsExactly("10:00:00; 10:20:00");
  }

  @Test
  void toTimestampComparedWithATimeIsThatTime() throws SQLException {
    // PostgreSQL's to_timestamp gave a TIMESTAMP WITH TIME ZONE that Calcite failed to fold, with
    // an AssertionError ("Value does not contain time zone") out of executeQuery
    sameAs("SELECT id FROM pathsim.sessions WHERE started_at >= TO_TIMESTAMP('2025-08-01', 'YYYY-MM-DD') ORDER BY id",
        "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-01 00:00:00' ORDER BY id");
    sameAs("SELECT id FROM pathsim.workspaces WHERE to_timestamp('2020-01-01 10:00:00', 'YYYY-MM-DD HH24:MI:SS')"
        + " <= created_at ORDER BY id",
        "SELECT id FROM pathsim.workspaces WHERE TIMESTAMP '2020-01-01 10:00:00' <= created_at ORDER BY id");
    assertThat(rows("SELECT CAST(TO_TIMESTAMP('2025-08-01 10:15:00', 'YYYY-MM-DD HH24:MI:SS') AS VARCHAR)"))
        .containsExactly("2025-08-01 10:15:00");
    assertThat(DriverFixture.rows(connection, "SELECT COUNT(*) FROM pathsim.sessions WHERE started_at >="
        + " TO_TIMESTAMP(?, 'YYYY-MM-DD')", "2025-08-01")).isEqualTo(rows("SELECT COUNT(*) FROM"
        + " pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-01 00:00:00'"));
  }

  @Test
  void anErrorAfterAnIntervalStringPointsAtWhatWasTyped() {
    String sql = "SELECT id FROM pathsim.sessions WHERE started_at > now() - interval '7 days' AND nmae = 1";
    SQLException e = OwnSandbox.run(connection, sql).failure();
    assertThat((Object) e).isNotNull();
    int column = sql.indexOf("nmae") + 1;
    assertThat(e.getMessage()).contains("From line 1, column " + column + " to line 1, column "
        + (column + 3) + ": Column 'nmae' not found in any table");
    assertThat(e.getMessage()).startsWith("Error while executing SQL \"" + sql + "\"");
  }

  @Test
  void onlyPostgresqlIntervalStringsOutsideQuotesAndCommentsAreRewritten() {
    assertThat(PostgresqlIntervals.rewrite("SELECT now() - interval '7 days'"))
        .isEqualTo("SELECT now() - INTERVAL '7' DAY ");
    assertThat(PostgresqlIntervals.rewrite("x - INTERVAL '-1 hour' + Interval '1 month'"))
        .isEqualTo("x - INTERVAL '-1' HOUR + INTERVAL '1' MONTH");
    assertThat(PostgresqlIntervals.rewrite("x + interval '1 day 2 hours'"))
        .isEqualTo("x + (INTERVAL '1' DAY + INTERVAL '2' HOUR)");
    for (String kept : List.of("x - INTERVAL '7' DAY", "x - interval '7' days", "x - INTERVAL '1 2' DAY TO HOUR",
        "SELECT 'interval ''7 days''' FROM t", "SELECT \"interval\" FROM t -- interval '7 days'",
        "/* interval '7 days' */ SELECT 1", "SELECT intervals '7 days'", "x - interval '7 dayz'",
        "x - interval '1.5 hours'", "x - interval '7 days", "SELECT my_interval '7 days'")) {
      assertThat(PostgresqlIntervals.rewrite(kept)).as(kept).isEqualTo(kept);
    }
  }

  /**
   * {@code EXTRACT(DOW FROM t)} and {@code DATE_PART('dow', t)} are PostgreSQL's 0 (Sunday) to 6
   * (Saturday); MySQL's and JDBC's {@code DAYOFWEEK} stays 1 (Sunday) to 7. Before, DOW was Calcite's
   * 1 to 7, so PostgreSQL's weekend, {@code DOW IN (0, 6)}, found only the Fridays.
   */
  @Test
  void dayOfWeekIsZeroForSundayAsPostgresqls() throws SQLException {
    assertThat(rows("SELECT EXTRACT(DOW FROM DATE '2025-08-10'), EXTRACT(dow FROM TIMESTAMP '2025-08-16 10:00:00'),"
        + " DATE_PART('dow', DATE '2025-08-11'), date_part('DOW', DATE '2025-08-10'), DAYOFWEEK(DATE '2025-08-10'),"
        + " {fn DAYOFWEEK(DATE '2025-08-16')}, EXTRACT(ISODOW FROM DATE '2025-08-10'), EXTRACT(DOW FROM NULL)"))
        .containsExactly("0; 6; 1; 0; 1; 7; 7; null");
    String weekend = rows("SELECT COUNT(*) FROM pathsim.sessions WHERE DAYNAME(started_at) IN ('Saturday', 'Sunday')")
        .get(0);
    assertThat(Integer.parseInt(weekend)).isPositive();
    assertThat(rows("SELECT COUNT(*) FROM pathsim.sessions WHERE EXTRACT(DOW FROM started_at) IN (0, 6)"))
        .containsExactly(weekend);
    assertThat(rows("SELECT COUNT(*) FROM pathsim.sessions WHERE DAYOFWEEK(started_at) IN (1, 7)"))
        .containsExactly(weekend);
  }
}
