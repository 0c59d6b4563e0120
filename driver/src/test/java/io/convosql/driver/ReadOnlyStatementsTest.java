package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every statement that would write fails with 25006 naming it, on every way SQL is run, before it
 * is parsed and before any request: before, CREATE TABLE was HY000 "DDL not supported", CREATE VIEW
 * a parse error expecting MULTISET, DROP and GRANT a hint to quote reserved words, ALTER and
 * TRUNCATE "this is not a statement".
 */
class ReadOnlyStatementsTest {
  @RegisterExtension
  static final NoRequestSandbox QUIET = new NoRequestSandbox(4, 2);
  private static final String REFUSED = " is not supported: convosql only reads, and its tables are"
      + " read-only; the one write is DELETE FROM insights.sessions WHERE id = ..., with"
      + " insights.allowDelete=true";

  @Test
  void writesAre25006NamingTheStatementOnEveryWay() throws SQLException {
    Map<String, String> named = Map.ofEntries(
        Map.entry("CREATE TABLE foo (a int)", "CREATE TABLE"),
        Map.entry("CREATE VIEW v AS SELECT 1", "CREATE VIEW"),
        Map.entry("CREATE SCHEMA s", "CREATE SCHEMA"),
        Map.entry("/* why */ -- not\n  create or replace view v as select 1", "CREATE OR REPLACE VIEW"),
        Map.entry("DROP TABLE pathsim.workspaces", "DROP TABLE"),
        Map.entry("GRANT SELECT ON pathsim.workspaces TO x", "GRANT"),
        Map.entry("REVOKE SELECT ON pathsim.workspaces FROM x", "REVOKE"),
        Map.entry("ALTER TABLE pathsim.workspaces ADD COLUMN x int", "ALTER TABLE"),
        Map.entry("TRUNCATE TABLE pathsim.workspaces", "TRUNCATE TABLE"),
        Map.entry("UPSERT INTO pathsim.workspaces (id) VALUES ('w')", "UPSERT"),
        Map.entry("INSERT INTO pathsim.workspaces (id) VALUES", "INSERT"), // refused before it fails to parse
        Map.entry("update pathsim.workspaces set name = 'x'", "UPDATE"),
        Map.entry("MERGE INTO pathsim.workspaces w USING pathsim.workspaces v ON w.id = v.id"
            + " WHEN MATCHED THEN UPDATE SET name = 'x'", "MERGE"));
    Connection c = QUIET.connection();
    for (Map.Entry<String, String> e : named.entrySet()) {
      String sql = e.getKey();
      try (Statement s = c.createStatement()) {
        for (ThrowingCallable run : List.<ThrowingCallable>of(() -> s.execute(sql), () -> s.executeQuery(sql),
            () -> s.executeUpdate(sql), () -> s.executeLargeUpdate(sql), () -> c.prepareStatement(sql))) {
          assertThatThrownBy(run).as(sql).isInstanceOf(SQLException.class).hasMessage(e.getValue() + REFUSED)
              .extracting(t -> ((SQLException) t).getSQLState()).isEqualTo("25006");
        }
      }
    }
  }

  @Test
  void queriesThatOnlyMentionTheWordsRunAsBefore() throws SQLException {
    Connection c = QUIET.connection();
    assertThat(OwnSandbox.run(c, "SELECT 'DROP TABLE x' AS create_note").rows()).containsExactly("DROP TABLE x");
    assertThat(OwnSandbox.run(c, "VALUES ('UPDATE')").rows()).containsExactly("UPDATE");
    assertThat(c.nativeSQL("DROP TABLE x")).isEqualTo("DROP TABLE x"); // translates, runs nothing
  }
}
