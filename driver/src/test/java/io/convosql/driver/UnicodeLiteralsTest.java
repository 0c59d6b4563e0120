package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * {@code U&'…'} literals compare with columns as the text they stand for (Calcite's UTF-16 reading
 * failed every comparison with a charset error), and nothing else in a statement is touched.
 */
class UnicodeLiteralsTest {
  @Test
  void escapesAreReadAsTheCharactersTheyName() {
    assertRewritten("SELECT U&'Sta\\0067ing'", "SELECT 'Staging'", "");
    assertRewritten("SELECT u&'Gr\\00FC\\00DFe \\+01F600'", "SELECT 'Grüße 😀'", "");
    assertRewritten("SELECT U&'d!0061t!+000061' UESCAPE '!', 1", "SELECT 'data'", ", 1");
    // beyond the first 65,536 characters as PostgreSQL also takes it: one escape per half
    assertRewritten("SELECT U&'\\D83D\\DE00!'", "SELECT '😀!'", "");
    assertRewritten("SELECT U&'it''s \\\\ \\0027'", "SELECT 'it''s \\ '''", "");
  }

  /** The rewrite is {@code head}, spaces to the original's length, then {@code tail}. */
  private static void assertRewritten(String sql, String head, String tail) {
    assertThat(UnicodeLiterals.rewrite(sql)).as(sql)
        .isEqualTo(head + " ".repeat(sql.length() - head.length() - tail.length()) + tail);
  }

  @Test
  void otherTextAndMalformedLiteralsStayAsWritten() {
    for (String sql : new String[] {"SELECT 'U&''x'''", "SELECT \"U&'x'\"", "SELECT 1 -- U&'\\0041'",
        "SELECT MU&'x'", "SELECT U&'\\00G1'", "SELECT U&'\\D800'", "SELECT U&'\\D83Dx'",
        "SELECT U&'\\DE00'", "SELECT U&'\\0000'", "SELECT U&'a\\b' UESCAPE '+'",
        "SELECT U&'a!0041' UESCAPE 'A'", "SELECT U&'unclosed"}) {
      assertThat(UnicodeLiterals.rewrite(sql)).as(sql).isEqualTo(sql);
    }
  }

  @Test
  void aUnicodeLiteralFindsTheRow() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT name FROM pathsim.workspaces WHERE name = U&'Sta\\0067ing'"))
          .containsExactly("Staging");
      assertThat(DriverFixture.rows(c, "SELECT U&'\\00C4' ILIKE 'ä', CHAR_LENGTH(U&'caf\\00E9')"))
          .containsExactly("true; 4");
    }
  }
}
