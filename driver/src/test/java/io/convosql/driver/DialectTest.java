package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What users of other databases write: ILIKE (PostgreSQL's, from Calcite's PostgreSQL library),
 * and a {@code ?} in the select list whose type the expression around it gives.
 */
class DialectTest {
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    sandbox = OwnSandbox.start(20, 2);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
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
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT COALESCE(?, name) FROM pathsim.workspaces")) {
      assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(1);
      assertThat(ps.getParameterMetaData().getParameterTypeName(1)).isEqualTo("VARCHAR");
    }
  }

  @Test
  void aParameterNothingGivesATypeSaysToCastIt() {
    SQLException e = OwnSandbox.run(connection, "SELECT ? AS tag FROM pathsim.workspaces").failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).endsWith("At line 1, column 8: Illegal use of dynamic parameter:"
        + " nothing around this ? gives it a type; write CAST(? AS VARCHAR), or the type you bind");
  }
}
