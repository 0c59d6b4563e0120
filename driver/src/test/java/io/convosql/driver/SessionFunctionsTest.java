package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What BI tools and users ask of the session: {@code CURRENT_SCHEMA}, {@code current_schema()}, MySQL's
 * {@code SCHEMA()} and {@code DATABASE()} are the connection's schema ({@code Connection.getSchema()}),
 * NULL without one, and {@code version()} names convosql and its version. Before, CURRENT_SCHEMA
 * failed with 0A000 "not supported", the others with 42000 "No match found for function signature".
 */
class SessionFunctionsTest {
  private static final String SCHEMAS = "SELECT CURRENT_SCHEMA, current_schema(), SCHEMA(), DATABASE(),"
      + " CURRENT_SCHEMA IS NULL";

  @Test
  void theSchemaFunctionsAreTheConnectionsSchemaAndNullWithoutOne() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(c.getSchema()).isNull();
      assertThat(DriverFixture.rows(c, SCHEMAS)).containsExactly("null; null; null; null; true");
      try (Statement s = c.createStatement()) {
        s.execute("USE pathsim");
      }
      assertThat(DriverFixture.rows(c, SCHEMAS)).containsExactly("pathsim; pathsim; pathsim; pathsim; false");
      c.setSchema("insights");
      assertThat(DriverFixture.rows(c, SCHEMAS)).containsExactly("insights; insights; insights; insights; false");
      // in a condition and in GROUP BY, as tools write it
      assertThat(DriverFixture.rows(c, "SELECT CURRENT_SCHEMA, COUNT(*) FROM pathsim.workspaces"
          + " WHERE current_schema() = 'insights' GROUP BY CURRENT_SCHEMA"))
          .containsExactly("insights; " + DriverFixture.data().workspaces().size());
      // null is refused (22004) and the schema stays; before, Avatica ignored it without a word
      assertThatThrownBy(() -> c.setSchema(null)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("22004"));
      assertThat(DriverFixture.rows(c, "SELECT CURRENT_SCHEMA")).containsExactly("insights");
    }
  }

  /** The same SQL after another schema is chosen is planned anew, not answered from the plan cache. */
  @Test
  void aCachedPlanDoesNotKeepAnotherSchema() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      for (String schema : new String[] {"pathsim", "insights", "pathsim"}) {
        c.setSchema(schema);
        try (PreparedStatement s = c.prepareStatement("SELECT CURRENT_SCHEMA");
            ResultSet rs = s.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(schema);
        }
      }
    }
  }

  /** The {@code schema} connection property chooses the schema, as {@code USE} does; before, it was ignored. */
  @Test
  void theSchemaPropertyChoosesTheConnectionsSchema() throws SQLException {
    try (Connection c = DriverFixture.connect("schema=PathSim")) {
      assertThat(c.getSchema()).isEqualTo("pathsim");
      assertThat(DriverFixture.rows(c, "SELECT CURRENT_SCHEMA, COUNT(*) FROM workspaces GROUP BY 1"))
          .containsExactly("pathsim; " + DriverFixture.data().workspaces().size());
    }
    SQLException e = (SQLException) DriverFixture.connectFailure(DriverFixture.url("schema=nope"));
    assertThat(e.getSQLState()).isEqualTo("3F000");
    assertThat((Throwable) e).hasMessage("Schema nope does not exist: the schemas are convosql, insights, pathsim");
  }

  @Test
  void versionNamesConvosqlAndItsVersion() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getDriverVersion()).isEqualTo("0.1.0");
      assertThat(DriverFixture.rows(c, "SELECT version(), VERSION() = {fn version()}"))
          .containsExactly("convosql 0.1.0, a JDBC driver on Apache Calcite; true");
    }
  }

  /**
   * What the other session functions give, unchanged: there are no catalogs, so CURRENT_CATALOG and
   * JDBC's {@code {fn DATABASE()}} are empty; the user is Calcite's fixed {@code sa}.
   */
  @Test
  void theCatalogIsEmptyAndTheUserCalcites() throws SQLException {
    try (Connection c = DriverFixture.connect("schema=pathsim")) {
      assertThat(c.getCatalog()).isNull();
      assertThat(DriverFixture.rows(c, "SELECT '[' || CURRENT_CATALOG || ']', '[' || {fn DATABASE()} || ']',"
          + " CURRENT_USER, USER, SESSION_USER, {fn USER()}"))
          .containsExactly("[]; []; sa; sa; sa; sa");
    }
  }

  @Test
  void lowerCaseNamesWorkWhereNamesKeepTheirCase() throws SQLException {
    try (Connection c = DriverFixture.connect("lex=JAVA", "schema=insights")) {
      assertThat(DriverFixture.rows(c, "SELECT current_schema, current_schema(), schema(), database(),"
          + " version() IS NOT NULL")).containsExactly("insights; insights; insights; insights; true");
    }
  }
}
