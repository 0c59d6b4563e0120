package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code ?} that only text can fill, an operand of UPPER, TRIM, CHAR_LENGTH, SUBSTRING, LPAD and
 * the like, is VARCHAR, as PostgreSQL and MySQL read it: before, each failed to prepare with
 * "Illegal use of dynamic parameter" or took the type of a number beside it
 * ({@code SUBSTRING(? FROM 2)}: "Cannot apply 'SUBSTRING' to arguments of type
 * 'SUBSTRING(<INTEGER> FROM <INTEGER>)'").
 */
class TextParametersTest {
  private static PushdownPair pair;
  private static Connection connection;
  private static Connection unpushed;

  @BeforeAll
  static void open() throws SQLException {
    pair = PushdownPair.start(20, 2);
    connection = pair.pushed;
    unpushed = pair.unpushed;
  }

  @AfterAll
  static void close() throws SQLException {
    pair.close();
  }

  private static List<String> rows(String sql, Object... parameters) throws SQLException {
    return DriverFixture.rows(connection, sql, parameters);
  }

  @Test
  void aParameterOfATextFunctionIsText() throws SQLException {
    assertThat(rows("SELECT UPPER(?), LOWER(?), INITCAP(?), TRIM(?), CHAR_LENGTH(?),"
        + " CHARACTER_LENGTH(?), LENGTH(?), REVERSE(?), ASCII(?)",
        "aBc", "aBc", "hello world", "  x  ", "abcd", "abc", "ab", "abc", "A"))
        .containsExactly("ABC; abc; Hello World; x; 4; 3; 2; cba; 65");
    assertThat(rows("SELECT SUBSTRING(? FROM 2), SUBSTRING(? FROM 2 FOR 1), SUBSTRING(?, 2),"
        + " POSITION(? IN ?), TRIM(BOTH ? FROM 'xxaxx'), TRIM(LEADING 'x' FROM ?)",
        "aBc", "aBc", "aBc", "B", "aBc", "x", "xxa"))
        .containsExactly("Bc; B; Bc; 2; a; a");
    assertThat(rows("SELECT LPAD(?, 5, '*'), RPAD(?, 4), LEFT(?, 2), RIGHT(?, 2), REPEAT(?, 3),"
        + " REPLACE(?, ?, ?), ? || ?, CONCAT(?, 'q')",
        "ab", "ab", "abc", "abc", "ab", "banana", "a", "o", "x", "y", "p"))
        .containsExactly("***ab; ab  ; ab; bc; ababab; bonono; xy; pq");
    // JDBC's escape functions, and a ? inside a call inside a comparison
    assertThat(rows("SELECT {fn UCASE(?)}, {fn LENGTH(?)}, UPPER(?) = 'AB', UPPER(?) || ?",
        "ab", "abc", "ab", "ab", "!")).containsExactly("AB; 3; true; AB!");
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT UPPER(?), SUBSTRING(? FROM 2), CHAR_LENGTH(?)")) {
      ParameterMetaData md = s.getParameterMetaData();
      for (int i = 1; i <= 3; i++) {
        assertThat(md.getParameterType(i)).isEqualTo(Types.VARCHAR);
        assertThat(md.getParameterClassName(i)).isEqualTo(String.class.getName());
      }
    }
  }

  @Test
  void whatIsBoundIsReadAsText() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT UPPER(?), CHAR_LENGTH(?)")) {
      s.setString(1, "ab");
      s.setString(2, "abc");
      assertThat(read(s)).containsExactly("AB; 3");
      s.setObject(1, "cd"); // and the second run comes from the plan cache
      s.setObject(2, "");
      assertThat(read(s)).containsExactly("CD; 0");
      s.setInt(1, 42); // a number is its text, as MySQL reads UPPER(42)
      s.setLong(2, 12345L);
      assertThat(read(s)).containsExactly("42; 5");
      s.setNull(1, Types.VARCHAR);
      s.setObject(2, null);
      assertThat(read(s)).containsExactly("null; null");
    }
  }

  /**
   * Each {@code ?} of a chain of {@code ||} is text, however long the chain: before, a {@code ?}
   * beside a call that had a {@code ?} of its own failed ("nothing around this ? gives it a type"),
   * so {@code ? || ? || ?} ran and {@code ? || ? || ? || ?}, {@code UPPER(?) || ? || ?} and
   * {@code name || ? || ?} did not.
   */
  @Test
  void everyParameterOfAChainOfConcatenationsIsText() throws SQLException {
    assertThat(rows("SELECT ? || ? || ? || ?, UPPER(?) || ? || ?, ((? || ?) || ?) || ?",
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")).containsExactly("abcd; Efg; hijk");
    assertThat(rows("SELECT name || ? || ?, ? || name || ? FROM pathsim.workspaces WHERE name = 'Staging'",
        "-", "x", "<", ">")).containsExactly("Staging-x; <Staging>");
    try (PreparedStatement s = connection.prepareStatement("SELECT name || ? || ? FROM pathsim.workspaces")) {
      ParameterMetaData md = s.getParameterMetaData();
      assertThat(List.of(md.getParameterType(1), md.getParameterType(2))).containsExactly(Types.VARCHAR, Types.VARCHAR);
    }
  }

  /**
   * A {@code ?} before IN takes the type of the list's values, as {@code ? = name} takes the
   * column's: before, {@code ? IN (1, 2)} and {@code ? IN (UPPER(name))} failed with HY000 "Error
   * while preparing statement" and no cause (Calcite asked the list itself for a type). A list of
   * only {@code ?}s gives none, and fails as {@code SELECT ?} does.
   */
  @Test
  void aParameterBeforeInTakesTheTypeOfTheList() throws SQLException {
    assertThat(rows("SELECT ? IN (1, 2), ? IN ('a', 'bc'), ? NOT IN (3)", 2, "bc", 3))
        .containsExactly("true; true; false");
    String sql = "SELECT name FROM pathsim.workspaces WHERE ? IN (UPPER(name), LOWER(name)) ORDER BY name";
    assertThat(rows(sql, "STAGING")).containsExactly("Staging");
    assertThat(DriverFixture.rows(unpushed, sql, "staging")).isEqualTo(rows(sql, "staging")).containsExactly("Staging");
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      assertThat(s.getParameterMetaData().getParameterType(1)).isEqualTo(Types.VARCHAR);
    }
    SQLException e = OwnSandbox.run(connection, "SELECT ? IN (?, ?)").failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).contains("nothing around this ? gives it a type");
  }

  /**
   * A {@code ?} in ORDER BY is typed as one in the select list is: before, Calcite typed none there,
   * so {@code ORDER BY POSITION(? IN name)} and {@code ORDER BY name || ?} failed ("Cannot apply
   * 'POSITION' to arguments of type 'POSITION(<UNKNOWN> IN <VARCHAR>)'") and
   * {@code ORDER BY name = ? DESC}, a chosen row first, with HY000 and no cause.
   */
  @Test
  void aParameterInOrderByIsTypedAsInTheSelectList() throws SQLException {
    assertThat(rows("SELECT name FROM pathsim.workspaces ORDER BY name = ? DESC, name", "Staging"))
        .containsExactly("Staging", "Legacy IVR", "Production Workspace", "QA Regression", "Sales Demos");
    assertThat(rows("SELECT name FROM pathsim.workspaces ORDER BY POSITION(? IN name) DESC NULLS LAST, name",
        "g")).containsExactly("QA Regression", "Staging", "Legacy IVR", "Production Workspace", "Sales Demos");
    assertThat(rows("SELECT name AS n FROM pathsim.workspaces ORDER BY UPPER(?) || n LIMIT 1", "x"))
        .containsExactly("Legacy IVR");
    SQLException e = OwnSandbox.run(connection, "SELECT name FROM pathsim.workspaces ORDER BY ?").failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).contains("nothing around this ? gives it a type");
  }

  /**
   * A date or time bound to a text parameter is the text its SQL literal shows, as MySQL reads it:
   * before, setTimestamp gave the milliseconds since 1970 ({@code 1735725600000}), setDate the days
   * ({@code 20089}) and setTime the milliseconds of the day, and a LocalDateTime its ISO text without
   * the seconds ({@code 2025-01-01T10:00}).
   */
  @Test
  void aDateOrTimeBoundToATextParameterIsItsSqlText() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT UPPER(?), 'day ' || ?, LOWER(?), TRIM(?), TRIM(?), CHAR_LENGTH(?)")) {
      s.setTimestamp(1, Timestamp.valueOf("2025-01-01 10:00:00"));
      s.setDate(2, Date.valueOf("2025-01-01"));
      s.setTime(3, Time.valueOf("10:15:00"));
      s.setObject(4, LocalDateTime.of(2025, 1, 1, 10, 0));
      s.setTimestamp(5, Timestamp.valueOf("2025-01-01 10:00:00.25"));
      s.setObject(6, LocalTime.of(10, 15));
      assertThat(read(s)).containsExactly(
          "2025-01-01 10:00:00; day 2025-01-01; 10:15:00; 2025-01-01 10:00:00; 2025-01-01 10:00:00.25; 8");
    }
    // the same where a column gives the ? its type: name = ? compares with that text
    assertThat(rows("SELECT name FROM pathsim.workspaces WHERE ? = CAST(DATE '2025-01-01' AS VARCHAR)"
        + " AND name = 'Staging'", Date.valueOf("2025-01-01"))).containsExactly("Staging");
  }

  @Test
  void aTextFunctionOfAParameterFiltersAsTheValueItGivesPushedOrNot() throws SQLException {
    String pathsim = "SELECT id, test_type FROM pathsim.sessions WHERE test_type = INITCAP(?) ORDER BY id";
    String insights = "SELECT id, channel FROM insights.sessions WHERE channel = LOWER(TRIM(?)) AND "
        + OwnSandbox.INSIGHTS_RANGE + " ORDER BY id";
    String insightsLike = "SELECT id FROM insights.sessions WHERE channel LIKE UPPER(?) AND "
        + OwnSandbox.INSIGHTS_RANGE + " ORDER BY id";
    for (String[] q : new String[][] {{pathsim, "VOICE", "Voice"}, {insights, " Voice ", "voice"},
        {insightsLike, "v%", null}}) {
      List<String> pushed = DriverFixture.rows(connection, q[0], q[1]);
      assertThat(DriverFixture.rows(unpushed, q[0], q[1])).as(q[0]).isEqualTo(pushed);
      if (q[2] != null) { // the same rows as the value the function gives, bound as it is
        assertThat(pushed).as(q[0]).isNotEmpty()
            .isEqualTo(DriverFixture.rows(connection, q[0].replaceAll("(INITCAP|LOWER)\\(.*?\\)+", "?"), q[2]));
      } else { // LIKE 'V%': channels are lower case
        assertThat(pushed).isEmpty();
      }
    }
    // the function of the ? is evaluated here, before the rows are requested, never sent as type=
    String plan = String.join("\n", DriverFixture.rows(connection, "EXPLAIN PLAN FOR " + pathsim, "VOICE"));
    assertThat(plan).contains("before row requests=[=(test_type, INITCAP(?0))]",
        "GET /workspaces/{each workspace}/sessions?limit=100&offset=0").doesNotContain("type=?0");
  }

  @Test
  void aParameterNothingFixesStillAsksForACast() {
    // a ? alone, beside another ? in a function taking any type, or where numbers of any kind fit and
    // make the call's type (SUBSTRING(? FROM ?), whose number places, is text and INTEGER: NumberParametersTest)
    for (String sql : List.of("SELECT ? AS tag FROM pathsim.workspaces", "SELECT COALESCE(?, ?)",
        "SELECT MOD(?, ?)")) {
      SQLException e = OwnSandbox.run(connection, sql).failure();
      assertThat(e.getSQLState()).as(sql).isEqualTo("42000");
      assertThat(e.getMessage()).as(sql).contains("Illegal use of dynamic parameter: nothing around"
          + " this ? gives it a type; write CAST(? AS VARCHAR), or the type you bind");
    }
  }

  private static List<String> read(PreparedStatement s) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          b.append(i > 1 ? "; " : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
