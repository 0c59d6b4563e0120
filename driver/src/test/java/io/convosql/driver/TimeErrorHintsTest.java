package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Errors about times that say what to write: one time minus another (Calcite's "Cannot apply '-'"),
 * a TIMESTAMP WITH TIME ZONE literal (before, 22000 "bind parameters with the setter of their SQL
 * type", a hint for parameters), and date_trunc with a unit it does not take.
 */
class TimeErrorHintsTest {
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static SQLException failure(String sql) {
    return (SQLException) DriverFixture.queryFailure(connection, sql);
  }

  @Test
  void aTimeMinusATimeNamesTimestampdiffAndTheIntervalForm() throws SQLException {
    String hint = ": to subtract one time from another write TIMESTAMPDIFF(SECOND, b, a) for a - b in whole"
        + " seconds (or MINUTE, HOUR, DAY, ...), or (a - b) DAY TO SECOND for an interval";
    for (String sql : new String[] {"SELECT MAX(started_at) - MIN(started_at) FROM pathsim.sessions",
        "SELECT started_at - LAG(started_at) OVER (ORDER BY started_at) FROM pathsim.sessions",
        "SELECT CURRENT_DATE - DATE '2025-01-01'"}) {
      SQLException e = failure(sql);
      assertThat(e.getSQLState()).as(sql).isEqualTo("42000");
      assertThat(e.getMessage()).as(sql).contains("Cannot apply '-' to arguments of type").endsWith(hint);
    }
    // what the hint says runs
    assertThat(DriverFixture.rows(connection, "SELECT TIMESTAMPDIFF(SECOND, TIMESTAMP '2025-08-10 10:00:00',"
        + " TIMESTAMP '2025-08-11 10:01:02'), (TIMESTAMP '2025-08-11 10:01:02' - TIMESTAMP '2025-08-10"
        + " 10:00:00') DAY TO SECOND, TIMESTAMPDIFF(DAY, DATE '2025-01-01', DATE '2025-01-31')"))
        .containsExactly("86462; +1 00:01:02.000000; 30");
    assertThat(DriverFixture.rows(connection, "SELECT TIMESTAMPDIFF(SECOND, MIN(started_at), MAX(started_at))"
        + " > 0 FROM pathsim.sessions")).containsExactly("true");
    assertThat(DriverFixture.rows(connection, "SELECT MIN(d) >= 0 FROM (SELECT TIMESTAMPDIFF(SECOND,"
        + " LAG(started_at) OVER (ORDER BY started_at), started_at) AS d FROM pathsim.sessions)"))
        .containsExactly("true");
    // other operands keep Calcite's message alone
    assertThat(failure("SELECT 'a' - TIMESTAMP '2025-01-01 00:00:00'").getMessage()).doesNotContain("TIMESTAMPDIFF");
  }

  @Test
  void aTimestampWithTimeZoneLiteralSaysToWriteATimestampInUtc() {
    SQLException e = failure("SELECT TIMESTAMP WITH TIME ZONE '2025-08-10 00:00:00+00:00'");
    assertThat(e.getSQLState()).isEqualTo("0A000");
    assertThat((Throwable) e).hasMessage("TIMESTAMP WITH TIME ZONE literals are not supported: every time here"
        + " is a UTC wall clock, so write the instant as a TIMESTAMP in UTC, such as TIMESTAMP '2025-08-10"
        + " 00:00:00' for '2025-08-10 02:00:00+02:00'");
  }

  @Test
  void dateTruncOfAnotherUnitListsTheUnitsItTakes() {
    SQLException e = failure("SELECT date_trunc('decade', started_at) FROM pathsim.sessions");
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).contains("No match found for function signature DATE_TRUNC(<CHARACTER>, <TIMESTAMP>)")
        .endsWith(": date_trunc('unit', t) takes the units 'second', 'minute', 'hour', 'day', 'week',"
            + " 'month', 'quarter' and 'year', written as a literal");
  }
}
