package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * PERCENTILE_CONT, PERCENTILE_DISC (WITHIN GROUP) and MEDIAN answer as PostgreSQL defines them.
 * Before, the first two failed with 0A000 "PERCENTILE_CONT is not supported here" and MEDIAN with
 * 42000 "No match found for function signature MEDIAN".
 */
class PercentilesTest {
  private static final String ONE_TO_TEN = "(VALUES 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) AS t(x)";

  @Test
  void ungroupedPercentilesInterpolateOrPickAValue() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      // cont: position 0.5 * 3 = 1.5, halfway between 2 and 3; disc: the 2nd of 4 (cume_dist 0.5)
      assertThat(DriverFixture.rows(c, "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x),"
          + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x), MEDIAN(x) FROM (VALUES 1, 2, 3, 4) AS t(x)"))
          .containsExactly("2.5; 2; 2.5");
      // 0.9 of 1..10: 9 + 0.1 * (10 - 9); disc: the first value whose cume_dist reaches 0.9
      assertThat(DriverFixture.rows(c, "SELECT percentile_cont(0.9) within group (order by x),"
          + " percentile_disc(0.9) within group (order by x), percentile_disc(0) within group (order by x),"
          + " percentile_cont(1) within group (order by x) FROM " + ONE_TO_TEN))
          .containsExactly("9.1; 9; 1; 10.0");
      // DESC orders from the top: 0.25 of 5, 4, 3, 2, 1
      assertThat(DriverFixture.rows(c, "SELECT PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY x DESC),"
          + " PERCENTILE_DISC(0.25) WITHIN GROUP (ORDER BY x DESC NULLS LAST),"
          + " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY x), PERCENTILE_DISC(0.25) WITHIN GROUP"
          + " (ORDER BY x) FROM (VALUES 3, 1, 5, 2, 4) AS t(x)")).containsExactly("4.0; 4; 2.0; 2");
      // no rows: one row of NULLs, as every aggregate without GROUP BY
      assertThat(DriverFixture.rows(c, "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x),"
          + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x), MEDIAN(x) FROM " + ONE_TO_TEN
          + " WHERE x > 10")).containsExactly("null; null; null");
    }
  }

  @Test
  void groupsLeaveOutNullsAndAGroupOfOnlyNullsIsNull() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT g, PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY x),"
          + " PERCENTILE_DISC(0.25) WITHIN GROUP (ORDER BY x), MEDIAN(x), COUNT(x) FROM (VALUES"
          + " ('a', 1.5), ('a', 2.5), ('a', NULL), ('a', 4.5), ('a', 3.5), ('a', 5.5), ('b', NULL),"
          + " ('c', 7.0)) AS t(g, x) GROUP BY g ORDER BY g"))
          .containsExactly("a; 2.5; 2.5; 3.5; 5", "b; null; null; null; 0", "c; 7.0; 7.0; 7.0; 1");
    }
  }

  /**
   * MEDIAN(DISTINCT x) is the median of the distinct values (DuckDB's and Snowflake's meaning); the
   * rewrite dropped the DISTINCT, so 1, 1, 1, 10 gave 1.0 rather than the median of 1 and 10.
   */
  @Test
  void medianDistinctKeepsItsDistinct() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      // distinct values 1 and 10: halfway, 5.5; all four: positions 1 and 2 (from 0) of 1, 1, 1, 10, 1.0
      assertThat(DriverFixture.rows(c, "SELECT MEDIAN(DISTINCT x), MEDIAN(x), median(distinct x + 1)"
          + " FROM (VALUES 1, 1, 1, 10) AS t(x)")).containsExactly("5.5; 1.0; 6.5");
      assertThat(DriverFixture.rows(c, "SELECT g, MEDIAN(DISTINCT x), COUNT(DISTINCT x), MEDIAN(x) FROM"
          + " (VALUES ('a', 2), ('a', 2), ('a', 2), ('a', 4), ('a', 9), ('b', 7), ('b', 7)) AS t(g, x)"
          + " GROUP BY g ORDER BY g")).containsExactly("a; 4.0; 3; 2.0", "b; 7.0; 1; 7.0");
    }
  }

  /**
   * PERCENTILE_DISC takes intervals, as PostgreSQL's and as docs/tables.md says; Calcite's type check,
   * which the rewrite used, listed no interval family, so they failed with 42000 "Invalid type
   * 'INTERVAL_DAY' in ORDER BY clause".
   */
  @Test
  void percentileDiscOfIntervalsIsOneOfThem() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      // of 3: cont 0.5 -> the 2nd (ceil(1.5)); 0.9 -> the 3rd; DESC 0.9 -> the 3rd from the top
      assertThat(DriverFixture.rows(c, "SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY d),"
          + " PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY d), PERCENTILE_DISC(0.9) WITHIN GROUP"
          + " (ORDER BY d DESC), PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY m) FROM (VALUES"
          + " (INTERVAL '3' DAY, INTERVAL '2' YEAR), (INTERVAL '1' DAY, INTERVAL '5' MONTH),"
          + " (INTERVAL '2' DAY, INTERVAL '1-1' YEAR TO MONTH)) AS t(d, m)"))
          .containsExactly("+2; +3; +1; +1-01");
    }
  }

  /**
   * A value of a type a percentile does not take fails naming the function as written and what it
   * takes: MEDIAN's named "ORDER BY clause of 'PERCENTILE_CONT'", and PERCENTILE_DISC's said "Only
   * NUMERIC types are supported" though it takes dates, times, timestamps and intervals.
   */
  @Test
  void wrongValuesNameTheFunctionAsWritten() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      SQLException median = (SQLException) DriverFixture.queryFailure(c, "SELECT MEDIAN('a')");
      assertThat(median.getSQLState()).isEqualTo("42000");
      assertThat(median.getMessage()).endsWith(": Cannot apply 'MEDIAN' to arguments of type"
          + " 'MEDIAN(<CHAR(1)>)'. Supported form(s): 'MEDIAN(<NUMERIC>)'");
      SQLException disc = (SQLException) DriverFixture.queryFailure(c, "SELECT PERCENTILE_DISC(0.5)"
          + " WITHIN GROUP (ORDER BY w) FROM (VALUES 'a') AS t(w)");
      assertThat(disc.getSQLState()).isEqualTo("42000");
      assertThat(disc.getMessage()).endsWith(": Cannot apply 'PERCENTILE_DISC' to arguments of type"
          + " 'PERCENTILE_DISC(<DECIMAL(2, 1)>) WITHIN GROUP (ORDER BY <CHAR(1)>)'. Supported form(s):"
          + " 'PERCENTILE_DISC(<NUMERIC>) WITHIN GROUP (ORDER BY <NUMERIC, DATE, TIME, TIMESTAMP or"
          + " INTERVAL>)'");
    }
  }

  @Test
  void typesArePostgresqls() throws SQLException {
    try (Connection c = DriverFixture.connect();
        PreparedStatement s = c.prepareStatement("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x),"
            + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x), MEDIAN(x),"
            + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY t) FROM (VALUES (1, TIMESTAMP"
            + " '2025-08-01 10:00:00'), (2, TIMESTAMP '2025-08-02 10:00:00')) AS v(x, t)")) {
      assertThat(new int[] {s.getMetaData().getColumnType(1), s.getMetaData().getColumnType(2),
          s.getMetaData().getColumnType(3), s.getMetaData().getColumnType(4)})
          .containsExactly(Types.DOUBLE, Types.INTEGER, Types.DOUBLE, Types.TIMESTAMP);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(4)).isEqualTo("2025-08-01 10:00:00");
      }
    }
  }

  /** Latency-report percentiles per group against the same values fetched with a plain SELECT. */
  @Test
  void agreeWithPercentilesComputedFromThePlainRows() throws SQLException {
    String from = " FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-01-01 00:00:00'";
    try (Connection c = DriverFixture.connect("insights.url=" + DriverFixture.SANDBOX.insightsUrl(),
        "insights.apiKey=" + io.convosql.sandbox.Sandbox.INSIGHTS_KEY)) {
      Map<String, List<Long>> values = new TreeMap<>();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT channel, duration_ms" + from)) {
        while (rs.next()) {
          List<Long> group = values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
          long v = rs.getLong(2);
          if (!rs.wasNull()) {
            group.add(v);
          }
        }
      }
      assertThat(values.values().stream().mapToInt(List::size).sum()).isGreaterThan(5);
      int checked = 0;
      try (ResultSet rs = c.createStatement().executeQuery("SELECT channel,"
          + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms),"
          + " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY duration_ms DESC),"
          + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY duration_ms),"
          + " PERCENTILE_DISC(0.75) WITHIN GROUP (ORDER BY duration_ms), MEDIAN(duration_ms)"
          + from + " GROUP BY channel")) {
        while (rs.next()) {
          List<Long> sorted = values.get(rs.getString(1)).stream().sorted().toList();
          if (sorted.isEmpty()) {
            assertThat(rs.getObject(2)).isNull();
            continue;
          }
          assertThat(rs.getDouble(2)).isCloseTo(interpolated(sorted, 0.5), within(1e-6));
          assertThat(rs.getDouble(3)).isCloseTo(interpolated(sorted, 0.75), within(1e-6));
          assertThat(rs.getLong(4)).isEqualTo(firstReaching(sorted, 0.5));
          assertThat(rs.getLong(5)).isEqualTo(firstReaching(sorted, 0.75));
          assertThat(rs.getDouble(6)).isCloseTo(interpolated(sorted, 0.5), within(1e-6));
          checked++;
        }
      }
      assertThat(checked).isEqualTo(values.size());
    }
  }

  /** The value a fraction f of the way from the smallest to the largest, by rank. */
  private static double interpolated(List<Long> sorted, double f) {
    double rank = f * (sorted.size() - 1);
    int lower = (int) rank;
    int upper = Math.min(lower + 1, sorted.size() - 1);
    return sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
  }

  /** The smallest value whose cumulative distribution (share of values at or below it) is at least f. */
  private static long firstReaching(List<Long> sorted, double f) {
    for (long v : sorted) {
      long atOrBelow = sorted.stream().filter(w -> w <= v).count();
      if ((double) atOrBelow / sorted.size() >= f) {
        return v;
      }
    }
    throw new AssertionError("no value reaches " + f);
  }

  @Test
  void theFractionMayBeBound() throws SQLException {
    String sql = "SELECT PERCENTILE_CONT(?) WITHIN GROUP (ORDER BY x), PERCENTILE_DISC(?) WITHIN GROUP"
        + " (ORDER BY x) FROM " + ONE_TO_TEN;
    try (Connection c = DriverFixture.connect(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setDouble(1, 0.9);
      s.setDouble(2, 0.9);
      assertThat(rows(s)).isEqualTo("9.1; 9");
      s.setBigDecimal(1, new BigDecimal("0.5"));
      s.setBigDecimal(2, new BigDecimal("0.25"));
      assertThat(rows(s)).isEqualTo("5.5; 3");
      s.setString(1, "0.95");
      s.setString(2, "0.95");
      // 9 + (0.95 * 9 - 8) in doubles, as PostgreSQL computes it (float8): 0.95 * 9 is 8.549999999999999
      assertThat(rows(s)).isEqualTo("9.549999999999999; 10");
      s.setNull(1, Types.DOUBLE);
      s.setDouble(2, 0.1);
      assertThat(rows(s)).isEqualTo("null; 1");
      s.setDouble(1, 1.5);
      assertThatFailsOutOfRange(() -> rows(s), "1.5");
    }
  }

  @Test
  void aFractionOutsideZeroToOneFailsAsInPostgresql() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThatFailsOutOfRange(() -> DriverFixture.rows(c, "SELECT PERCENTILE_CONT(1.5) WITHIN GROUP"
          + " (ORDER BY x) FROM " + ONE_TO_TEN), "1.5");
      assertThatFailsOutOfRange(() -> DriverFixture.rows(c, "SELECT PERCENTILE_DISC(-0.1) WITHIN GROUP"
          + " (ORDER BY x) FROM " + ONE_TO_TEN), "-0.1");
      // a fraction that is not a constant stays Calcite's refusal, as does text to interpolate
      SQLException column = (SQLException) DriverFixture.queryFailure(c, "SELECT PERCENTILE_CONT(x)"
          + " WITHIN GROUP (ORDER BY x) FROM " + ONE_TO_TEN);
      assertThat(column.getSQLState()).isEqualTo("42000");
      assertThat(column.getMessage()).endsWith("Argument to function 'PERCENTILE_CONT' must be a literal");
      SQLException text = (SQLException) DriverFixture.queryFailure(c, "SELECT PERCENTILE_CONT(0.5)"
          + " WITHIN GROUP (ORDER BY name) FROM pathsim.workspaces");
      assertThat(text.getSQLState()).isEqualTo("42000");
      assertThat(text.getMessage()).endsWith("Invalid type 'VARCHAR' in ORDER BY clause of"
          + " 'PERCENTILE_CONT' function. Only NUMERIC types are supported");
    }
  }

  private interface Run {
    Object run() throws SQLException;
  }

  private static void assertThatFailsOutOfRange(Run run, String fraction) {
    try {
      run.run();
    } catch (SQLException e) {
      assertThat((Throwable) e).isInstanceOf(SQLDataException.class).hasMessage("percentile value "
          + fraction + " is not between 0 and 1: write the percentile as a fraction, 0.95 for the 95th");
      assertThat(e.getSQLState()).isEqualTo("22003");
      return;
    }
    throw new AssertionError("no failure for " + fraction);
  }

  private static String rows(PreparedStatement s) throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      assertThat(rs.next()).isTrue();
      String row = rs.getString(1) + "; " + rs.getString(2);
      assertThat(rs.next()).isFalse();
      return row;
    }
  }

  @Test
  void standardFormsRunUnderEveryFunMedianUnderTheDefault() throws SQLException {
    for (String fun : new String[] {"fun=standard", "fun=bigquery", "lex=JAVA"}) {
      try (Connection c = DriverFixture.connect(fun)) {
        assertThat(DriverFixture.rows(c, "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x) FROM "
            + ONE_TO_TEN)).as(fun).containsExactly("5.5");
      }
    }
    try (Connection c = DriverFixture.connect("lex=JAVA")) {
      assertThat(DriverFixture.rows(c, "SELECT median(x), Median(x) FROM " + ONE_TO_TEN))
          .containsExactly("5.5; 5.5");
    }
    try (Connection c = DriverFixture.connect("fun=standard")) {
      assertThat(DriverFixture.queryFailure(c, "SELECT MEDIAN(x) FROM " + ONE_TO_TEN))
          .hasMessageContaining("No match found for function signature MEDIAN");
    }
  }

  @Test
  void getFunctionsListsThem() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> names = new ArrayList<>();
      try (ResultSet rs = md.getFunctions(null, null, "%")) {
        while (rs.next()) {
          names.add(rs.getString("FUNCTION_NAME") + ": " + rs.getString("REMARKS"));
        }
      }
      assertThat(names).anySatisfy(n -> assertThat(n).startsWith("MEDIAN: MEDIAN(x): "))
          .anySatisfy(n -> assertThat(n).startsWith("PERCENTILE_CONT: PERCENTILE_CONT(f) WITHIN GROUP"))
          .anySatisfy(n -> assertThat(n).startsWith("PERCENTILE_DISC: PERCENTILE_DISC(f) WITHIN GROUP"));
    }
  }

  /**
   * getFunctionColumns gives their result and parameters, as for the functions beside them (DBeaver
   * shows a function's parameters from it); it gave no rows for the three getFunctions lists.
   */
  @Test
  void getFunctionColumnsGivesTheirParameters() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(parameters(c.getMetaData(), "%")).containsExactly(
          "MEDIAN||4|8|DOUBLE|0|a DOUBLE", "MEDIAN|x|1|8|DOUBLE|1|a number",
          "PERCENTILE_CONT||4|8|DOUBLE|0|a DOUBLE",
          "PERCENTILE_CONT|f|1|8|DOUBLE|1|the fraction, 0 to 1 (0.95 for p95)",
          "PERCENTILE_CONT|x|1|8|DOUBLE|2|a number, in WITHIN GROUP (ORDER BY x [DESC])",
          "PERCENTILE_DISC||4|2000|ANY|0|of x's type",
          "PERCENTILE_DISC|f|1|8|DOUBLE|1|the fraction, 0 to 1 (0.95 for p95)",
          "PERCENTILE_DISC|x|1|2000|ANY|2|a number, date, time, timestamp or interval, in WITHIN GROUP"
              + " (ORDER BY x [DESC])",
          "convert_tz||4|93|TIMESTAMP|0|null", "convert_tz|t|1|93|TIMESTAMP|1|null",
          "convert_tz|from_zone|1|12|VARCHAR|2|null", "convert_tz|to_zone|1|12|VARCHAR|3|null",
          "matches||4|16|BOOLEAN|0|null", "matches|text|1|12|VARCHAR|1|null",
          "matches|words|1|12|VARCHAR|2|null");
    }
    try (Connection standard = DriverFixture.connect("fun=standard")) { // no MEDIAN there
      assertThat(parameters(standard.getMetaData(), "%")).noneMatch(r -> r.startsWith("MEDIAN"))
          .anyMatch(r -> r.startsWith("PERCENTILE_CONT|f|"));
    }
  }

  private static List<String> parameters(DatabaseMetaData md, String column) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = md.getFunctionColumns(null, null, "%", column)) {
      while (rs.next()) {
        rows.add(String.join("|", rs.getString("FUNCTION_NAME"), rs.getString("COLUMN_NAME"),
            rs.getString("COLUMN_TYPE"), rs.getString("DATA_TYPE"), rs.getString("TYPE_NAME"),
            rs.getString("ORDINAL_POSITION"), String.valueOf(rs.getString("REMARKS"))));
      }
    }
    return rows;
  }
}
