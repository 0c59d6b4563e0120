package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.TestType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The other names of {@link FunctionSynonyms} and the MySQL functions added beside them, where they
 * differ from a plain rewrite: with {@code ?} parameters, MySQL's LOCATE from a start below 1, and
 * DAYNAME of NULL or of a time.
 */
class FunctionSynonymsTest {
  @Test
  void parametersInTheOtherNamesAreTypedAsTheFunctionsTheyNameNeed() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      // before: 'b' took 'abcb''s CHAR(4), padded to 'b   ', found nowhere (0); UCASE(?) did not prepare
      assertThat(DriverFixture.rows(c, "SELECT LOCATE(?, 'abcb'), LOCATE('b', 'abcb', ?), UCASE(?),"
          + " LCASE(?)", "b", 3, "ab", "AB")).containsExactly("2; 4; AB; ab");
      // before: "Cannot apply 'convert_tz' to arguments of type 'convert_tz(<TIMESTAMP(3)>, ..."
      assertThat(DriverFixture.rows(c, "SELECT CONVERT_TIMEZONE('UTC', ?, TIMESTAMP '2025-01-01"
          + " 12:00:00'), CONVERT_TIMEZONE(?, TIMESTAMP '2025-01-01 12:00:00')", "Asia/Kolkata", "+01:00"))
          .containsExactly("2025-01-01 17:30:00.000; 2025-01-01 13:00:00.000");
      // before: "Cannot apply 'POSITION' to arguments of type 'POSITION(<UNKNOWN> IN <VARCHAR>)'"
      long voice = DriverFixture.data().sessions().stream()
          .filter(s -> s.testType() == TestType.VOICE).count();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT COUNT(*) FROM pathsim.sessions WHERE LOCATE(?, test_type) = 1")) {
        assertThat(s.getParameterMetaData().getParameterType(1)).isEqualTo(Types.VARCHAR);
        for (int run = 0; run < 2; run++) { // the second from the plan cache
          s.setString(1, "Voi");
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(voice).isPositive();
          }
        }
      }
    }
  }

  @Test
  void locateFromAStartBelowOneFindsNothingAsInMysql() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      // before: 0 failed ("from operand value must not be zero"), -1 searched backwards (2, 4)
      assertThat(DriverFixture.rows(c, "SELECT LOCATE('b', 'abcb', 0), LOCATE('b', 'abcb', -1),"
          + " LOCATE('b', 'abcb', 2), LOCATE('b', 'abcb', 3), LOCATE(NULL, 'abcb', 0),"
          + " LOCATE('b', 'abcb', NULL)"))
          .containsExactly("0; 0; 2; 4; null; null");
    }
  }

  @Test
  void dayNameOfNullIsNullAndOfATimeAnErrorNotAnAssertionError() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT DAYNAME(NULL), MONTHNAME(NULL), {fn DAYNAME(NULL)}"))
          .containsExactly("null; null; null");
      for (String sql : new String[] {"SELECT DAYNAME(TIME '10:00:00')",
          "SELECT {fn MONTHNAME(TIME '10:00:00')}"}) {
        Throwable e = DriverFixture.queryFailure(c, sql); // before: java.lang.AssertionError: unknown type TIME(0)
        assertThat(e).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e).getSQLState()).isEqualTo("42000");
        assertThat(e.getMessage()).containsPattern("Cannot apply '(DAY|MONTH)NAME' to arguments of type"
            + " '(DAY|MONTH)NAME\\(<TIME\\(0\\)>\\)'. Supported form\\(s\\): '(DAY|MONTH)NAME\\(<DATE>\\)',");
      }
    }
  }

  /**
   * MySQL's, SQLite's and PostgreSQL's {@code DATE(x)} is the day of a time or of text, as
   * {@code CAST(x AS DATE)}; before, "No match found for function signature DATE(<TIMESTAMP>); did
   * you mean 'DATE_PART'?" (42000).
   */
  @Test
  void dateOfATimeOrOfTextIsItsDay() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT DATE(TIMESTAMP '2025-08-10 23:59:59'), DATE('2025-08-10'),"
          + " DATE('2025-08-10 13:14:15'), {fn DATE(TIMESTAMP '2025-08-10 01:00:00')}, date(NULL),"
          + " DATE(DATE '2025-08-10') = DATE '2025-08-10'"))
          .containsExactly("2025-08-10; 2025-08-10; 2025-08-10; 2025-08-10; null; true");
      String perDay = " COUNT(*) FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-20 00:00:00'";
      List<String> expected = DriverFixture.rows(c, "SELECT CAST(started_at AS DATE) AS day," + perDay
          + " GROUP BY CAST(started_at AS DATE) ORDER BY 1");
      assertThat(expected).hasSizeGreaterThan(3);
      assertThat(DriverFixture.rows(c, "SELECT DATE(started_at) AS day," + perDay
          + " GROUP BY DATE(started_at) ORDER BY 1")).isEqualTo(expected);
      assertThat(DriverFixture.rows(c, "SELECT {fn DATE(started_at)} AS day," + perDay
          + " GROUP BY 1 ORDER BY day")).isEqualTo(expected);
      assertThat(DriverFixture.rows(c, "SELECT DATE(?)", Timestamp.valueOf("2025-08-10 13:14:15")))
          .containsExactly("2025-08-10");
    }
  }

  /**
   * PostgreSQL's {@code BTRIM(s [, chars])} and the second argument of its {@code LTRIM} and
   * {@code RTRIM} strip every character of {@code chars} from that end; before, BTRIM was "No match
   * found for function signature BTRIM" and {@code LTRIM(s, 'x')} "Invalid number of arguments".
   */
  @Test
  void btrimAndTheCharactersOfLtrimAndRtrimAreTrim() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT BTRIM('  ab  '), BTRIM('xyaxyx', 'xy'), '|' || BTRIM('  ') || '|',"
          + " LTRIM('xxab', 'x'), RTRIM('abyy', 'y'), btrim(NULL), LTRIM(NULL, 'x'), BTRIM('ab', NULL)"))
          .containsExactly("ab; a; ||; ab; ab; null; null; null");
      assertThat(DriverFixture.rows(c, "SELECT BTRIM(name, 'Sg'), LTRIM(name, 'tS'), RTRIM(name, 'gni'),"
          + " LTRIM('  ' || name), {fn BTRIM(name, 'g')} FROM pathsim.workspaces WHERE name = 'Staging'"))
          .containsExactly("tagin; aging; Sta; Staging; Stagin");
      assertThat(DriverFixture.rows(c, "SELECT BTRIM(?, 'x'), LTRIM(?, ?)", "xax", "yyb", "y"))
          .containsExactly("a; b");
      assertThat(DriverFixture.queryFailure(c, "SELECT BTRIM('a', 'b', 'c')").getMessage())
          .contains("Invalid number of arguments to function 'BTRIM'. Was expecting 2 arguments");
      assertThat(DriverFixture.queryFailure(c, "SELECT LTRIM('a', 'b', 'c')").getMessage())
          .contains("Invalid number of arguments to function 'LTRIM'. Was expecting 2 arguments");
    }
    try (Connection standard = DriverFixture.connect("fun=standard")) {
      assertThat(DriverFixture.queryFailure(standard, "SELECT BTRIM('xax', 'x')").getMessage())
          .contains("No match found for function signature BTRIM");
    }
  }

  /**
   * MySQL's {@code LOG2(x)} is PostgreSQL's {@code LOG(2, x)}, a DOUBLE, and MySQL's and SQL Server's
   * {@code DAY(t)} is {@code EXTRACT(DAY FROM t)}; before, "No match found for function signature".
   */
  @Test
  void log2IsTheLogarithmToBaseTwoAndDayTheDayOfTheMonth() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT LOG2(8), LOG2(1024), LOG2(0.5), log2(NULL), LOG2(2e0)"))
          .containsExactly("3.0; 10.0; -1.0; null; 1.0");
      assertThat(DriverFixture.rows(c, "SELECT DAY(TIMESTAMP '2025-08-10 13:14:15'), DAY(DATE '2025-02-28'),"
          + " day(NULL), DAY(started_at) = EXTRACT(DAY FROM started_at) FROM pathsim.sessions LIMIT 1"))
          .containsExactly("10; 28; null; true");
      try (PreparedStatement s = c.prepareStatement("SELECT LOG2(8), DAY(DATE '2025-02-28')")) {
        assertThat(s.getMetaData().getColumnTypeName(1)).isEqualTo("DOUBLE");
        assertThat(s.getMetaData().getColumnTypeName(2)).isEqualTo("BIGINT");
      }
    }
  }
}
