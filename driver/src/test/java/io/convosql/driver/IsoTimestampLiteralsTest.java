package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text in ISO 8601's spelling, {@code started_at >= '2025-08-01T00:00:00'}, compared with a timestamp
 * column gives the rows of the space spelling and sends the same requests (the same pushed
 * {@code created_from}/{@code created_to}), as PostgreSQL reads it; before, it failed with 22007
 * ("'2025-08-01T00:00:00' is not a TIMESTAMP"). A trailing Z is UTC, which every time here is; another
 * offset is the UTC wall clock of that instant, as for text bound to a TIMESTAMP parameter.
 */
class IsoTimestampLiteralsTest {
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(60, 0);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  /** The requests the SQL sent, in any order; its rows are added to {@code rows}. */
  private static List<String> sent(String sql, List<String> rows) {
    sandbox.requests().clear();
    OwnSandbox.Outcome o = OwnSandbox.run(connection, sql);
    assertThat((Object) o.failure()).as(sql).isNull();
    rows.addAll(o.rows());
    return sandbox.requests().all().stream().map(Object::toString).sorted().toList();
  }

  private static void sameAs(String iso, String spaced) {
    List<String> isoRows = new ArrayList<>();
    List<String> spacedRows = new ArrayList<>();
    List<String> isoRequests = sent(iso, isoRows);
    List<String> spacedRequests = sent(spaced, spacedRows);
    assertThat(isoRows).as(iso).isNotEmpty().isEqualTo(spacedRows);
    assertThat(isoRequests).as(iso).isNotEmpty().isEqualTo(spacedRequests);
    assertThat(String.join("\n", isoRequests)).as(iso).contains("created_from");
  }

  @Test
  void isoTextComparedWithATimestampIsTheSpaceSpelling() {
    String sql = "SELECT id, started_at FROM pathsim.sessions WHERE started_at >= '%s'"
        + " AND started_at < '%s' ORDER BY id";
    String spaced = sql.formatted("2025-08-01 00:00:00", "2025-08-15 12:30:00");
    sameAs(sql.formatted("2025-08-01T00:00:00", "2025-08-15T12:30:00"), spaced);
    sameAs(sql.formatted("2025-08-01T00:00:00Z", "2025-08-15t12:30Z"), spaced);
    sameAs(sql.formatted("2025-08-01T00:00:00.000", "2025-08-15 12:30:00z"), spaced);
    // an offset is the instant's UTC wall clock
    sameAs(sql.formatted("2025-08-01T02:00:00+02:00", "2025-08-15T07:30:00-05:00"), spaced);
    sameAs("SELECT COUNT(*) FROM pathsim.sessions WHERE started_at BETWEEN '2025-08-01T00:00' AND"
        + " '2025-08-15T12:30:00Z'", "SELECT COUNT(*) FROM pathsim.sessions WHERE started_at BETWEEN"
        + " '2025-08-01 00:00:00' AND '2025-08-15 12:30:00'");
  }

  @Test
  void isoTextCastToATimestampIsTheSpaceSpelling() throws SQLException {
    assertThat(DriverFixture.rows(connection, "SELECT CAST('2025-08-20T10:11:12' AS TIMESTAMP),"
        + " CAST('2025-08-20T10:11:12.25Z' AS TIMESTAMP(3)), CAST('2025-08-20T00:30:00+01:00' AS TIMESTAMP),"
        + " CAST('2025-08-20 10:11:12' AS TIMESTAMP)"))
        .containsExactly("2025-08-20 10:11:12; 2025-08-20 10:11:12.250; 2025-08-19 23:30:00; 2025-08-20 10:11:12");
  }

  /**
   * Text with a time of day compared with or cast to a DATE is its day, as PostgreSQL's
   * {@code '2025-08-10T00:00:00'::date} is (the UTC day for an offset); before, 22007 "is not a DATE",
   * with the T or without, while the same text compared with a TIMESTAMP worked.
   */
  @Test
  void textWithATimeComparedWithADateIsItsDay() throws SQLException {
    String sql = "SELECT id FROM pathsim.sessions WHERE CAST(started_at AS DATE) >= '%s'"
        + " AND CAST(started_at AS DATE) < '%s' ORDER BY id";
    List<String> days = new ArrayList<>();
    List<String> dayRequests = sent(sql.formatted("2025-08-10", "2025-08-12"), days);
    assertThat(days).isNotEmpty();
    for (String[] bounds : new String[][] {{"2025-08-10T00:00:00", "2025-08-12T00:00:00"},
        {"2025-08-10 13:14:15", "2025-08-12T23:59:59Z"}, {"2025-08-09T23:00:00-05:00", "2025-08-12t00:00"}}) {
      List<String> rows = new ArrayList<>();
      String iso = sql.formatted(bounds[0], bounds[1]);
      assertThat(sent(iso, rows)).as(iso).isEqualTo(dayRequests);
      assertThat(rows).as(iso).isEqualTo(days);
    }
    assertThat(DriverFixture.rows(connection, "SELECT CAST('2025-08-10T00:00:00' AS DATE),"
        + " CAST('2025-08-10T23:59:59Z' AS DATE), CAST('2025-08-10T01:00:00+02:00' AS DATE),"
        + " DATE '2025-08-10' = '2025-08-10T00:00:00'"))
        .containsExactly("2025-08-10; 2025-08-10; 2025-08-09; true");
    SQLException e = OwnSandbox.run(connection, "SELECT CAST('2025-02-30T00:00:00' AS DATE)").failure();
    assertThat(e.getSQLState()).isEqualTo("22007");
    assertThat(e.getMessage()).startsWith("'2025-02-30T00:00:00' is not a DATE");
  }

