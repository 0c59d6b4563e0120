package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL a reader copies from the README's quick start, docs/tables.md and docs/data.md runs as
 * written on a sandbox whose "now" is the clock's (the examples use CURRENT_DATE), and each statement
 * returns rows.
 */
class DocsSqlExamplesTest {
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    sandbox = Sandbox.builder().seed(5).pathSimSessions(600).insightsSessions(600).now(Instant.now()).start();
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    sandbox.close();
  }

  @Test
  void readmeQuickStartQueriesReturnRows() throws IOException, SQLException {
    runAll(statements(Docs.readme()));
  }

  @Test
  void tablesPageExamplesReturnRows() throws IOException, SQLException {
    runAll(statements(Docs.page("tables.md")));
  }

  @Test
  void dataPageExamplesReturnRows() throws IOException, SQLException {
    runAll(statements(Docs.page("data.md")));
  }

  private static void runAll(List<String> statements) throws SQLException {
    assertThat(statements).as("SQL examples").isNotEmpty();
    for (String sql : statements) {
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        assertThat(rs.next()).as("a row from " + sql).isTrue();
      }
    }
  }

  /** The statements of a page's {@code ```sql} blocks: comment lines dropped, split at a final ";". */
  static List<String> statements(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean sql = false;
    for (String line : lines) {
      if (line.strip().startsWith("```")) {
        sql = !sql && line.strip().equals("```sql");
      } else if (sql && !line.strip().startsWith("--") && !line.isBlank()) {
        current.append(current.length() == 0 ? "" : "\n").append(line);
        if (line.strip().endsWith(";")) {
          out.add(current.substring(0, current.length() - 1).strip());
          current.setLength(0);
        }
      }
    }
    return out;
  }
}
