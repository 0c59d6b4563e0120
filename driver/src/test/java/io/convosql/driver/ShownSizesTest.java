package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code getColumnDisplaySize} is the width of each value as text, as reporting tools size their
 * columns by it, and every column is searchable; the rest is Calcite's.
 */
class ShownSizesTest {
  private static final String SQL = "SELECT id, started_at, duration_seconds, test_successful, CURRENT_DATE AS d,"
      + " CAST('ab' AS CHAR(5)) AS ch, CAST(1.5 AS DECIMAL(5,2)) AS dec, CAST(1 AS BIGINT) AS big"
      + " FROM pathsim.sessions LIMIT 1";

  private static List<String> sizes(ResultSetMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(md.getColumnLabel(i) + " " + md.getColumnDisplaySize(i) + (md.isSearchable(i) ? "" : " unsearchable"));
    }
    return out;
  }

  @Test
  void displaySizesAreTheWidthsOfTheValuesAsText() throws SQLException {
    List<String> expected = List.of("id 2147483647", "started_at 23", "duration_seconds 11", "test_successful 5",
        "d 10", "ch 5", "dec 7", "big 20");
    try (Connection c = DriverFixture.connect();
         ResultSet rs = c.createStatement().executeQuery(SQL);
         PreparedStatement p = c.prepareStatement(SQL)) {
      assertThat(sizes(rs.getMetaData())).isEqualTo(expected);
      assertThat(sizes(p.getMetaData())).isEqualTo(expected); // before it runs, as tools ask
      assertThat(rs.getMetaData().getPrecision(2)).isEqualTo(3); // Calcite's own otherwise
      assertThat(rs.getMetaData().unwrap(ResultSetMetaData.class)).isNotNull();
    }
  }

  /** getColumns' COLUMN_SIZE of a column of the table, as a tool reads it beside the result set's. */
  private static int columnSize(Connection c, String schema, String table, String column) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, column)) {
      assertThat(rs.next()).isTrue();
      return rs.getInt("COLUMN_SIZE");
    }
  }

  @Test
  void precisionOfTextWithoutALengthIsTheColumnSizeGetColumnsGives() throws SQLException {
    try (Connection c = DriverFixture.connect();
         ResultSet rs = c.createStatement().executeQuery("SELECT s.id, CAST('ab' AS CHAR(5)) AS ch,"
             + " CAST('ab' AS VARCHAR(7)) AS v FROM pathsim.sessions s LIMIT 1");
         PreparedStatement p = c.prepareStatement("SELECT content FROM pathsim.recordings WHERE session_id = 'x'")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(columnSize(c, "pathsim", "sessions", "id")).isEqualTo(Integer.MAX_VALUE);
      assertThat(md.getPrecision(1)).isEqualTo(Integer.MAX_VALUE); // it was 0: "no characters"
      assertThat(md.getPrecision(2)).isEqualTo(5); // a declared length stays
      assertThat(md.getPrecision(3)).isEqualTo(7);
      assertThat(columnSize(c, "pathsim", "recordings", "content")).isEqualTo(Integer.MAX_VALUE);
      assertThat(p.getMetaData().getPrecision(1)).isEqualTo(Integer.MAX_VALUE);
    }
  }
}
