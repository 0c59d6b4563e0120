package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's {@code text}, as in {@code x::text} and {@code CAST(x AS TEXT)}, is VARCHAR; before,
 * 42000 "Unknown identifier 'text'".
 */
class TextTypeTest {
  @Test
  void textIsVarchar() throws SQLException {
    for (String lex : new String[] {"lex=MYSQL_ANSI", "lex=JAVA"}) {
      try (Connection c = DriverFixture.connect(lex)) {
        assertThat(DriverFixture.rows(c, "SELECT 7::text, CAST(7 AS TEXT), NULL::text, 'a'::TEXT || 'b',"
            + " CAST(DATE '2025-08-10' AS text), CHAR_LENGTH(12.5::text)"))
            .as(lex).containsExactly("7; 7; null; ab; 2025-08-10; 4");
        assertThat(DriverFixture.rows(c, "SELECT name FROM pathsim.workspaces WHERE name::text = 'Staging'"))
            .as(lex).containsExactly("Staging");
        try (PreparedStatement s = c.prepareStatement("SELECT 7::text")) {
          assertThat(s.getMetaData().getColumnTypeName(1)).isEqualTo("VARCHAR");
        }
      }
    }
  }
}
