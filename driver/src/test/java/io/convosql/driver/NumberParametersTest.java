package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code ?} where a function takes only a number that counts or places, SUBSTRING's start, LPAD's
 * length, ROUND's digits, TIMESTAMPADD's count, is INTEGER: before, it took the type of the text or
 * unit beside it and failed to prepare ("Cannot apply 'SUBSTRING' to arguments of type
 * 'SUBSTRING(<VARCHAR> FROM <VARCHAR>)'", "'TIMESTAMPADD(<INTERVAL DAY>, <INTERVAL DAY>, ...)'").
 */
class NumberParametersTest {
  private static final String WORKSPACES = " FROM pathsim.workspaces ORDER BY name";
  private static final String SESSIONS = " FROM pathsim.sessions ORDER BY id";
  /** Each form with a number ?, and how many ?s it has; each ? is 3 in the literal form. */
  private static final List<String> FORMS = List.of(
      "SELECT name, SUBSTRING(name, ?)" + WORKSPACES,
      "SELECT name, SUBSTRING(name FROM ? FOR ?)" + WORKSPACES,
      "SELECT name, LPAD(name, ?), LPAD(name, ?, '*'), RPAD(name, ?)" + WORKSPACES,
      "SELECT LEFT('abcd', ?), RIGHT('abcd', ?), {fn LEFT('abcd', ?)}, REPEAT('ab', ?)",
      "SELECT name, RIGHT(name, ?), REPEAT(name, ?), LEFT(name, ?)" + WORKSPACES,
      "SELECT name, SPLIT_PART(name, ' ', ?), SPLIT_PART('a-b-c-d', '-', ?)" + WORKSPACES,
      "SELECT ROUND(1.23456, ?), TRUNCATE(1.23456, ?), {fn ROUND(1.23456, ?)}",
      "SELECT id, ROUND(duration_seconds / 7.0, ?), ROUND(CAST(duration_seconds AS DOUBLE) / 7, ?)" + SESSIONS,
      "SELECT name, LOCATE('a', name, ?), POSITION('a' IN name FROM ?)" + WORKSPACES,
      "SELECT id, MOD(duration_seconds, ?), MOD(17, ?)" + SESSIONS,
      "SELECT id, TIMESTAMPADD(DAY, ?, started_at), TIMESTAMPADD(HOUR, ?, started_at)" + SESSIONS,
      "SELECT name, OVERLAY(name PLACING '*' FROM ?), SUBSTRING('abcdef', ?, ?)" + WORKSPACES,
      "SELECT '[' || SPACE(?) || ']', ASCII(CHR(?)), {fn SUBSTRING('abcdef', ?)}");

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

  @Test
  void aNumberParameterGivesTheRowsOfTheLiteralBoundAsIntLongOrText() throws SQLException {
    for (String sql : FORMS) {
      List<String> literal = DriverFixture.rows(connection, sql.replace("?", "3"));
      assertThat(literal).as(sql).isNotEmpty();
      try (PreparedStatement s = connection.prepareStatement(sql)) {
        int n = s.getParameterMetaData().getParameterCount();
        for (int i = 1; i <= n; i++) {
          s.setInt(i, 3);
        }
        assertThat(read(s)).as(sql + " setInt").isEqualTo(literal);
        for (int i = 1; i <= n; i++) {
          s.setLong(i, 3L);
        }
        assertThat(read(s)).as(sql + " setLong").isEqualTo(literal);
        for (int i = 1; i <= n; i++) {
          s.setString(i, "3"); // as MySQL reads it
        }
        assertThat(read(s)).as(sql + " setString").isEqualTo(literal);
      }
    }
    // what the literal forms give, so that the comparison above compares something
    assertThat(DriverFixture.rows(connection, "SELECT SUBSTRING('Staging' FROM ? FOR ?), LPAD('ab', ?, '*'),"
        + " ROUND(1.23456, ?), SPLIT_PART('a-b-c-d', '-', ?), TIMESTAMPADD(DAY, ?, TIMESTAMP '2025-01-30 10:00:00')",
        3, 3, 3, 3, 3, 3)).containsExactly("agi; *ab; 1.23500; c; 2025-02-02 10:00:00");
  }

  @Test
  void theParameterIsAnInteger() throws SQLException {
    for (String sql : FORMS) {
      try (PreparedStatement s = connection.prepareStatement(sql)) {
        ParameterMetaData md = s.getParameterMetaData();
        assertThat(md.getParameterCount()).as(sql).isPositive();
        for (int i = 1; i <= md.getParameterCount(); i++) {
          assertThat(md.getParameterType(i)).as(sql + " ?" + i).isEqualTo(Types.INTEGER);
          assertThat(md.getParameterClassName(i)).as(sql + " ?" + i).isEqualTo(Integer.class.getName());
        }
      }
    }
    // beside a ? only text fills, each is typed as its place asks
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT SUBSTRING(? FROM ? FOR ?), LPAD(?, ?), CONCAT(?, ?)")) {
      ParameterMetaData md = s.getParameterMetaData();
      List<Integer> types = new ArrayList<>();
      for (int i = 1; i <= md.getParameterCount(); i++) {
        types.add(md.getParameterType(i));
      }
      assertThat(types).containsExactly(Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR,
          Types.INTEGER, Types.VARCHAR, Types.VARCHAR);
      for (Object[] bind : new Object[][] {{1, "abcdef"}, {2, 2}, {3, 3}, {4, "ab"}, {5, 4}, {6, "x"}, {7, "y"}}) {
        s.setObject((Integer) bind[0], bind[1]);
      }
      assertThat(read(s)).containsExactly("bcd;   ab; xy");
    }
    assertThat(DriverFixture.rows(connection, "SELECT CONCAT(?, ?), CONCAT(?, ?, ?)", "a", "b", "c", "d", "e"))
        .containsExactly("ab; cde");
  }

  @Test
  void aNullBoundGivesNull() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT SUBSTRING(name, ?), LPAD(name, ?, '*'),"
        + " ROUND(1.55, ?), TIMESTAMPADD(DAY, ?, TIMESTAMP '2025-01-01 00:00:00'), LEFT('abc', ?)"
        + " FROM pathsim.workspaces WHERE name = 'Staging'")) {
      s.setNull(1, Types.INTEGER);
      s.setObject(2, null);
      s.setNull(3, Types.INTEGER);
      s.setNull(4, Types.BIGINT);
      s.setNull(5, Types.VARCHAR);
      assertThat(read(s)).containsExactly("null; null; null; null; null");
    }
  }

  @Test
  void aWhereWithANumberParameterFiltersAsTheLiteralPushedOrNot() throws SQLException {
    for (String sql : List.of(
        "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMPADD(DAY, ?, TIMESTAMP '2025-08-01 00:00:00') ORDER BY id",
        "SELECT id FROM pathsim.sessions WHERE SUBSTRING(test_type, ?) = 'ice' ORDER BY id",
        "SELECT id FROM pathsim.sessions WHERE LPAD(test_type, ?) = 'Voi' ORDER BY id")) {
      List<String> pushed = DriverFixture.rows(connection, sql, 3);
      assertThat(pushed).as(sql).isNotEmpty().isEqualTo(DriverFixture.rows(unpushed, sql, 3))
          .isEqualTo(DriverFixture.rows(connection, sql.replace("?", "3")));
      assertThat(pushed.size()).as(sql).isLessThan(DriverFixture.rows(connection,
          sql.replaceAll("WHERE .*? (AND|ORDER)", "WHERE TRUE $1")).size());
    }
  }

  @Test
  void aNumberThatMakesTheCallsOwnTypeStillAsksForACast() {
    // ABS(?) and MOD(?, ?) would be as precise as the number bound, so INTEGER could lose a fraction
    for (String sql : List.of("SELECT ABS(?)", "SELECT SQRT(?)", "SELECT MOD(?, ?)", "SELECT ROUND(?)")) {
      SQLException e = OwnSandbox.run(connection, sql).failure();
      assertThat(e.getSQLState()).as(sql).isEqualTo("42000");
      assertThat(e.getMessage()).as(sql).contains("nothing around this ? gives it a type");
    }
  }

  @Test
  void anEscapeFunctionWithTooFewArgumentsFailsAsTheFunctionDoes() {
    // before: Calcite's AssertionError, no SQLException
    SQLException e = OwnSandbox.run(connection, "SELECT {fn SUBSTRING('abc')}").failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).contains("Invalid number of arguments to function 'SUBSTRING'. Was expecting 2 arguments");
    e = OwnSandbox.run(connection, "SELECT {fn LEFT('abc', 1, 2)}").failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).contains("Invalid number of arguments to function 'LEFT'. Was expecting 2 arguments");
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
