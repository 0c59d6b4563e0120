package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SHOW TABLES and DESCRIBE fail with 0A000 saying where tables and columns are listed. */
class MetadataStatementsTest {
  @RegisterExtension
  static final NoRequestSandbox QUIET = new NoRequestSandbox(2, 1);

  private static final String HOW = " is not SQL convosql runs: in the shell, !tables lists the tables"
      + " and !describe ";
  private static final String REST = " a table's columns; from JDBC, DatabaseMetaData.getTables and"
      + " getColumns. Tables are named with their schema: pathsim.sessions, insights.sessions";

  @Test
  void showAndDescribeSayWhereToLook() throws Exception {
    Connection c = QUIET.connection();
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SHOW TABLES"))
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessage("SHOW" + HOW + "pathsim.sessions" + REST)
          .satisfies(e -> assertThat(((SQLFeatureNotSupportedException) e).getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> s.execute("describe pathsim.workspaces;"))
          .hasMessage("DESCRIBE" + HOW + "pathsim.workspaces" + REST);
      assertThatThrownBy(() -> s.executeQuery("  DESC TABLE insights.tags"))
          .hasMessage("DESC" + HOW + "insights.tags" + REST);
      // behind the comments tools put first (before, Calcite's parse error)
      assertThatThrownBy(() -> s.executeQuery("/* report: tables */\n-- list\nSHOW TABLES"))
          .hasMessage("SHOW" + HOW + "pathsim.sessions" + REST);
    }
    assertThatThrownBy(() -> c.prepareStatement("show columns from pathsim.sessions"))
        .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageStartingWith("SHOW" + HOW);
    assertThatThrownBy(() -> c.prepareStatement("-- columns\ndescribe pathsim.sessions"))
        .hasMessage("DESCRIBE" + HOW + "pathsim.sessions" + REST);
    // a name that starts the same is not one of them
    try (Statement s = c.createStatement()) {
      assertThat(s.execute("SELECT 1 AS showing")).isTrue();
    }
  }
}
