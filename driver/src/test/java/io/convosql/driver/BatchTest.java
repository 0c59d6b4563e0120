package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.convosql.sandbox.Sandbox;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code executeBatch} as JDBC defines it: the count of each DELETE, and a query in the batch (no
 * count of its own) a {@link BatchUpdateException} with the counts of the statements before it.
 * Calcite answered a query with -1, a count JDBC does not allow.
 */
class BatchTest {
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(4, 20);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "insights.allowDelete=true");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  @Test
  void aBatchOfDeletesGivesEachOnesCount() throws SQLException {
    List<String> ids = OwnSandbox.insightsIds(sandbox, 2, 3);
    try (Statement s = connection.createStatement()) {
      s.addBatch("DELETE FROM insights.sessions WHERE id = '" + ids.get(0) + "'");
      s.addBatch("DELETE FROM insights.sessions WHERE id = 'no-such-session'");
      assertThat(s.executeBatch()).containsExactly(1, 0);
    }
    try (PreparedStatement p = connection.prepareStatement("DELETE FROM insights.sessions WHERE id = ?")) {
      p.setString(1, ids.get(1));
      p.addBatch();
      p.setString(1, ids.get(2));
      p.addBatch();
      assertThat(p.executeLargeBatch()).containsExactly(1L, 1L);
    }
  }

  @Test
  void aQueryInABatchFailsWithTheCountsBeforeIt() throws SQLException {
    String id = OwnSandbox.insightsIds(sandbox, 5, 1).get(0);
    try (Statement s = connection.createStatement()) {
      s.addBatch("DELETE FROM insights.sessions WHERE id = '" + id + "'");
      s.addBatch("SELECT name FROM pathsim.workspaces");
      BatchUpdateException e = catchThrowableOfType(BatchUpdateException.class, s::executeBatch);
      assertThat(e.getSQLState()).isEqualTo("07003");
      assertThat(e.getMessage()).isEqualTo("executeBatch ran a query, which returns rows, as"
          + " statement 2 of the batch: a batch is for statements that return a count (DELETE);"
          + " run a query with executeQuery");
      assertThat(e.getUpdateCounts()).containsExactly(1);
    }
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT name FROM pathsim.workspaces WHERE is_active = ?")) {
      p.setBoolean(1, true);
      p.addBatch();
      BatchUpdateException e = catchThrowableOfType(BatchUpdateException.class, p::executeLargeBatch);
      assertThat(e.getSQLState()).isEqualTo("07003");
      assertThat(e.getLargeUpdateCounts()).isEmpty();
    }
  }

  @Test
  void aStatementNoBatchCanRunFailsWhenAddedWithItsOwnError() throws SQLException {
    try (Statement s = connection.createStatement()) {
      SQLException create = catchThrowableOfType(SQLException.class,
          () -> s.addBatch("CREATE TABLE notes (id INT)"));
      assertThat(create.getSQLState()).isEqualTo("25006");
      assertThat(create.getMessage()).isEqualTo(ReadOnlyStatements.message("CREATE TABLE"));
      SQLException show = catchThrowableOfType(SQLException.class,
          () -> s.addBatch("/* from the report */ SHOW TABLES"));
      assertThat(show.getSQLState()).isEqualTo("0A000");
      assertThat(show.getMessage()).startsWith("SHOW is not SQL convosql runs");
      SQLException call = catchThrowableOfType(SQLException.class, () -> s.addBatch("-- nightly\nCALL purge()"));
      assertThat(call.getSQLState()).isEqualTo("0A000");
      assertThat(call.getMessage()).startsWith("convosql has no stored procedures");
      SQLException empty = catchThrowableOfType(SQLException.class, () -> s.addBatch("  -- nothing"));
      assertThat(empty.getSQLState()).isEqualTo("42000");
      for (String runByExecute : List.of("BEGIN", "-- x\nUSE pathsim", "SET TRANSACTION READ ONLY")) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> s.addBatch(runByExecute));
        assertThat(e.getSQLState()).as(runByExecute).isEqualTo("0A000");
        assertThat(e.getMessage()).as(runByExecute).endsWith(" is not run in a batch: a batch is for"
            + " statements that return a count (DELETE); run it with execute");
      }
      // none of them was added: the batch is empty
      assertThat(s.executeBatch()).isEmpty();
    }
  }
}
