package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Functions users type from MySQL and Oracle work under the default functions; SQL Server's date
 * functions, which have no exact equal here, fail with what to write instead.
 */
class HabitFunctionsTest {
  @Test
  void mysqlAndOracleNullFunctionsAndGroupConcatAnswer() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT IFNULL(CAST(NULL AS VARCHAR), 'a'), IFNULL('b', 'a'),"
          + " NVL(CAST(NULL AS INTEGER), 3)")).containsExactly("a; b; 3");
      assertThat(DriverFixture.rows(c, "SELECT GROUP_CONCAT(w ORDER BY w SEPARATOR '; ')"
          + " FROM (VALUES ('b'), ('a'), ('c')) AS t(w)")).containsExactly("a; b; c");
      assertThat(DriverFixture.rows(c, "SELECT GROUP_CONCAT(DISTINCT w ORDER BY w)"
          + " FROM (VALUES ('b'), ('a'), ('b')) AS t(w)")).containsExactly("a,b");
    }
  }

  @Test
  void onlyTheDefaultFunctionsHaveThem() throws SQLException {
    try (Connection standard = DriverFixture.connect("fun=standard")) {
      assertThat(DriverFixture.queryFailure(standard, "SELECT IFNULL(CAST(NULL AS VARCHAR), 'a')"))
          .hasMessageContaining("No match found for function signature IFNULL");
    }
  }

  @Test
  void sqlServersDateFunctionsSayWhatToWrite() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      SQLException diff = (SQLException) DriverFixture.queryFailure(c,
          "SELECT DATEDIFF(DAY, DATE '2025-01-01', DATE '2025-03-01')");
      assertThat(diff.getSQLState()).isEqualTo("42000");
      assertThat(diff.getMessage()).contains("No match found for function signature DATEDIFF(")
          .endsWith(": for whole units between two times write TIMESTAMPDIFF(DAY, from, to) (also"
              + " SECOND, MINUTE, HOUR, WEEK, MONTH, YEAR); SQL Server's DATEDIFF counts the boundaries"
              + " crossed, which differs: DATEDIFF(YEAR, '2024-12-31', '2025-01-01') is 1, TIMESTAMPDIFF 0");
      assertThat(DriverFixture.queryFailure(c, "SELECT DATEADD(DAY, 2, DATE '2025-01-01')").getMessage())
          .endsWith(": write TIMESTAMPADD(DAY, n, t), or t + INTERVAL '1' DAY");
      assertThat(DriverFixture.queryFailure(c, "SELECT ISNULL(NULL, 1)").getMessage())
          .endsWith(": write COALESCE(a, b) (or IFNULL(a, b))");
      assertThat(DriverFixture.queryFailure(c, "SELECT LEN('abc')").getMessage())
          .endsWith(": write CHAR_LENGTH(s)");
      assertThat(DriverFixture.queryFailure(c, "SELECT GETDATE()").getMessage())
          .endsWith(": write CURRENT_TIMESTAMP (or now())");
      // what the hint says to write runs
      assertThat(DriverFixture.rows(c, "SELECT TIMESTAMPDIFF(DAY, DATE '2025-01-01', DATE '2025-03-01'),"
          + " TIMESTAMPADD(DAY, 2, DATE '2025-01-01')")).containsExactly("59; 2025-01-03");
    }
  }
}
