package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's quick-start queries run on the demo exactly as written, each answering at least one
 * row (the EXPLAIN shows the requests it would send).
 */
class ReadmeQuickStartTest {
  /** The statements of the README's first {@code sql} block, comments left out. */
  static List<String> quickStart() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```sql\n", readme.indexOf("## Quick start")) + "```sql\n".length();
    String block = readme.substring(start, readme.indexOf("```", start));
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : block.split("\n")) {
      if (line.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    return statements;
  }

  @Test
  void everyQueryAnswersRows() throws IOException, SQLException {
    List<String> statements = quickStart();
    assertThat(statements).hasSize(4);
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        try (ResultSet rs = s.executeQuery(sql)) {
          assertThat(rs.next()).as(sql).isTrue();
          if (sql.startsWith("EXPLAIN")) {
            assertThat(rs.getString(1)).as(sql)
                .contains("request=[GET /workspaces; GET /workspaces/{each workspace}/sessions?type=voice");
          }
        }
      }
    }
  }
}
