package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What users of other databases write: ILIKE (PostgreSQL's, from Calcite's PostgreSQL library),
 * a {@code ?} in the select list whose type the expression around it gives, and what the LENIENT
 * conformance allows: {@code !=}, {@code %}, {@code GROUP BY} a select item's number or alias.
 */
class DialectTest {
  private static Sandbox sandbox;
  private static Connection connection;
  private static Connection unpushed;
  private static Connection standard;

  @BeforeAll
  static void open() throws SQLException {
    sandbox = OwnSandbox.start(20, 2);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
    unpushed = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "pushdown=false");
    standard = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "conformance=DEFAULT");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    unpushed.close();
    standard.close();
    sandbox.close();
  }

  private static List<String> rows(String sql, Object... parameters) throws SQLException {
    return DriverFixture.rows(connection, sql, parameters);
  }

  @Test
  void ilikeIgnoresCaseAndIsNotPushedAsACaseSensitiveSearch() throws SQLException {
    String sessions = "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-01-01"
        + " 00:00:00' AND ";
    List<String> lower = rows(sessions + "LOWER(virtual_customer) LIKE '%a%' ORDER BY id");
    assertThat(lower).isNotEmpty();
    sandbox.requests().clear();
    assertThat(rows(sessions + "virtual_customer ILIKE '%A%' ORDER BY id")).isEqualTo(lower);
    assertThat(sandbox.requests().all()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.toString()).doesNotContain("search="));
    assertThat(rows(sessions + "virtual_customer NOT ILIKE '%A%' ORDER BY id"))
        .isEqualTo(rows(sessions + "LOWER(virtual_customer) NOT LIKE '%a%' ORDER BY id"));
    assertThat(rows("SELECT name FROM pathsim.workspaces WHERE name ILIKE 'STAG%'"))
        .containsExactly("Staging");
  }

  @Test
  void aParameterInTheSelectListTakesItsTypeFromTheExpressionAroundIt() throws SQLException {
    assertThat(rows("SELECT name || ? FROM pathsim.workspaces WHERE name = 'Staging'", "!"))
        .containsExactly("Staging!");
    assertThat(rows("SELECT COALESCE(?, name) FROM pathsim.workspaces WHERE name = 'Staging'",
        "given")).containsExactly("given");
    assertThat(rows("SELECT COALESCE(?, name) FROM pathsim.workspaces WHERE name = 'Staging'",
        (Object) null)).containsExactly("Staging");
    assertThat(rows("SELECT CASE WHEN name = ? THEN ? ELSE name END FROM pathsim.workspaces"
        + " WHERE name = 'Staging'", "Staging", "it")).containsExactly("it");
    // beside a literal the ? is text of any length, not the literal's CHAR(4): no padding, no cut
    assertThat(rows("SELECT '[' || COALESCE(?, 'abcd') || ']', CASE WHEN 1 = 1 THEN ? ELSE 'abcd' END,"
        + " COALESCE(?, 'abcd') = 'b'", "b", "longer than four", "b"))
        .containsExactly("[b]; longer than four; true");
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT COALESCE(?, name) FROM pathsim.workspaces")) {
      assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(1);
      assertThat(ps.getParameterMetaData().getParameterTypeName(1)).isEqualTo("VARCHAR");
    }
  }

  @Test
  void aCoalescedParameterTakesTheTypeOfATimeOrNumberBesideIt() throws SQLException {
    // before, IS NOT NULL's own guess for the ? of COALESCE's rewrite (CASE WHEN ? IS NOT NULL ...)
    // replaced the column's type with VARCHAR: the ? was VARCHAR and a bound time failed when the
    // row was read ("String given, Long needed", 22000)
    String latest = "SELECT MAX(started_at) FROM pathsim.sessions";
    String times = "SELECT COALESCE(?, started_at) FROM pathsim.sessions WHERE started_at = (" + latest + ")";
    String max = rows(latest).get(0);
    assertThat(rows(times, java.time.LocalDateTime.parse("2025-08-05T10:00"))).containsExactly("2025-08-05 10:00:00.000");
    assertThat(rows(times, "2025-08-05 10:00:00")).containsExactly("2025-08-05 10:00:00.000");
    assertThat(rows(times, (Object) null)).containsExactly(max);
    // the optional filter: all rows when the ? is NULL
    String optional = "SELECT COUNT(*) FROM pathsim.sessions WHERE started_at >= COALESCE(?, started_at)";
    assertThat(rows(optional, (Object) null)).isEqualTo(rows("SELECT COUNT(*) FROM pathsim.sessions"));
    assertThat(rows(optional, "2025-08-05")).isEqualTo(rows("SELECT COUNT(*) FROM pathsim.sessions"
        + " WHERE started_at >= TIMESTAMP '2025-08-05 00:00:00'"));
    try (PreparedStatement ps = connection.prepareStatement(times);
        PreparedStatement number = connection.prepareStatement(
            "SELECT COALESCE(?, duration_seconds) FROM pathsim.sessions")) {
      assertThat(ps.getParameterMetaData().getParameterTypeName(1)).isEqualTo("TIMESTAMP");
      assertThat(number.getParameterMetaData().getParameterTypeName(1)).isIn("INTEGER", "BIGINT");
    }
  }

  @Test
  void aParameterNothingGivesATypeSaysToCastIt() {
    SQLException e = OwnSandbox.run(connection, "SELECT ? AS tag FROM pathsim.workspaces").failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).endsWith("At line 1, column 8: Illegal use of dynamic parameter:"
        + " nothing around this ? gives it a type; write CAST(? AS VARCHAR), or the type you bind");
  }

  /** The rows of {@code sql} with {@code op} in it, and the exact requests they took. */
  private record Sent(List<String> rows, List<String> pathsim, List<String> insights) {}

  private static Sent sent(Connection c, String sql, String op) throws SQLException {
    sandbox.requests().clear();
    List<String> rows = DriverFixture.rows(c, sql.formatted(op));
    return new Sent(rows, sandbox.requests().lines("pathsim").stream().sorted().toList(),
        sandbox.requests().lines("insights").stream().sorted().toList());
  }

  @Test
  void bangEqualIsNotEqualPushedOrNotOnBothApis() throws SQLException {
    String pathsim = "SELECT id, test_type FROM pathsim.sessions WHERE test_type %s 'Voice' ORDER BY id";
    String insights = "SELECT id, channel FROM insights.sessions WHERE channel %s 'whatsapp' AND "
        + OwnSandbox.INSIGHTS_RANGE + " ORDER BY id";
    for (Connection c : List.of(connection, unpushed)) {
      for (String sql : List.of(pathsim, insights)) {
        Sent notEqual = sent(c, sql, "<>");
        assertThat(notEqual.rows()).as(sql).isNotEmpty();
        assertThat(sent(c, sql, "!=")).as(sql).isEqualTo(notEqual);
      }
    }
    // pushed, Insights sends != as must_not, as it sends <>; PathSim has no parameter for it
    String window = "from_date=2025-07-04T23:59:59.999999&page_number=0&page_size=100";
    assertThat(sent(connection, insights, "!=").insights()).containsExactly("GET /insights/sessions?"
        + "filter_by={\"must_not\":[{\"term\":{\"channel\":\"whatsapp\"}}]}&" + window
        + "&project_fields=[\"id\",\"session_start_time\",\"channel\"]&sort_by=id:asc"
        + "&to_date=2025-09-01T23:59:59.001000");
    assertThat(sent(unpushed, insights, "!=").insights()).containsExactly(
        "GET /insights/sessions?" + window + "&sort_by=session_start_time:asc,id:asc"
            + "&to_date=2025-09-01T23:59:59.001000");
    List<String> lists = new ArrayList<>(List.of("GET /workspaces"));
    sandbox.pathSim().data().workspaces().forEach(
        w -> lists.add("GET /workspaces/" + w.id() + "/sessions?limit=100&offset=0"));
    assertThat(sent(connection, pathsim, "!=").pathsim()).containsExactlyInAnyOrderElementsOf(lists);
  }

  @Test
  void groupByTheNumberOrTheAliasOfASelectItemAsInPostgresql() throws SQLException {
    List<String> byColumn = rows("SELECT test_type, COUNT(*) FROM pathsim.sessions GROUP BY test_type"
        + " ORDER BY test_type");
    assertThat(byColumn).hasSize(2);
    assertThat(rows("SELECT test_type, COUNT(*) FROM pathsim.sessions GROUP BY 1 ORDER BY 1"))
        .isEqualTo(byColumn);
    assertThat(rows("SELECT test_type AS kind, COUNT(*) AS n FROM pathsim.sessions GROUP BY kind"
        + " ORDER BY kind")).isEqualTo(byColumn);
    // MySQL's HAVING on an alias
    assertThat(rows("SELECT test_type AS kind, COUNT(*) AS n FROM pathsim.sessions GROUP BY kind"
        + " HAVING n > 0 ORDER BY kind")).isEqualTo(byColumn);
    // a name that is both a column and an alias is the column, as in PostgreSQL
    SQLException e = OwnSandbox.run(connection, "SELECT test_type AS connected, COUNT(*)"
        + " FROM pathsim.sessions GROUP BY connected").failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).endsWith("Expression 'test_type' is not being grouped");
  }

  @Test
  void percentLimitFormsAndMinusAsInPostgresqlOrMysql() throws SQLException {
    assertThat(rows("SELECT 7 % 3, MOD(7, 3) FROM pathsim.workspaces WHERE name = 'Staging'"))
        .containsExactly("1; 1");
    String names = "SELECT name FROM pathsim.workspaces ORDER BY name";
    List<String> second = rows(names + " LIMIT 2 OFFSET 1");
    assertThat(second).hasSize(2).isEqualTo(rows(names).subList(1, 3));
    assertThat(rows(names + " LIMIT 1, 2")).isEqualTo(second);
    assertThat(rows(names + " OFFSET 1 LIMIT 2")).isEqualTo(second);
    assertThat(rows("SELECT name FROM pathsim.workspaces MINUS SELECT name FROM pathsim.workspaces"
        + " WHERE name <> 'Staging'")).containsExactly("Staging");
  }

  @Test
  void aClosingSemicolonIsTakenAsInPostgresqlsAndMysqlsDrivers() throws SQLException {
    String names = "SELECT name FROM pathsim.workspaces ORDER BY name LIMIT 2";
    assertThat(rows(names + ";")).isEqualTo(rows(names)).hasSize(2);
    assertThat(rows(names + " ;\n  ")).isEqualTo(rows(names));
    try (java.sql.Statement s = connection.createStatement();
        java.sql.ResultSet rs = s.executeQuery(names + ";")) {
      assertThat(rs.next()).isTrue();
    }
    // two statements are still one too many, and the error points where they meet
    SQLException two = OwnSandbox.run(connection, "SELECT 1; SELECT 2;").failure();
    assertThat(two.getSQLState()).isEqualTo("42000");
    assertThat(two.getMessage()).contains("Syntax error at line 1, column 9: unexpected \";\"");
  }

  @Test
  void conformanceDefaultBringsBackTheStandardReadings() {
    // GROUP BY 1 is a constant there, so the column is not grouped (!=: SyntaxErrorsTest)
    SQLException ordinal = OwnSandbox.run(standard,
        "SELECT test_type, COUNT(*) FROM pathsim.sessions GROUP BY 1").failure();
    assertThat(ordinal.getSQLState()).isEqualTo("42000");
    assertThat(ordinal.getMessage()).endsWith("Expression 'test_type' is not being grouped");
  }
}
