package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code TRUNC} as PostgreSQL's and Oracle's: of a number, cut toward zero ({@code TRUNCATE}); of a
 * date or timestamp, Oracle's start of its day or of the unit a format names. Before, "No match found
 * for function signature TRUNC(&lt;NUMERIC&gt;); did you mean 'TRUNCATE'?".
 */
class TruncFunctionTest {
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void ofANumberItCutsTowardZero() throws SQLException {
    assertThat(DriverFixture.rows(connection, "SELECT TRUNC(-7.45), TRUNC(-7.45, 1), TRUNC(7.9e0), TRUNC(-7.9e0, 0),"
        + " TRUNC(1234.5, -2), TRUNC(7), trunc(NULL), TRUNC(7.45, NULL)"))
        .containsExactly("-7.00; -7.40; 7.0; -7.0; 1200.0; 7; null; null");
    assertThat(DriverFixture.rows(connection, "SELECT TRUNC(CHAR_LENGTH(name) / 7.0, 2), TRUNC(CHAR_LENGTH(name), -1)"
        + " FROM pathsim.workspaces WHERE name = 'QA Regression'")).containsExactly("1.850000; 10");
    assertThat(DriverFixture.rows(connection, "SELECT TRUNC(2.567, ?)", 2)).containsExactly("2.560");
    try (PreparedStatement s = connection.prepareStatement("SELECT TRUNC(7.9e0), TRUNC(7), TRUNC(NULL)")) {
      assertThat(s.getMetaData().getColumnTypeName(1)).isEqualTo("DOUBLE");
      assertThat(s.getMetaData().getColumnTypeName(2)).isEqualTo("INTEGER");
      assertThat(s.getMetaData().getColumnTypeName(3)).isEqualTo("DOUBLE");
    }
  }

  @Test
  void ofADateOrTimestampItIsTheStartOfTheDayOrOfTheUnitAsOracles() throws SQLException {
    String t = "TIMESTAMP '2025-08-10 13:14:15'"; // a Sunday
    assertThat(DriverFixture.rows(connection, "SELECT TRUNC(" + t + "), TRUNC(DATE '2025-08-10'), TRUNC(" + t
        + ", 'MM'), TRUNC(" + t + ", 'hh24'), TRUNC(" + t + ", 'IW'), TRUNC(DATE '2025-08-10', 'IW'), TRUNC(" + t
        + ", 'Q'), TRUNC(" + t + ", 'YYYY'), TRUNC(" + t + ", 'MI'), TRUNC(" + t + ", 'dd')"))
        .containsExactly("2025-08-10 00:00:00; 2025-08-10; 2025-08-01 00:00:00; 2025-08-10 13:00:00;"
            + " 2025-08-04 00:00:00; 2025-08-04; 2025-07-01 00:00:00; 2025-01-01 00:00:00; 2025-08-10 13:14:00;"
            + " 2025-08-10 00:00:00");
    // the day of each row is its CAST to DATE, and the ISO week's Monday date_trunc('week') gives
    assertThat(DriverFixture.rows(connection, "SELECT COUNT(*), SUM(CASE WHEN TRUNC(started_at) ="
        + " CAST(started_at AS DATE) AND TRUNC(started_at, 'IW') = date_trunc('week', started_at) THEN 1 END)"
        + " FROM pathsim.sessions")).containsExactly("400; 400");
  }

  @Test
  void aUnitOracleHasNotOrThatIsNoLiteralNamesTheUnitsAndDateTrunc() {
    for (String sql : new String[] {"SELECT TRUNC(TIMESTAMP '2025-08-10 13:14:15', 'DAY')",
        "SELECT TRUNC(started_at, test_type) FROM pathsim.sessions"}) {
      SQLException e = (SQLException) DriverFixture.queryFailure(connection, sql);
      assertThat(e.getSQLState()).isEqualTo("22023");
      assertThat(e.getMessage()).isEqualTo("TRUNC(t, format) of a date or timestamp takes Oracle's formats,"
          + " written as a literal: 'YYYY', 'Q', 'MM', 'IW' (the week from Monday), 'DD', 'HH' or 'MI'"
          + (sql.contains("'DAY'") ? ", not 'DAY'" : "") + "; or write date_trunc('week', t) (also 'second',"
          + " 'minute', 'hour', 'day', 'month', 'quarter', 'year')");
    }
    assertThat(DriverFixture.queryFailure(connection, "SELECT TRUNC(TIME '10:00:00')").getMessage())
        .contains("Cannot apply 'TRUNC' to arguments of type 'TRUNC(<TIME(0)>)'");
  }
}
