package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JDBC's escapes as tools and ORMs write them: {@code {oj …}}, {@code {limit n [offset m]}} and
 * {@code {escape 'c'}} give the rows, and send the requests, of the plain SQL they stand for;
 * {@code {call …}} and {@code prepareCall} fail with 0A000 saying there are no procedures;
 * {@code nativeSQL} answers with the plain SQL.
 */
class JdbcEscapesTest {
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(30, 0);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  /** The requests the SQL sent (in any order: pages of several workspaces are fetched at once). */
  private static List<String> sent(String sql, List<String> rows) {
    sandbox.requests().clear();
    OwnSandbox.Outcome o = OwnSandbox.run(connection, sql);
    assertThat((Object) o.failure()).as(sql).isNull();
    rows.addAll(o.rows());
    return sandbox.requests().all().stream().map(Object::toString).toList();
  }

  private static void sameAsPlain(String escaped, String plain) {
    List<String> escapedRows = new java.util.ArrayList<>();
    List<String> plainRows = new java.util.ArrayList<>();
    List<String> escapedRequests = sent(escaped, escapedRows);
    List<String> plainRequests = sent(plain, plainRows);
    assertThat(escapedRows).as(escaped).isNotEmpty().containsExactlyElementsOf(plainRows);
    assertThat(escapedRequests).as(escaped).containsExactlyInAnyOrderElementsOf(plainRequests);
  }

  @Test
  void outerJoinLimitAndEscapeAreThePlainSqlTheyStandFor() {
    sameAsPlain("SELECT w.name, s.id FROM {oj pathsim.workspaces w LEFT OUTER JOIN pathsim.sessions s"
            + " ON s.workspace_id = w.id} ORDER BY w.name, s.id {limit 3}",
        "SELECT w.name, s.id FROM pathsim.workspaces w LEFT OUTER JOIN pathsim.sessions s"
            + " ON s.workspace_id = w.id ORDER BY w.name, s.id LIMIT 3");
    sameAsPlain("SELECT id FROM pathsim.sessions {LIMIT 2}", "SELECT id FROM pathsim.sessions LIMIT 2");
    sameAsPlain("SELECT name FROM pathsim.workspaces ORDER BY name {limit 2 offset 1}",
        "SELECT name FROM pathsim.workspaces ORDER BY name LIMIT 2 OFFSET 1");
    sameAsPlain("SELECT name FROM pathsim.workspaces WHERE name NOT LIKE '%!_%' {escape '!'}",
        "SELECT name FROM pathsim.workspaces WHERE name NOT LIKE '%!_%' ESCAPE '!'");
    sameAsPlain("SELECT {fn UCASE(name)}, '{oj x}' AS \"{limit}\" FROM pathsim.workspaces"
            + " -- {escape 'x'}\n ORDER BY 1 {limit 1}",
        "SELECT UPPER(name), '{oj x}' AS \"{limit}\" FROM pathsim.workspaces ORDER BY 1 LIMIT 1");
  }

