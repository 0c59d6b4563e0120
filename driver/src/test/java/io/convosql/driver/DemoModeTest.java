package io.convosql.driver;

import static io.convosql.driver.DriverFixture.queryFailure;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code demo=true}: the in-process sandbox, no key; and identifiers with the default lex=MYSQL_ANSI. */
class DemoModeTest {
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverManager.getConnection("jdbc:convosql:demo=true");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static List<String> sortedIds() {
    return DemoSandbox.get().pathSim().data().workspaces().stream().map(w -> w.id()).sorted().toList();
  }

  @Test
  void theDemoHasFiveWorkspaces() throws SQLException {
    assertThat(rows(connection, "SELECT COUNT(*) FROM pathsim.workspaces")).containsExactly("5");
  }

  @Test
  void theDemoRunsOnTheSharedLoopbackSandbox() throws SQLException {
    assertThat(DemoSandbox.get().pathSimUrl()).startsWith("http://127.0.0.1:");
    DemoSandbox.get().requests().clear();
    rows(connection, "SELECT name FROM pathsim.workspaces");
    assertThat(DemoSandbox.get().requests().of("pathsim"))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.toString()).isEqualTo("GET /workspaces");
          assertThat(r.status()).isEqualTo(200);
        });
  }

  @Test
  void unquotedNamesMatchInAnyCase() throws SQLException {
    assertThat(rows(connection, "SELECT ID FROM PATHSIM.WORKSPACES ORDER BY ID")).isEqualTo(sortedIds());
    assertThat(rows(connection, "select Id from PathSim.Workspaces order by id")).isEqualTo(sortedIds());
  }

  @Test
  void doubleQuotedNamesWork() throws SQLException {
    assertThat(rows(connection, "SELECT \"id\" FROM \"pathsim\".\"workspaces\" ORDER BY \"id\""))
        .isEqualTo(sortedIds());
  }

  @Test
  void aLexInTheUrlOverridesTheDefault() throws SQLException {
    try (Connection java = DriverManager.getConnection("jdbc:convosql:demo=true;lex=JAVA")) {
      assertThat(rows(java, "SELECT id FROM pathsim.workspaces ORDER BY id")).isEqualTo(sortedIds());
      assertThat(queryFailure(java, "SELECT ID FROM PATHSIM.WORKSPACES"))
          .hasRootCauseMessage("Object 'PATHSIM' not found; did you mean 'pathsim'?");
    }
  }

  @Test
  void nullsSortLastInBothDirections() throws SQLException {
    assertThat(rows(connection,
        "SELECT x FROM (VALUES (1), (CAST(NULL AS INTEGER)), (2)) AS t(x) ORDER BY x DESC"))
        .containsExactly("2", "1", "null");
    assertThat(rows(connection,
        "SELECT x FROM (VALUES (1), (CAST(NULL AS INTEGER)), (2)) AS t(x) ORDER BY x"))
        .containsExactly("1", "2", "null");
  }
}
