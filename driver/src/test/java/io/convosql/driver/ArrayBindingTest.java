package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An array bound to a {@code ?} is refused when bound (22018), never bound as its text: Calcite types
 * {@code name = ANY(?)} and {@code IN (?)} as the column's type, so {@code setArray} of
 * {"Staging", "QA Regression"} matched no row, and on {@code workspace_id = ANY(?)} the text went into
 * a request URL (HTTP 400). One {@code ?} per value is the way, and it works.
 */
class ArrayBindingTest {
  @RegisterExtension
  static final NoRequestSandbox SANDBOX = new NoRequestSandbox(5, 0);
  private static final String ONE_VALUE = " takes one value, not %s: a ? stands for one value, so write"
      + " one ? per value, as in IN (?, ?, ?), and bind each";

  private static void assertRefused(PreparedStatement ps, Object value, String message) {
    assertThatThrownBy(() -> {
      if (value instanceof java.sql.Array a) {
        ps.setArray(1, a);
      } else {
        ps.setObject(1, value);
      }
    }).isInstanceOf(SQLDataException.class).hasMessage(message)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
  }

  @Test
  void anArrayBoundToAnyOrInIs22018() throws SQLException {
    Connection c = SANDBOX.connection();
    String[] names = {"Staging", "QA Regression"};
    try (PreparedStatement any = c.prepareStatement("SELECT id FROM pathsim.workspaces WHERE name = ANY(?)");
        PreparedStatement in = c.prepareStatement("SELECT id FROM pathsim.workspaces WHERE name IN (?)");
        PreparedStatement ws = c.prepareStatement(
            "SELECT id FROM pathsim.sessions WHERE workspace_id = ANY(?)")) {
      String varchar = "A parameter of type VARCHAR" + ONE_VALUE;
      assertRefused(any, c.createArrayOf("VARCHAR", names), String.format(varchar, "a java.sql.Array"));
      assertRefused(in, names, String.format(varchar, "a String[]"));
      assertRefused(in, List.of(names), String.format(varchar, "a Collection"));
      assertRefused(ws, new int[] {1, 2}, String.format(varchar, "a int[]"));
      assertThatThrownBy(() -> in.setObject(1, names, java.sql.Types.VARCHAR))
          .hasMessage(String.format(varchar, "a String[]"));
    }
  }

  @Test
  void anArrayBoundToANumberParameterIs22018Too() throws SQLException {
    try (PreparedStatement ps = SANDBOX.connection().prepareStatement(
        "SELECT id FROM pathsim.workspaces WHERE CHAR_LENGTH(name) IN (?)")) {
      assertRefused(ps, new Integer[] {3, 4}, String.format("A parameter of type INTEGER" + ONE_VALUE,
          "a Integer[]"));
    }
  }

  @Test
  void oneQuestionMarkPerValueFindsTheRows() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT name FROM pathsim.workspaces WHERE name IN (?, ?)"
          + " ORDER BY name", "Staging", "QA Regression")).containsExactly("QA Regression", "Staging");
    }
  }
}
