package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code LIMIT ?}, {@code OFFSET ?} and {@code FETCH NEXT ? ROWS} bound as jOOQ binds them
 * ({@code setLong}, {@code setObject(Long)}, {@code setBigDecimal}) where the limit stays above the
 * scan (GROUP BY, a CTE, a window): the rows of the same query with literals. A count out of range
 * is 22003 when bound, one with a fraction or not a number 22018, a negative one 2201W (LIMIT,
 * FETCH) or 2201X (OFFSET), the SQL standard's invalid row count.
 */
class LimitParameterTest {
  private static final String GROUPED = "SELECT workspace_id, COUNT(*) AS n FROM pathsim.sessions"
      + " GROUP BY workspace_id ORDER BY workspace_id LIMIT %s OFFSET %s";
  private static final String CTE = "WITH w AS (SELECT id, name FROM pathsim.workspaces)"
      + " SELECT id FROM w ORDER BY id OFFSET %s ROWS FETCH NEXT %s ROWS ONLY";
  private static final String WINDOW = "SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS r"
      + " FROM pathsim.workspaces ORDER BY id LIMIT %s";
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private interface Binder {
    void bind(PreparedStatement s, int index, long value) throws SQLException;
  }

  private static final List<Binder> BINDERS = List.of(
      PreparedStatement::setLong,
      (s, i, v) -> s.setObject(i, v),
      (s, i, v) -> s.setBigDecimal(i, BigDecimal.valueOf(v)),
      (s, i, v) -> s.setInt(i, (int) v),
      (s, i, v) -> s.setObject(i, (short) v));

  private static List<String> bound(String sql, Binder binder, long... values) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql.formatted(questionMarks(values.length)))) {
      for (int i = 0; i < values.length; i++) {
        binder.bind(s, i + 1, values[i]);
      }
      OwnSandbox.Outcome o = OwnSandbox.run(s);
      if (o.failed()) {
        throw o.failure();
      }
      return o.rows();
    }
  }

  private static Object[] questionMarks(int n) {
    Object[] marks = new Object[n];
    java.util.Arrays.fill(marks, "?");
    return marks;
  }

  private static void assertSameAsLiterals(String sql, long... values) throws SQLException {
    Object[] literals = java.util.Arrays.stream(values).boxed().toArray();
    List<String> expected = DriverFixture.rows(connection, sql.formatted(literals));
    assertThat(expected).isNotEmpty();
    for (int b = 0; b < BINDERS.size(); b++) {
      assertThat(bound(sql, BINDERS.get(b), values)).as("binder " + b + ": " + sql).isEqualTo(expected);
    }
  }

  @Test
  void groupedQuery() throws SQLException {
    assertSameAsLiterals(GROUPED, 2, 1);
    assertThat(DriverFixture.rows(connection, GROUPED.formatted(2, 1))).hasSize(2);
  }

  @Test
  void commonTableExpression() throws SQLException {
    assertSameAsLiterals(CTE, 1, 3);
    assertThat(DriverFixture.rows(connection, CTE.formatted(1, 3))).hasSize(3);
  }

  @Test
  void windowFunction() throws SQLException {
    assertSameAsLiterals(WINDOW, 4);
    assertThat(DriverFixture.rows(connection, WINDOW.formatted(4))).hasSize(4);
  }

  @Test
  void aCountOutOfRangeIs22003AndNotWhole22018() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(WINDOW.formatted("?"))) {
      assertThatThrownBy(() -> s.setLong(1, 5_000_000_000L))
          .hasMessage("The value 5000000000 is out of the range of the parameter's type INTEGER: bind a"
              + " smaller value")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
      assertThatThrownBy(() -> s.setBigDecimal(1, new BigDecimal("2.5")))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
      assertThatThrownBy(() -> s.setString(1, "ten"))
          .hasMessage("'ten' is not a number, and the parameter is INTEGER: bind a number")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
      s.setString(1, "3");
      assertThat(OwnSandbox.run(s).rows()).hasSize(3);
    }
  }

  @Test
  void aNegativeCountIs2201WOr2201XWhenBound() throws SQLException {
    String limit = "LIMIT ? is bound to -1, and a row count cannot be negative: bind 0 or more; for"
        + " every row, leave out LIMIT";
    try (PreparedStatement s = connection.prepareStatement(WINDOW.formatted("?"));
         PreparedStatement grouped = connection.prepareStatement(GROUPED.formatted("?", "?"));
         PreparedStatement cte = connection.prepareStatement(CTE.formatted("?", "?"))) {
      for (Binder b : BINDERS) {
        assertThatThrownBy(() -> b.bind(s, 1, -1)).isInstanceOf(java.sql.SQLDataException.class)
            .hasMessage(limit).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("2201W");
        assertThatThrownBy(() -> b.bind(grouped, 2, -1))
            .hasMessage("OFFSET ? is bound to -1, and a row count cannot be negative: bind 0 or more")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("2201X");
        // the error names the clause as written: FETCH NEXT ? ROWS, OFFSET ? ROWS
        assertThatThrownBy(() -> b.bind(cte, 2, -1)).hasMessage("FETCH NEXT ? ROWS is bound to -1, and a row"
            + " count cannot be negative: bind 0 or more; for every row, leave out FETCH NEXT ? ROWS ONLY")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("2201W");
        assertThatThrownBy(() -> b.bind(cte, 1, -1))
            .hasMessage("OFFSET ? ROWS is bound to -1, and a row count cannot be negative: bind 0 or more")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("2201X");
      }
      try (PreparedStatement first = connection.prepareStatement(
          "SELECT id FROM pathsim.workspaces ORDER BY id fetch  first ? row only")) {
        try (PreparedStatement mysql = connection.prepareStatement("SELECT id FROM pathsim.workspaces LIMIT ?, ?")) {
          assertThatThrownBy(() -> mysql.setInt(1, -1)).hasMessage("The offset of LIMIT ?, ? is bound to -1, and a"
              + " row count cannot be negative: bind 0 or more");
        }
        assertThatThrownBy(() -> first.setInt(1, -2)).hasMessage("FETCH FIRST ? ROW is bound to -2, and a row"
            + " count cannot be negative: bind 0 or more; for every row, leave out FETCH FIRST ? ROW ONLY");
      }
      // a comment between the words and the ? changes nothing of the clause's name
      try (PreparedStatement commented = connection.prepareStatement("SELECT id FROM pathsim.workspaces"
          + " ORDER BY id OFFSET /* skip */ ? ROWS FETCH NEXT -- how many\n ? /* n */ ROWS ONLY")) {
        assertThatThrownBy(() -> commented.setInt(1, -1)).hasMessage("OFFSET ? ROWS is bound to -1, and a"
            + " row count cannot be negative: bind 0 or more");
        assertThatThrownBy(() -> commented.setInt(2, -1)).hasMessage("FETCH NEXT ? ROWS is bound to -1, and a"
            + " row count cannot be negative: bind 0 or more; for every row, leave out FETCH NEXT ? ROWS ONLY");
      }
      assertThatThrownBy(() -> grouped.setString(1, "-5"))
          .hasMessageStartingWith("LIMIT ? is bound to -5,");
      s.setInt(1, 2); // the statement is still usable
      assertThat(OwnSandbox.run(s).rows()).hasSize(2);
    }
    // a negative number elsewhere is a value like any other
    assertThat(DriverFixture.rows(connection, "SELECT COUNT(*) FROM pathsim.workspaces WHERE CHAR_LENGTH(name) > ?", -1))
        .containsExactly(String.valueOf(DriverFixture.data().workspaces().size()));
  }
}
