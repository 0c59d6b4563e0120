package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.Column;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.junit.jupiter.api.Test;

/**
 * The table reference is the schemas' definitions: docs/tables.md has one {@code ## `schema.table`}
 * section per table, each with a column table that is the table's columns, row for row (name, type
 * and the description that is also the column's REMARKS in metadata), and the README's table of tables
 * names every table once, linking to its section, so neither can drift from the code.
 */
class DocsTablesTest {
  private static final String HEADER = "| column | type | description |";
  private static final Pattern SECTION = Pattern.compile("## `(\\w+)\\.(\\w+)`");
  /** A row of the README's table of tables: {@code | [`schema.table`](docs/tables.md#anchor) | … |}. */
  private static final Pattern README_ROW =
      Pattern.compile("\\| \\[`(\\w+)\\.(\\w+)`\\]\\(docs/tables\\.md#(\\w+)\\) \\| .+ \\|");

  @Test
  void tablesPageHasOneSectionPerTableListingItsColumns() throws IOException, SQLException {
    List<String> page = Docs.page("tables.md");
    TreeMap<String, List<String>> expected = expectedColumnRows();
    TreeMap<String, List<String>> documented = new TreeMap<>();
    for (int i = 0; i < page.size(); i++) {
      Matcher m = SECTION.matcher(page.get(i));
      if (m.matches()) {
        documented.put(m.group(1) + "." + m.group(2), columnRows(page, i));
      }
    }
    assertThat(documented.keySet()).as("the table sections of docs/tables.md")
        .containsExactlyElementsOf(expected.keySet());
    expected.forEach((name, rows) -> assertThat(documented.get(name))
        .as("the column table of docs/tables.md section " + name + "; expected:\n"
            + String.join("\n", rows) + "\n")
        .isEqualTo(rows));
  }

  @Test
  void readmeNamesEveryTableOnceWithALinkToItsSection() throws IOException, SQLException {
    List<String> names = new ArrayList<>();
    for (String line : Docs.readme()) {
      Matcher m = README_ROW.matcher(line);
      if (m.matches()) {
        names.add(m.group(1) + "." + m.group(2));
        assertThat(m.group(3)).as("the anchor of " + line).isEqualTo(m.group(1) + m.group(2));
      }
    }
    assertThat(names).as("the README's table of tables").containsExactlyInAnyOrderElementsOf(
        expectedColumnRows().keySet());
  }

  /** Each table's expected column rows, by {@code schema.table}: the API tables and the request log. */
  private static TreeMap<String, List<String>> expectedColumnRows() throws SQLException {
    TreeMap<String, List<String>> out = new TreeMap<>();
    try (Connection c = DriverFixture.connect()) {
      SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
      for (String schema : root.subSchemas().getNames(LikePattern.any())) {
        SchemaPlus s = root.subSchemas().get(schema);
        for (String name : s.tables().getNames(LikePattern.any())) {
          out.put(schema + "." + name, rows(s.tables().get(name)));
        }
      }
    }
    return out;
  }

  private static List<String> rows(Table table) {
    List<String> rows = new ArrayList<>();
    if (table instanceof ApiTable api) {
      for (Column c : api.columns()) {
        rows.add(row(c.name(), c.type().getName(), c.description()));
      }
    } else if (table instanceof RequestsTable requests) {
      for (RelDataTypeField f : requests.getRowType(new JavaTypeFactoryImpl()).getFieldList()) {
        rows.add(row(f.getName(), f.getType().getSqlTypeName().getName(),
            RequestsTable.COLUMN_DESCRIPTIONS.get(f.getName())));
      }
    } else {
      throw new AssertionError("a table of unknown kind: " + table);
    }
    return rows;
  }

  private static String row(String name, String type, String description) {
    return "| `" + name + "` | " + type + " | " + description.replace("|", "\\|") + " |";
  }

  /** The rows of the first column table after line {@code at}, before the next section. */
  private static List<String> columnRows(List<String> page, int at) {
    List<String> rows = new ArrayList<>();
    for (int i = at + 1; i < page.size() && !page.get(i).startsWith("#"); i++) {
      if (page.get(i).equals(HEADER)) {
        for (int j = i + 2; j < page.size() && page.get(j).startsWith("|"); j++) {
          rows.add(page.get(j));
        }
        return rows;
      }
    }
    return rows;
  }
}
