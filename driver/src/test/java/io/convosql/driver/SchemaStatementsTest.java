package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * USE pathsim, SET search_path TO insights, SET SCHEMA 'pathsim': unqualified names are then looked
 * up in that schema, as after Connection.setSchema; a schema the connection lacks is refused.
 */
class SchemaStatementsTest {
  @RegisterExtension
  static final NoRequestSandbox QUIET = new NoRequestSandbox(4, 2);

  private static List<String> explained(Connection c, String sql) throws SQLException {
    return DriverFixture.rows(c, "EXPLAIN PLAN FOR " + sql);
  }

  @Test
  void eachFormSetsTheSchemaUnqualifiedNamesAreLookedUpIn() throws SQLException {
    Connection c = QUIET.connect();
    try (Statement s = c.createStatement()) {
      assertThat(s.execute("USE pathsim;")).isFalse();
      assertThat(c.getSchema()).isEqualTo("pathsim");
      assertThat(explained(c, "SELECT id FROM sessions"))
          .isEqualTo(explained(c, "SELECT id FROM pathsim.sessions"));

      assertThat(s.executeUpdate("SET search_path TO insights, public")).isZero();
      assertThat(c.getSchema()).isEqualTo("insights");
      assertThat(explained(c, "SELECT id FROM sessions").get(0))
          .startsWith("EnumerableApiScan(table=[[insights, sessions]], columns=[[id]]");

      s.execute("set search_path = public, \"pathsim\"");
      assertThat(c.getSchema()).isEqualTo("pathsim");
      s.execute("SET SCHEMA 'insights'");
      assertThat(c.getSchema()).isEqualTo("insights");
      s.execute("use PATHSIM");
      assertThat(c.getSchema()).isEqualTo("pathsim");
    }
  }

  @Test
  void connectionSetSchemaTakesTheConnectionsSchemasOnly() throws SQLException {
    Connection c = QUIET.connect();
    c.setSchema("Insights");
    assertThat(c.getSchema()).isEqualTo("insights");
    assertThatThrownBy(() -> c.setSchema("nope"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3F000"))
        .hasMessage("Schema nope does not exist: the schemas are convosql, insights, pathsim");
    assertThat(c.getSchema()).isEqualTo("insights");
  }

  /**
   * {@code setSchema(null)} on a connection with a schema fails with 22004 (a null where a value is
   * needed), naming the schema the connection keeps and those it has; before, it was ignored without
   * a word, and the connection kept its schema while the caller believed it had none. On a
   * connection without one it changes nothing and says nothing, so that code restoring the schema it
   * read, {@code setSchema(getSchema())}, runs on every connection.
   */
  @Test
  void connectionSetSchemaOfNullIsRefusedWhenItWouldChangeNothing() throws SQLException {
    Connection c = QUIET.connect();
    String before = c.getSchema();
    assertThat(before).isNull();
    c.setSchema(before); // was 22004 "… the connection's schema stays unset"
    assertThat(c.getSchema()).isNull();
    c.setSchema("pathsim");
    assertThatThrownBy(() -> c.setSchema(null))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22004"))
        .hasMessage("setSchema(null): a schema name is needed, and the connection's schema stays pathsim."
            + " Pass one of convosql, insights, pathsim, or qualify table names with their schema"
            + " (pathsim.sessions), which works whatever the connection's schema");
    assertThat(c.getSchema()).isEqualTo("pathsim");
  }

  @Test
  void aSchemaTheConnectionLacksIsRefusedNamingThoseItHas() throws SQLException {
    Connection c = QUIET.connect();
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("USE pathsimm"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3F000"))
          .hasMessage("Schema pathsimm does not exist: the schemas are convosql, insights, pathsim");
      assertThatThrownBy(() -> s.execute("SET search_path TO \"PATHSIM\""))
          .hasMessageStartingWith("Schema \"PATHSIM\" does not exist");
      assertThatThrownBy(() -> s.executeQuery("USE pathsim"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("07003"))
          .hasMessage("USE pathsim returns no rows: run it with execute or executeUpdate");
    }
  }
}
