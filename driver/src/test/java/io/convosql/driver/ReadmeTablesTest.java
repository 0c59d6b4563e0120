package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table reference is the schemas' definitions: one {@code ### `schema.table`} section
 * per table, each with a column table that is the table's columns, row for row (name, type and the
 * description that is also the column's REMARKS in metadata), so the two cannot drift apart.
 */
class ReadmeTablesTest {
  private static final String HEADER = "| column | type | description |";
  private static final Pattern SECTION = Pattern.compile("### `(\\w+)\\.(\\w+)`");

  @Test
  void readmeHasOneSectionPerTableListingItsColumns() throws IOException, SQLException {
    List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
    TreeMap<String, ApiTable> tables = tables();
    TreeMap<String, List<String>> documented = new TreeMap<>();
    for (int i = 0; i < readme.size(); i++) {
      Matcher m = SECTION.matcher(readme.get(i));
      if (m.matches()) {
        documented.put(m.group(1) + "." + m.group(2), columnRows(readme, i));
      }
    }
    assertThat(documented.keySet()).as("the README's table sections").containsExactlyElementsOf(tables.keySet());
    tables.forEach((name, table) -> assertThat(documented.get(name))
        .as("the column table of README section " + name + "; expected:\n"
            + String.join("\n", expectedRows(table)) + "\n")
        .isEqualTo(expectedRows(table)));
  }

  private static List<String> expectedRows(ApiTable table) {
    List<String> rows = new ArrayList<>();
    for (Column c : table.columns()) {
      rows.add("| `" + c.name() + "` | " + c.type().getName() + " | "
          + c.description().replace("|", "\\|") + " |");
    }
    return rows;
  }

  /** The rows of the first column table after line {@code at}, before the next section. */
  private static List<String> columnRows(List<String> readme, int at) {
    List<String> rows = new ArrayList<>();
    for (int i = at + 1; i < readme.size() && !readme.get(i).startsWith("#"); i++) {
      if (readme.get(i).equals(HEADER)) {
        for (int j = i + 2; j < readme.size() && readme.get(j).startsWith("|"); j++) {
          rows.add(readme.get(j));
        }
        return rows;
      }
    }
    return rows;
  }

  /** Every API table of a connection, by {@code schema.table}; opening one sends no request. */
  private static TreeMap<String, ApiTable> tables() throws SQLException {
    TreeMap<String, ApiTable> out = new TreeMap<>();
    try (Connection c = DriverFixture.connect()) {
      SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
      for (String schema : root.subSchemas().getNames(LikePattern.any())) {
        SchemaPlus s = root.subSchemas().get(schema);
        for (String table : s.tables().getNames(LikePattern.any())) {
          if (s.tables().get(table) instanceof ApiTable api) {
            out.put(schema + "." + table, api);
          }
        }
      }
    }
    return out;
  }
}