  /**
   * ISO text that is no literal, from a subquery, a column or an expression, cast to a TIMESTAMP or
   * DATE at run time: the rows of the space spelling (a constant subquery also its requests). Before,
   * HY000 "Invalid DATE value, '2025-08-10T00:00:00'"; text that is no time is 22007 naming it.
   */
  @Test
  void isoTextFromASubqueryOrColumnIsTheSpaceSpelling() throws SQLException {
    String spaced = "SELECT id FROM pathsim.sessions WHERE started_at >= '2025-08-10 00:00:00' ORDER BY id";
    sameAs("SELECT id FROM pathsim.sessions WHERE started_at >= (SELECT '2025-08-10T00:00:00') ORDER BY id",
        spaced);
    List<String> rows = DriverFixture.rows(connection, spaced);
    assertThat(rows).isNotEmpty();
    for (String sql : List.of(
        "SELECT s.id FROM pathsim.sessions s JOIN (VALUES ('2025-08-10T00:00:00')) AS v(t) ON s.started_at >= v.t"
            + " ORDER BY s.id",
        "SELECT id FROM pathsim.sessions WHERE started_at >= CAST(TRIM(' 2025-08-10T02:00:00+02:00 ') AS TIMESTAMP)"
            + " ORDER BY id")) {
      assertThat(DriverFixture.rows(connection, sql)).as(sql).isEqualTo(rows);
    }
    assertThat(DriverFixture.rows(connection, "SELECT CAST(t AS TIMESTAMP), CAST(t AS DATE),"
        + " CAST(TRIM(t) AS TIMESTAMP(3)) FROM (VALUES ('2025-08-10T23:30:00.5-02:00'), ('2025-08-11'),"
        + " (CAST(NULL AS VARCHAR))) AS v(t)"))
        .containsExactly("2025-08-11 01:30:00; 2025-08-11; 2025-08-11 01:30:00.500",
            "2025-08-11 00:00:00; 2025-08-11; 2025-08-11 00:00:00.000", "null; null; null");
    for (String[] bad : new String[][] {
        {"SELECT COUNT(*) FROM pathsim.sessions WHERE started_at >= (SELECT '2025-08-10Tnoon')",
            "'2025-08-10Tnoon' is not a TIMESTAMP (Invalid DATE value, '2025-08-10Tnoon'): compare with a"
                + " TIMESTAMP value such as TIMESTAMP '2025-08-01 10:15:00'"},
        {"SELECT CAST(t AS DATE) FROM (VALUES ('2025-02-30T00:00:00')) AS v(t)",
            "'2025-02-30T00:00:00' is not a DATE (Invalid DATE value, '2025-02-30T00:00:00'): compare with a"
                + " DATE value such as DATE '2025-08-01'"}}) {
      for (int run = 0; run < 2; run++) { // the second from the plan cache
        SQLException e = OwnSandbox.run(connection, bad[0]).failure();
        assertThat((Object) e).as(bad[0]).isNotNull();
        assertThat(e.getSQLState()).as(bad[0]).isEqualTo("22007");
        assertThat(e.getMessage()).as(bad[0]).isEqualTo(bad[1]);
      }
    }
  }

  @Test
  void textThatIsNoTimeIsRefusedAsBefore() {
    // an offset that carries the wall clock past year 9999 is named as written (it was named as
    // '+10000-01-01 00:30:00', a text the user never wrote)
    for (String text : List.of("2025-08-20T25:00:00", "2025-08-20Tnoon", "yesterday", "9999-12-31T23:30:00-01:00")) {
      String sql = "SELECT id FROM pathsim.sessions WHERE started_at >= '" + text + "'";
      SQLException e = OwnSandbox.run(connection, sql).failure();
      assertThat((Object) e).as(sql).isNotNull();
      assertThat(e.getSQLState()).as(sql).isEqualTo("22007");
      assertThat(e.getMessage()).as(sql).startsWith("'" + text + "' is not a TIMESTAMP");
    }
  }
}
