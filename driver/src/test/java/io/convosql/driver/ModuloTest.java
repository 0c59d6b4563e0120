package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code MOD} of a DOUBLE column ({@code insights.altered_parameters.audio_duration}) with a constant
 * or a {@code ?} bound with setInt or setDouble is the DOUBLE remainder with the sign of the
 * dividend, as MySQL's MOD. Before, {@code MOD(audio_duration, ?)} failed to prepare (42000 "Cannot
 * apply 'MOD' to arguments of type 'MOD(<DECIMAL(19, 15)>, <DOUBLE>)'"), and {@code MOD(audio_duration,
 * 2)} made the DOUBLE a DECIMAL(19, 15), which has room for four digits before the point.
 */
class ModuloTest {
  private static final String SESSION = "a0d10000-0000-4000-8000-000000000001";
  private static Sandbox sandbox;
  private static Connection pushed;
  private static Connection unpushed;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(10, 5);
    addDurations(sandbox, 7.5, -7.5, 12345.75, 2.0);
    pushed = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
    unpushed = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "pushdown=false");
  }

  @AfterAll
  static void stop() throws SQLException {
    pushed.close();
    unpushed.close();
    sandbox.close();
  }

  /**
   * A copy of a stored session whose first node records parameters p1, p2, … altered, with these
   * recording lengths ({@code audio_duration}, which the generator never writes).
   */
  private static void addDurations(Sandbox sandbox, double... durations) {
    List<ObjectNode> stored = sandbox.insights().data().documents();
    ObjectNode copy = stored.get(stored.size() - 1).deepCopy(); // the latest, inside INSIGHTS_RANGE
    String start = copy.get("session_start_time").asText();
    copy.put("id", SESSION);
    copy.put("session_start_time", start.substring(0, 17) + (start.charAt(17) == '5' ? "0" : "5")
        + start.substring(18)); // five seconds apart from the session it copies
    ObjectNode context = (ObjectNode) copy.withArray("flow_path").get(0).get("context");
    ArrayNode altered = context.putArray("altered_parameters");
    for (int i = 0; i < durations.length; i++) {
      altered.addObject().put("alteration_source", "completed").put("name", "p" + (i + 1))
          .put("entity", "number").put("value", "v").put("value_text", "v")
          .put("audio_url", "a.mp3").put("audio_duration", durations[i]);
    }
    sandbox.insights().data().add(copy);
  }

  private static List<String> rows(String select, Object... values) throws SQLException {
    String sql = select + " FROM insights.altered_parameters WHERE " + OwnSandbox.INSIGHTS_RANGE
        + " AND session_id = '" + SESSION + "' ORDER BY name";
    List<String> rows = DriverFixture.rows(pushed, sql, values);
    assertThat(DriverFixture.rows(unpushed, sql, values)).as(sql).isEqualTo(rows);
    return rows;
  }

  @Test
  void modOfADoubleColumnIsTheDoubleRemainder() throws SQLException {
    assertThat(rows("SELECT name, audio_duration, MOD(audio_duration, 2), {fn MOD(audio_duration, 2)},"
        + " MOD(audio_duration, 2.5), MOD(100, audio_duration)"))
        .containsExactly("address; null; null; null; null; null", // the copied session's own: NULL
            "p1; 7.5; 1.5; 1.5; 0.0; 2.5", "p2; -7.5; -1.5; -1.5; -0.0; 2.5",
            "p3; 12345.75; 1.75; 1.75; 0.75; 100.0", "p4; 2.0; 0.0; 0.0; 2.0; 0.0");
  }

  /**
   * {@code %} is MOD: of a DOUBLE, the DOUBLE remainder. Before, it stayed Calcite's, which cast the
   * DOUBLE to a DECIMAL(19, 15): 12345.75 % 2 failed with 22003 ("cannot be represented as a
   * DECIMAL(19, 15)"), and {@code audio_duration % ?} did not prepare.
   */
  @Test
  void percentOfADoubleIsTheDoubleRemainderAsMod() throws SQLException {
    assertThat(rows("SELECT name, audio_duration % 2, audio_duration % 2.5, 100 % audio_duration,"
        + " audio_duration % ?", 4))
        .containsExactly("address; null; null; null; null",
            "p1; 1.5; 0.0; 2.5; 3.5", "p2; -1.5; -0.0; 2.5; -3.5",
            "p3; 1.75; 0.75; 100.0; 1.75", "p4; 0.0; 2.0; 0.0; 2.0");
    assertThat(DriverFixture.rows(pushed, "SELECT CAST(1e300 AS DOUBLE) % 7, 7 % 3, -7 % 3, 7.5 % 2"))
        .containsExactly("1.0; 1; -1; 1.5"); // 1e300 % 7 exact, as fmod; whole numbers as before
    SQLException e = OwnSandbox.run(pushed, "SELECT audio_duration % 0 FROM insights.altered_parameters"
        + " WHERE " + OwnSandbox.INSIGHTS_RANGE + " AND session_id = '" + SESSION + "'").failure();
    assertThat(e.getSQLState()).isEqualTo("22012");
  }

  /**
   * {@code MOD(NULL, NULL)}, in every spelling, is NULL, as PostgreSQL's: before, 0A000 "MOD is not
   * supported here", while {@code MOD(NULL, 2)} was NULL already.
   */
  @Test
  void modOfTwoNullsIsNull() throws SQLException {
    String sql = "SELECT MOD(NULL, NULL), NULL % NULL, {fn MOD(NULL, NULL)}, MOD(NULL, 0), MOD(NULL, 2),"
        + " MOD(CAST(NULL AS DOUBLE), NULL) FROM insights.altered_parameters WHERE " + OwnSandbox.INSIGHTS_RANGE
        + " AND session_id = '" + SESSION + "' AND name = 'p1'";
    assertThat(DriverFixture.rows(pushed, sql)).containsExactly("null; null; null; null; null; null");
    assertThat(DriverFixture.rows(unpushed, sql)).containsExactly("null; null; null; null; null; null");
    try (PreparedStatement s = pushed.prepareStatement("SELECT MOD(NULL, NULL)")) {
      assertThat(s.getMetaData().getColumnTypeName(1)).isEqualTo("INTEGER");
    }
  }

  @Test
  void modOfADoubleColumnTakesABoundDivisor() throws SQLException {
    String sql = "SELECT name, MOD(audio_duration, ?) FROM insights.altered_parameters WHERE "
        + OwnSandbox.INSIGHTS_RANGE + " AND session_id = '" + SESSION + "' AND MOD(audio_duration, ?) <> 0"
        + " ORDER BY name";
    for (Object[] bound : new Object[][] {{4, 4}, {4.0, 4.0}}) {
      List<String> got = new ArrayList<>();
      for (Connection c : List.of(pushed, unpushed)) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          if (bound[0] instanceof Integer) {
            s.setInt(1, 4);
            s.setInt(2, 4);
          } else {
            s.setDouble(1, 4.0);
            s.setDouble(2, 4.0);
          }
          List<String> rows = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("DOUBLE");
            while (rs.next()) {
              rows.add(rs.getString(1) + "; " + rs.getDouble(2));
            }
          }
          got.addAll(rows);
          assertThat(rows).as("bound %s", bound[0].getClass().getSimpleName())
              .containsExactly("p1; 3.5", "p2; -3.5", "p3; 1.75", "p4; 2.0");
        }
      }
      assertThat(got).hasSize(8);
    }
  }

  @Test
  void modByZeroOfADoubleIsADivisionByZero() {
    SQLException e = OwnSandbox.run(pushed, "SELECT MOD(audio_duration, 0) FROM insights.altered_parameters"
        + " WHERE " + OwnSandbox.INSIGHTS_RANGE + " AND session_id = '" + SESSION + "'").failure();
    assertThat((Object) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("22012");
    assertThat(e.getMessage()).isEqualTo("Division by zero (Division by zero: MOD(7.5, 0))");
  }

  @Test
  void modOfWholeNumbersAndDecimalsIsAsBefore() throws SQLException {
    assertThat(DriverFixture.rows(pushed, "SELECT MOD(7, 3), MOD(-7, 3), MOD(7.5, 2), MOD(CAST(7 AS BIGINT), ?)", 4))
        .containsExactly("1; -1; 1.5; 3");
  }

  /**
   * {@code x % y} is {@code MOD(x, y)}, as in MySQL: of a DOUBLE it was Calcite's remainder of whole
   * numbers and decimals, which made {@code audio_duration % 2} a DECIMAL(19, 15) (1.500000000000000)
   * and failed with 22003 for 10000 or more, where {@code MOD(audio_duration, 2)} gave 1.5.
   */
  @Test
  void percentOfADoubleIsItsMod() throws SQLException {
    assertThat(rows("SELECT name, audio_duration % 2, audio_duration % ?", 4))
        .isEqualTo(rows("SELECT name, MOD(audio_duration, 2), MOD(audio_duration, ?)", 4))
        .contains("p3; 1.75; 1.75");
    List<String> typed = new ArrayList<>();
    try (PreparedStatement s = pushed.prepareStatement("SELECT 7.5e0 % 2, -7.5e0 % 2, 7 % 3, -7 % 3, 7.5 % 2")) {
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        for (int i = 1; i <= 5; i++) {
          typed.add(rs.getMetaData().getColumnTypeName(i) + " " + rs.getString(i));
        }
      }
    }
    assertThat(typed).containsExactly("DOUBLE 1.5", "DOUBLE -1.5", "INTEGER 1", "INTEGER -1", "DECIMAL 1.5");
    SQLException e = OwnSandbox.run(pushed, "SELECT 7.5e0 % 0").failure();
    assertThat((Object) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("22012");
  }
}
