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

  /** MySQL's IF and SQL Server's IIF are CASE; before, "No match found for function signature IF". */
  @Test
  void ifAndIifAreCase() throws SQLException {
    for (String setting : new String[] {"lex=MYSQL_ANSI", "lex=JAVA"}) {
      try (Connection c = DriverFixture.connect(setting)) {
        assertThat(DriverFixture.rows(c, "SELECT IF(1 < 2, 'a', 'bb') || '!', iif(1 > 2, 'a', 'bb') || '!',"
            + " If(CAST(NULL AS BOOLEAN), 1, 2), IIF(x > 1, x * 10, 0) FROM (VALUES 1, 2) AS t(x)"))
            .as(setting).containsExactly("a!; bb!; 2; 0", "a!; bb!; 2; 20");
      }
    }
    try (Connection bigquery = DriverFixture.connect("fun=bigquery")) { // Calcite's own IF, as before
      assertThat(DriverFixture.rows(bigquery, "SELECT IF(1 < 2, 'a', 'b')")).containsExactly("a");
    }
    try (Connection standard = DriverFixture.connect("fun=standard")) {
      assertThat(DriverFixture.queryFailure(standard, "SELECT IIF(1 < 2, 'a', 'b')"))
          .hasMessageContaining("No match found for function signature IIF");
    }
  }

  /** MySQL's UNIX_TIMESTAMP: whole seconds since 1970-01-01 00:00:00 UTC, a BIGINT. */
  @Test
  void unixTimestampIsSecondsSinceTheEpoch() throws SQLException {
    long christmas = java.time.Instant.parse("2025-12-25T18:30:15Z").getEpochSecond();
    try (Connection c = DriverFixture.connect("lex=JAVA")) {
      assertThat(DriverFixture.rows(c, "SELECT UNIX_TIMESTAMP(TIMESTAMP '2025-12-25 18:30:15.900'),"
          + " unix_timestamp('2025-12-25 18:30:15'), Unix_Timestamp(DATE '2025-12-25'), unix_timestamp(?)",
          "2025-12-25 18:30:15")).containsExactly(christmas + "; " + christmas + "; "
          + java.time.Instant.parse("2025-12-25T00:00:00Z").getEpochSecond() + "; " + christmas);
      try (java.sql.PreparedStatement s = c.prepareStatement("SELECT UNIX_TIMESTAMP()");
          java.sql.ResultSet rs = s.executeQuery()) {
        long before = System.currentTimeMillis() / 1000;
        assertThat(s.getMetaData().getColumnType(1)).isEqualTo(java.sql.Types.BIGINT);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isBetween(before - 60, System.currentTimeMillis() / 1000 + 1);
      }
      // of a column, the instant of its UTC wall clock
      java.util.List<String> rows = DriverFixture.rows(c, "SELECT started_at, UNIX_TIMESTAMP(started_at)"
          + " FROM pathsim.sessions ORDER BY id LIMIT 3");
      assertThat(rows).hasSize(3).allSatisfy(row -> {
        String[] v = row.split("; ");
        assertThat(Long.parseLong(v[1])).isEqualTo(java.time.LocalDateTime.parse(v[0].replace(' ', 'T'))
            .toEpochSecond(java.time.ZoneOffset.UTC));
      });
    }
  }

  /**
   * UNIX_TIMESTAMP(NULL) is NULL, as in MySQL; it failed with 42000 "Cannot apply 'EXTRACT' to
   * arguments of type 'EXTRACT(<INTERVAL EPOCH> FROM <NULL>)'", naming a function the SQL has not.
   */
  @Test
  void unixTimestampOfNullIsNull() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT UNIX_TIMESTAMP(NULL), UNIX_TIMESTAMP(CAST(NULL AS TIMESTAMP)),"
          + " UNIX_TIMESTAMP(NULL) IS NULL")).containsExactly("null; null; true");
    }
  }

  /**
   * A wrong argument of UNIX_TIMESTAMP, IF or IIF fails naming the function as written and what it
   * takes; before, UNIX_TIMESTAMP's named 'EXTRACT(<INTERVAL EPOCH> FROM <INTEGER>)', the rewrite's
   * form, and IF's said only "Expected a boolean type".
   */
  @Test
  void wrongArgumentsNameTheFunctionAsWritten() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      String unix = "Supported form(s): 'UNIX_TIMESTAMP()', 'UNIX_TIMESTAMP(<DATE>)',"
          + " 'UNIX_TIMESTAMP(<TIMESTAMP>)' (text is read as a TIMESTAMP)";
      SQLException number = (SQLException) DriverFixture.queryFailure(c, "SELECT UNIX_TIMESTAMP(123)");
      assertThat(number.getSQLState()).isEqualTo("42000");
      assertThat(number.getMessage()).endsWith(": Cannot apply 'UNIX_TIMESTAMP' to arguments of type"
          + " 'UNIX_TIMESTAMP(<INTEGER>)'. " + unix).doesNotContain("EXTRACT");
      SQLException time = (SQLException) DriverFixture.queryFailure(c, "SELECT UNIX_TIMESTAMP(TIME '10:00:00')");
      assertThat(time.getSQLState()).isEqualTo("42000");
      assertThat(time.getMessage()).endsWith(": Cannot apply 'UNIX_TIMESTAMP' to arguments of type"
          + " 'UNIX_TIMESTAMP(<TIME(0)>)'. " + unix);
      SQLException condition = (SQLException) DriverFixture.queryFailure(c, "SELECT IF(1, 'a', 'b')");
      assertThat(condition.getSQLState()).isEqualTo("42000");
      assertThat(condition.getMessage()).endsWith(": Cannot apply 'IF' to arguments of type 'IF(<INTEGER>,"
          + " …, …)'. Supported form(s): 'IF(<BOOLEAN>, <ANY>, <ANY>)': the first argument is a condition,"
          + " such as x > 0");
      assertThat(DriverFixture.queryFailure(c, "SELECT IIF('x', 'a', 'b')").getMessage())
          .endsWith(": Cannot apply 'IIF' to arguments of type 'IIF(<CHAR(1)>, …, …)'. Supported form(s):"
              + " 'IIF(<BOOLEAN>, <ANY>, <ANY>)': the first argument is a condition, such as x > 0");
      // what they take still runs, a ? condition a BOOLEAN
      assertThat(DriverFixture.rows(c, "SELECT IF(?, 'a', 'b'), UNIX_TIMESTAMP(DATE '1970-01-02'),"
          + " IIF(NULL, 1, 2)", true)).containsExactly("a; 86400; 2");
    }
  }

  /**
   * UNIX_TIMESTAMP of a time with a fraction of a second is rounded down, before 1970 too, as MySQL's
   * and PostgreSQL's floor(extract(epoch from t)); EXTRACT(EPOCH) truncated toward zero, so
   * '1969-12-31 23:59:58.5' was -1.
   */
  @Test
  void unixTimestampRoundsDown() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT UNIX_TIMESTAMP(TIMESTAMP '1969-12-31 23:59:58.5'),"
          + " UNIX_TIMESTAMP('1969-12-31 23:59:59.999'), UNIX_TIMESTAMP(?), UNIX_TIMESTAMP(TIMESTAMP"
          + " '1969-12-31 23:59:59'), UNIX_TIMESTAMP(DATE '1969-12-31'), UNIX_TIMESTAMP(TIMESTAMP"
          + " '1970-01-01 00:00:00.999')", "1969-12-31 23:59:58.001"))
          .containsExactly("-2; -1; -2; -1; -86400; 0");
    }
  }

  /** DATE_FORMAT and AGE have no exact equal here; their errors say what to write. */
  @Test
  void dateFormatAndAgeSayWhatToWrite() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      SQLException format = (SQLException) DriverFixture.queryFailure(c,
          "SELECT DATE_FORMAT(started_at, '%Y-%m') FROM pathsim.sessions");
      assertThat(format.getSQLState()).isEqualTo("42000");
      assertThat(format.getMessage()).contains("No match found for function signature DATE_FORMAT(")
          .endsWith(": DATE_FORMAT is MySQL's; for text write to_char(t, 'YYYY-MM') (PostgreSQL's"
              + " patterns: YYYY, MM, DD, HH24, MI, SS, Mon, Dy), to group by month date_trunc('month', t),"
              + " for one field EXTRACT(MONTH FROM t)");
      SQLException age = (SQLException) DriverFixture.queryFailure(c,
          "SELECT AGE(TIMESTAMP '2025-01-02 03:04:05', TIMESTAMP '2024-01-01 00:00:00')");
      assertThat(age.getSQLState()).isEqualTo("42000");
      assertThat(age.getMessage()).contains("No match found for function signature AGE(")
          .endsWith(": AGE is PostgreSQL's interval of years, months and days, a type SQL here lacks;"
              + " write TIMESTAMPDIFF(YEAR, t2, t1) for whole years between them (or MONTH, DAY, HOUR,"
              + " ...), or (t1 - t2) DAY TO SECOND for an interval");
      // what the hints say to write runs
      assertThat(DriverFixture.rows(c, "SELECT to_char(TIMESTAMP '2025-01-02 03:04:05', 'YYYY-MM'),"
          + " TIMESTAMPDIFF(MONTH, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2025-01-02 03:04:05'),"
          + " (TIMESTAMP '2025-01-02 03:04:05' - TIMESTAMP '2024-01-01 00:00:00') DAY TO SECOND"))
          .containsExactly("2025-01; 12; +367 03:04:05.000000");
    }
  }
}
