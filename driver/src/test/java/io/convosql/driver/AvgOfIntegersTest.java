package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AVG of a whole-number column keeps its fraction, a DOUBLE as in Spark and SQLite: Calcite's
 * average had the column's type, so the AVG of 1, 2 and 2 was 1 and a user's {@code AVG(duration_ms)}
 * lost the milliseconds' fraction. Grouped, DISTINCT, over a window, with pushdown on and off, and
 * STDDEV and VAR of the same columns, which take their type from the same place. The AVG of a DECIMAL
 * or DOUBLE column keeps its type.
 */
class AvgOfIntegersTest {
  private static final String SESSIONS = " FROM insights.sessions WHERE " + OwnSandbox.INSIGHTS_RANGE;
  private static final String ONE_TWO_TWO = " FROM (VALUES (1), (2), (2)) AS t(x)";
  private static Sandbox sandbox;
  private static Connection pushed;
  private static Connection unpushed;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(10, 5);
    pushed = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
    unpushed = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "pushdown=false");
  }

  @AfterAll
  static void stop() throws SQLException {
    pushed.close();
    unpushed.close();
    sandbox.close();
  }

  private static List<String> rows(String sql) throws SQLException {
    List<String> rows = DriverFixture.rows(pushed, sql);
    assertThat(DriverFixture.rows(unpushed, sql)).as(sql).isEqualTo(rows);
    return rows;
  }

  private static List<String> types(String sql) throws SQLException {
    try (PreparedStatement s = pushed.prepareStatement(sql)) {
      ResultSetMetaData md = s.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnTypeName(i) + "/" + md.getColumnType(i));
      }
      return out;
    }
  }

  @Test
  void averageOfABigintColumnKeepsItsFraction() throws SQLException {
    // 124211 ms over 4 sessions: 31052.75, not 31052; status codes 0, 0, 0 and 200
    assertThat(rows("SELECT COUNT(duration_ms), SUM(duration_ms), AVG(duration_ms),"
        + " AVG(CAST(duration_ms AS DOUBLE)), AVG(status_code), AVG(DISTINCT status_code)" + SESSIONS))
        .containsExactly("4; 124211; 31052.75; 31052.75; 50.0; 100.0");
  }

  @Test
  void groupedAndWindowedAveragesKeepTheirFraction() throws SQLException {
    assertThat(rows("SELECT agent_name, COUNT(*), SUM(duration_ms), AVG(duration_ms)" + SESSIONS
        + " GROUP BY agent_name ORDER BY agent_name"))
        .containsExactly("Bright Smile Dental; 1; 25782; 25782.0",
            "City Power Helpline 0199; 2; 48225; 24112.5", "Pizza Palace 0187; 1; 50204; 50204.0");
    assertThat(rows("SELECT agent_name, duration_ms, AVG(duration_ms) OVER (PARTITION BY agent_name)"
        + SESSIONS + " ORDER BY agent_name, duration_ms"))
        .containsExactly("Bright Smile Dental; 25782; 25782.0", "City Power Helpline 0199; 21514; 24112.5",
            "City Power Helpline 0199; 26711; 24112.5", "Pizza Palace 0187; 50204; 50204.0");
    assertThat(rows("SELECT x, AVG(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
        + " FROM (VALUES (1), (2), (2), (4)) AS t(x)"))
        .containsExactly("1; 1.0", "2; 1.5", "2; 1.6666666666666667", "4; 2.25");
  }

  @Test
  void everyWholeNumberTypeAveragesToADouble() throws SQLException {
    String sql = "SELECT AVG(CAST(x AS TINYINT)), AVG(CAST(x AS SMALLINT)), AVG(x), AVG(CAST(x AS BIGINT)),"
        + " STDDEV_SAMP(x), VAR_POP(x)" + ONE_TWO_TWO;
    assertThat(rows(sql)).containsExactly("1.6666666666666667; 1.6666666666666667; 1.6666666666666667;"
        + " 1.6666666666666667; 0.5773502691896255; 0.22222222222222202");
    assertThat(types(sql)).containsOnly("DOUBLE/" + Types.DOUBLE);
    assertThat(rows("SELECT AVG(x)" + ONE_TWO_TWO + " WHERE x > 5")).containsExactly("null");
  }

  @Test
  void averagesOfDecimalsAndDoublesKeepTheirType() throws SQLException {
    String sql = "SELECT AVG(CAST(x AS DECIMAL(5, 2))), AVG(CAST(x AS DOUBLE))" + ONE_TWO_TWO;
    assertThat(rows(sql)).containsExactly("1.66; 1.6666666666666667"); // a DECIMAL's cut to its scale
    assertThat(types(sql)).containsExactly("DECIMAL/" + Types.DECIMAL, "DOUBLE/" + Types.DOUBLE);
  }
}
