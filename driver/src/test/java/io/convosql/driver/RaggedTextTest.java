package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strings of different lengths that meet in one value (CASE branches, VALUES rows, ARRAY elements,
 * UNION columns) are text, as in PostgreSQL: never padded with spaces to the longest, which made
 * {@code name = CASE … 'Staging' … 'QA Regression' END} compare {@code 'Staging      '} and lose rows.
 */
class RaggedTextTest {
  private static Connection connection;
  private static List<String> names;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverFixture.connect();
    names = rows("SELECT name FROM pathsim.workspaces ORDER BY name");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static List<String> rows(String sql) {
    OwnSandbox.Outcome o = OwnSandbox.run(connection, sql);
    assertThat((Object) o.failure()).as(sql).isNull();
    return o.rows();
  }

  @Test
  void valuesOfDifferentLengthsCompareAsTheTextWritten() {
    String shortest = names.stream().min((a, b) -> a.length() - b.length()).orElseThrow();
    String longest = names.stream().max((a, b) -> a.length() - b.length()).orElseThrow();
    assertThat(shortest.length()).isLessThan(longest.length());
    List<String> both = names.stream().filter(n -> n.equals(shortest) || n.equals(longest)).toList();
    String pair = "'" + shortest + "', '" + longest + "'";
    assertThat(rows("SELECT name FROM pathsim.workspaces WHERE name = CASE WHEN name = '" + shortest
        + "' THEN '" + shortest + "' ELSE '" + longest + "' END ORDER BY name")).isEqualTo(both);
    assertThat(rows("SELECT name FROM pathsim.workspaces WHERE name = ANY(ARRAY[" + pair + "])"
        + " ORDER BY name")).isEqualTo(both);
    assertThat(rows("SELECT w.name FROM pathsim.workspaces w JOIN (VALUES ('" + shortest + "'), ('"
        + longest + "')) v(n) ON v.n = w.name ORDER BY w.name")).isEqualTo(both);
    assertThat(rows("SELECT name FROM pathsim.workspaces WHERE name IN (SELECT * FROM (VALUES ('"
        + shortest + "'), ('" + longest + "'))) ORDER BY name")).isEqualTo(both);
    assertThat(rows("SELECT '[' || CASE WHEN name = '" + shortest + "' THEN 'yes' ELSE 'no' END || ']'"
        + " FROM pathsim.workspaces WHERE name IN (" + pair + ") ORDER BY name"))
        .containsExactlyElementsOf(both.stream().map(n -> n.equals(shortest) ? "[yes]" : "[no]").toList());
    assertThat(rows("SELECT 'ab' UNION ALL SELECT 'abcd'")).containsExactlyInAnyOrder("ab", "abcd");
  }
}
