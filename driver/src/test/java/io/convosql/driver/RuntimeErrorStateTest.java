package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Failures met while a statement runs carry a SQLState as the README's Errors table lists them, in
 * one line: a value that cannot be converted 22018, a division by zero 22012 (the same on every run,
 * though Calcite computes the constant {@code 1/0} once, in a generated class the plan cache kept),
 * a value of the wrong class 22000 (naming the classes, not the cast's text about modules), an
 * unbound parameter 07001, an unknown column label 42000, a closed result set HY010.
 */
class RuntimeErrorStateTest {
  private static SQLException failure(Connection c, String sql) {
    return (SQLException) DriverFixture.queryFailure(c, sql);
  }

  private static void assertState(SQLException e, String state, String message) {
    assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state);
    assertThat((Throwable) e).hasMessage(message);
  }

  @Test
  void dataErrorsAre22xxxOnEveryRun() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      for (int run = 0; run < 2; run++) {
        SQLException cast = failure(c, "SELECT CAST(name AS INTEGER) FROM pathsim.workspaces");
        assertThat((Throwable) cast).isInstanceOf(SQLDataException.class);
        assertState(cast, "22018", "A value is not a number (For input string: \""
            + DriverFixture.data().workspaces().get(0).name() + "\"): compare and bind numbers as numbers");
        assertState(failure(c, "SELECT 1 / 0 FROM pathsim.workspaces"), "22012", "Division by zero (/ by zero)");
        assertState(failure(c, "SELECT CHAR_LENGTH(name) / 0 FROM pathsim.workspaces"), "22012",
            "Division by zero (/ by zero)");
      }
    }
  }

  @Test
  void aValueOfTheWrongClassIsNamedWithoutTheCastsText() throws SQLException {
    try (Connection c = DriverFixture.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM pathsim.workspaces WHERE CAST(name AS VARBINARY) = ?")) {
      ps.setObject(1, "Staging"); // VARBINARY parameters are bound as given
      assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLDataException.class)
          .hasMessage("A value has the wrong type for its use (String given, ByteString needed): bind"
              + " parameters with the setter of their SQL type")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22000");
    }
    // a TIME parameter was this test's example until text bound to one became a time of day
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces WHERE CAST(created_at AS TIME) > ?"
          + " OR CAST(created_at AS TIME) <= ?", "10:00:00", "10:00:00"))
          .containsExactly(String.valueOf(DriverFixture.data().workspaces().size()));
    }
  }

  @Test
  void convertToATypeIs42000SayingToCast() throws SQLException {
    // CONVERT(x, name) is Calcite's charset conversion; MySQL's CONVERT(x, SIGNED) failed with HY000 "SIGNED"
    try (Connection c = DriverFixture.connect()) {
      assertState(failure(c, "SELECT CONVERT('1', INTEGER)"), "42000", "INTEGER is not a character set:"
          + " CONVERT(x, charset) and CONVERT(x USING charset) convert text from one character set to"
          + " another (UTF8, LATIN1, ...). To change a value's type write CAST(x AS INTEGER)");
      assertState(failure(c, "SELECT CONVERT(name, SIGNED) FROM pathsim.workspaces"), "42000",
          "SIGNED is not a character set: CONVERT(x, charset) and CONVERT(x USING charset) convert text"
          + " from one character set to another (UTF8, LATIN1, ...). To change a value's type write"
          + " CAST(x AS type), as in CAST(x AS BIGINT)");
      // a misspelt character set gets the same words, which fit it too
      assertThat(failure(c, "SELECT CONVERT('a' USING LATN1)").getMessage())
          .startsWith("LATN1 is not a character set: ");
    }
  }

  @Test
  void misuseHasItsState() throws SQLException {
    try (Connection c = DriverFixture.connect();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM pathsim.workspaces WHERE id = ?")) {
      assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
          .hasMessage("A parameter has no value: bind every ? before executing")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07001");
      assertThatThrownBy(() -> ps.setString(2, "x"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
      try (Statement s = c.createStatement()) {
        ResultSet rs = s.executeQuery("SELECT id FROM pathsim.workspaces");
        assertThat(rs.next()).isTrue();
        assertThatThrownBy(() -> rs.getString("nope"))
            .hasMessage("column 'nope' not found: the result set has no column of that label")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
        rs.close();
        assertThatThrownBy(rs::next)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HY010");
      }
    }
  }
}