  @Test
  void locateInTheEscapeIsThePlainLocate() throws SQLException {
    String from = "SELECT %s('b', 'abcb', 0), %<s('b', 'abcb', -1), %<s('b', 'abcb', 3), %<s('b', 'abcb'),"
        + " %<s(NULL, 'abcb', 0), %<s('x', name, 0), %<s(?, 'abcb', ?) FROM pathsim.workspaces"
        + " WHERE name = 'Staging'";
    // before: HY000 "Invalid input for POSITION function: from operand value must not be zero"
    List<String> plain = DriverFixture.rows(connection, from.formatted("LOCATE"), "b", 0);
    assertThat(plain).containsExactly("0; 0; 4; 2; null; 0; 0");
    assertThat(DriverFixture.rows(connection, from.formatted("{fn LOCATE").replace(")", ")}"), "b", 0))
        .isEqualTo(plain);
    // also where plain SQL has no LOCATE (fun=standard): JDBC's escape is there under every fun
    try (Connection standard = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "fun=standard")) {
      assertThat(DriverFixture.rows(standard, "SELECT {fn LOCATE('b', 'abcb', 0)}, {fn LOCATE('b', 'abcb', 3)}"))
          .containsExactly("0; 4");
    }
  }

  /**
   * {@code {fn LOCATE}} with too few or too many arguments fails as the plain LOCATE does (42000):
   * before, one argument threw Calcite's AssertionError, no SQLException at all, and four gave 0.
   */
  @Test
  void locateInTheEscapeCountsItsArgumentsAsThePlainLocate() {
    for (String[] call : new String[][] {{"LOCATE('b')", "2"}, {"LOCATE()", "2"},
        {"LOCATE('b', 'abc', 1, 2)", "3"}}) {
      for (String sql : List.of("SELECT " + call[0], "SELECT {fn " + call[0] + "}")) {
        SQLException e = OwnSandbox.run(connection, sql).failure();
        assertThat((Object) e).as(sql).isNotNull();
        assertThat(e.getSQLState()).as(sql).isEqualTo("42000");
        assertThat(e.getMessage()).as(sql)
            .contains("Invalid number of arguments to function 'LOCATE'. Was expecting " + call[1] + " arguments");
      }
    }
  }

  @Test
  void nativeSqlIsThePlainSqlAndErrorsPointWhereTheUserTyped() throws SQLException {
    assertThat(connection.nativeSQL("SELECT a FROM {oj t LEFT JOIN u ON t.x = u.x} WHERE b LIKE"
        + " 'x!%' {escape '!'} {limit 5 offset 2}")).isEqualTo("SELECT a FROM     t LEFT JOIN u ON"
        + " t.x = u.x  WHERE b LIKE 'x!%'  ESCAPE '!'   LIMIT 5 offset 2 ");
    assertThat(connection.nativeSQL("SELECT '{limit 1}' FROM t")).isEqualTo("SELECT '{limit 1}' FROM t");
    // a function JDBC does not define is the plain call; JDBC's own stay for the parser
    assertThat(connection.nativeSQL("SELECT {fn NVL(a, 1)}, {fn UCASE(b)} FROM t"))
        .isEqualTo("SELECT     NVL(a, 1) , {fn UCASE(b)} FROM t");
    // an escape never closed stays as typed, and the parser says where (it ran as if closed)
    assertThat(connection.nativeSQL("SELECT {fn NVL(1, 2)")).isEqualTo("SELECT {fn NVL(1, 2)");
    for (String unclosed : List.of("SELECT {fn NVL(1, 2)", "SELECT 1 {limit 1", "SELECT 1 {fn UCASE('a')")) {
      SQLException failed = OwnSandbox.run(connection, unclosed).failure();
      assertThat((Object) failed).as(unclosed).isNotNull();
      assertThat(failed.getSQLState()).as(unclosed).isEqualTo("42000");
    }
    String sql = "SELECT name FROM {oj pathsim.workspaces} WHERE name = 'a' ORDER name";
    SQLException e = OwnSandbox.run(connection, sql).failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).endsWith("line 1, column " + (sql.lastIndexOf("name") + 1)
        + ": unexpected \"name\". Expected BY.");
  }

  @Test
  void callsFailSayingThereAreNoStoredProcedures() {
    for (String call : List.of("{call refresh(1)}", "{ ? = call refresh(1) }", "CALL refresh(1)",
        "/* nightly */ CALL refresh(1)", "-- nightly\n{call refresh(1)}")) {
      SQLException e = OwnSandbox.run(connection, call).failure();
      assertThat((Object) e).as(call).isInstanceOf(SQLFeatureNotSupportedException.class);
      assertThat(e.getSQLState()).isEqualTo("0A000");
      assertThat(e.getMessage()).startsWith("convosql has no stored procedures, so there is nothing"
          + " to call.").contains("SELECT");
      assertThatThrownBy(() -> connection.prepareStatement(call))
          .hasMessage(e.getMessage());
    }
    assertThatThrownBy(() -> connection.prepareCall("SELECT 1"))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage("prepareCall is for stored procedures, which convosql has none of: prepare the"
            + " SQL with prepareStatement");
    assertThat(sandbox.requests().all()).isEmpty();
  }
}
