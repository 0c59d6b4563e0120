package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's {@code LEFT(s, n)} and {@code RIGHT(s, n)} with a negative n: all but the last (first)
 * |n| characters. Before, both gave {@code ''} for any negative n.
 */
class LeftRightTest {
  @Test
  void aNegativeCountLeavesOutThatManyCharactersFromTheOtherEnd() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT LEFT('Hello World', -2), RIGHT('Hello World', -2), LEFT('ab', -5),"
          + " RIGHT('ab', -2), LEFT('abc', 2), RIGHT('abc', 2), LEFT('abc', 0), LEFT('abc', NULL), RIGHT(NULL, -1)"))
          .containsExactly("Hello Wor; llo World; ; ; ab; bc; ; null; null");
      assertThat(DriverFixture.rows(c, "SELECT LEFT(name, -8), right(name, -3), LEFT(name, CHAR_LENGTH(name) - 10)"
          + " FROM pathsim.workspaces WHERE name = 'Production Workspace'"))
          .containsExactly("Production W; duction Workspace; Production");
      assertThat(DriverFixture.rows(c, "SELECT LEFT(?, ?), RIGHT('abcdef', ?)", "abcdef", -1, -4))
          .containsExactly("abcde; ef");
    }
  }

  /** MySQL's reading stays where MySQL's functions are asked for, and in JDBC's escape. */
  @Test
  void otherFunctionsAndTheEscapeKeepCalcitesEmptyText() throws SQLException {
    try (Connection mysql = DriverFixture.connect("fun=mysql")) {
      assertThat(DriverFixture.rows(mysql, "SELECT '|' || LEFT('abc', -1) || '|'")).containsExactly("||");
    }
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT '|' || {fn LEFT('abc', -1)} || '|'")).containsExactly("||");
    }
  }
}
