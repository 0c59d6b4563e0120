package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The connection and statement calls tools make on connect and around transactions: client info is
 * kept, {@code NO_GENERATED_KEYS} prepares, {@code setMaxFieldSize} cuts text, {@code SET TRANSACTION
 * ...} does nothing, and what convosql cannot do fails at once with one line and a SQLState:
 * executeUpdate of a query (07003), savepoints and generated keys (0A000), INSERT, UPDATE, MERGE and
 * DELETE from a table other than insights.sessions (25006), a closed connection (08003).
 */
class ConnectionContractTest {
  private static AbstractThrowableAssert<?, ? extends Throwable> assertState(ThrowingCallable call, String state) {
    AbstractThrowableAssert<?, ? extends Throwable> a = assertThatThrownBy(call).isInstanceOf(SQLException.class);
    a.extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(state);
    a.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    return a;
  }

  @Test
  void clientInfoIsKept() throws SQLException {
    Connection closed;
    try (Connection c = DriverFixture.connect()) {
      c.setClientInfo("ApplicationName", "DBeaver 25.1");
      assertThat(c.getClientInfo("ApplicationName")).isEqualTo("DBeaver 25.1");
      Properties p = new Properties();
      p.setProperty("ClientUser", "ana");
      c.setClientInfo(p);
      assertThat(c.getClientInfo()).containsOnlyKeys("ClientUser");
      assertThat(c.getClientInfo("ApplicationName")).isNull();
      closed = c;
    }
    assertThatThrownBy(() -> closed.setClientInfo("ApplicationName", "x"))
        .isInstanceOf(SQLClientInfoException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
  }

  @Test
  void generatedKeysAndSavepointsAre0A000() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pathsim.workspaces",
          Statement.NO_GENERATED_KEYS)) {
        assertThat(OwnSandbox.run(s).rows()).containsExactly("5");
        assertThat(s.getConnection()).isSameAs(c);
      }
      String sql = "SELECT id FROM pathsim.workspaces";
      assertState(() -> c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS), "0A000")
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessage("convosql generates no keys: statements only read, and DELETE returns its count;"
              + " leave out RETURN_GENERATED_KEYS and key columns");
      assertState(() -> c.prepareStatement(sql, new String[] {"id"}), "0A000");
      assertState(() -> c.createStatement().execute(sql, Statement.RETURN_GENERATED_KEYS), "0A000");
      assertThat(c.createStatement().execute(sql, Statement.NO_GENERATED_KEYS)).isTrue();
      c.setAutoCommit(false);
      assertState(c::setSavepoint, "0A000").isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessageStartingWith("convosql has no transactions, so no savepoints");
      assertState(() -> c.setSavepoint("before"), "0A000");
    }
  }

  @Test
  void aCallCalciteDoesNotImplementIs0A000NamingIt() throws SQLException {
    // Calcite throws these without a message: they read "Not supported by convosql: SQLFeatureNotSupportedException"
    try (Connection c = DriverFixture.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM pathsim.workspaces")) {
      assertState(() -> rs.absolute(2), "0A000").isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessage("ResultSet.absolute is not supported by convosql, whose result sets are forward-only"
              + " and read-only: leave the call out");
      assertState(c::createBlob, "0A000").hasMessage("Connection.createBlob is not supported by"
          + " convosql, which reads the APIs' values and makes no LOBs, structured values, row ids or"
          + " generated keys: leave the call out");
      // no reason where none of these is the reason
      assertState(() -> s.setCursorName("c1"), "0A000")
          .hasMessage("Statement.setCursorName is not supported by convosql: leave the call out");
      assertThat(rs.next()).isTrue(); // the result set still reads
    }
  }

  @Test
  void maxFieldSizeCutsTextAndBytes() throws SQLException {
    try (Connection c = DriverFixture.connect(); Statement s = c.createStatement()) {
      s.setMaxFieldSize(4);
      assertThat(s.getMaxFieldSize()).isEqualTo(4);
      try (ResultSet rs = s.executeQuery("SELECT 'convosql', CAST(x'01020304050607' AS VARBINARY),"
          + " 1234567, 'ab' FROM pathsim.workspaces LIMIT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("conv");
        assertThat(rs.getObject(1)).isEqualTo("conv");
        assertThat(rs.getBytes(2)).containsExactly(1, 2, 3, 4);
        assertThat(rs.getString(3)).isEqualTo("1234567"); // numbers are not cut
        assertThat(rs.getString(4)).isEqualTo("ab");
      }
      s.setMaxFieldSize(100);
      try (ResultSet rs = s.executeQuery("SELECT 'convosql' FROM pathsim.workspaces LIMIT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("convosql");
      }
      assertState(() -> s.setMaxFieldSize(-1), "22023");
    }
  }

  @Test
  void setTransactionDoesNothing() throws SQLException {
    try (Connection c = DriverFixture.connect(); Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("SET TRANSACTION READ ONLY")).isZero();
      assertThat(s.executeUpdate("set transaction read write;")).isZero();
      assertThat(s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")).isFalse();
      assertThat(s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")).isFalse();
      assertThat(s.executeLargeUpdate("SET SESSION TRANSACTION READ ONLY")).isZero();
      assertState(() -> s.executeQuery("SET TRANSACTION READ ONLY"), "07003");
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).containsExactly("5");
    }
  }

  @Test
  void beginCommitAndRollbackAsStatementsDoNothing() throws SQLException {
    try (Connection c = DriverFixture.connect(); Statement s = c.createStatement()) {
      for (String sql : new String[] {"BEGIN", "begin;", "BEGIN TRANSACTION", "START TRANSACTION READ ONLY",
          "COMMIT", "commit work;", "ROLLBACK", "END", "end transaction"}) {
        assertThat(s.execute(sql)).as(sql).isFalse();
        assertThat(s.executeUpdate(sql)).as(sql).isZero();
      }
      assertState(() -> s.executeQuery("COMMIT"), "07003")
          .hasMessage("COMMIT returns no rows: run it with execute or executeUpdate");
      assertState(() -> s.execute("ROLLBACK TO SAVEPOINT a"), "42000");
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).containsExactly("5");
    }
  }

  @Test
  void executeUpdateOfAQueryIs07003() throws SQLException {
    try (Connection c = DriverFixture.connect(); Statement s = c.createStatement();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM pathsim.workspaces")) {
      assertState(() -> s.executeUpdate("SELECT id FROM pathsim.workspaces"), "07003")
          .hasMessage("executeUpdate ran a query, which returns rows: run it with executeQuery");
      assertState(ps::executeUpdate, "07003");
      assertState(ps::executeLargeUpdate, "07003");
      assertThat(s.getResultSet().isClosed()).isTrue(); // the query's rows are not left open
    }
  }

  @Test
  void writesAre25006WithoutAPlannerDump() throws SQLException {
    try (Connection c = DriverFixture.connect(); Statement s = c.createStatement()) {
      String only = " is not supported: convosql only reads, and its tables are read-only; the one write"
          + " is DELETE FROM insights.sessions WHERE id = ..., with insights.allowDelete=true";
      assertState(() -> s.executeUpdate("INSERT INTO pathsim.workspaces (id, name) VALUES ('w', 'x')"),
          "25006").hasMessage("INSERT" + only);
      assertState(() -> c.prepareStatement("UPDATE pathsim.workspaces SET name = 'x'"), "25006")
          .hasMessage("UPDATE" + only);
      assertState(() -> s.execute("DELETE FROM pathsim.workspaces WHERE id = 'w'"), "25006")
          .hasMessage("DELETE" + only);
    }
  }

  @Test
  void aNewConnectionIsInAutoCommitMode() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(c.getAutoCommit()).isTrue();
      c.setAutoCommit(false);
      c.commit();
      assertThat(c.getAutoCommit()).isFalse();
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).hasSize(1);
    }
  }

  @Test
  void aClosedConnectionIs08003() throws SQLException {
    Connection c = DriverFixture.connect();
    c.close();
    assertState(c::createStatement, "08003").hasMessage("The connection is closed: open a new one");
    assertState(c::commit, "08003");
  }

  @Test
  void theStatementsOfAClosedConnectionAreClosedToo() throws SQLException {
    Connection c = DriverFixture.connect();
    Statement s = c.createStatement();
    PreparedStatement p = c.prepareStatement("SELECT name FROM pathsim.workspaces WHERE is_active = ?");
    p.setBoolean(1, true);
    c.close();
    assertThat(s.isClosed()).isTrue();
    assertThat(p.isClosed()).isTrue();
    assertState(() -> s.executeQuery("SELECT 1"), "08003").hasMessage("The connection is closed: open a new one");
    assertState(() -> s.execute("SELECT name FROM pathsim.workspaces"), "08003");
    assertState(p::executeQuery, "08003").hasMessage("The connection is closed: open a new one");
    assertState(p::executeBatch, "08003");
  }

  @Test
  void abortClosesTheConnection() throws SQLException {
    Connection c = DriverFixture.connect();
    Statement s = c.createStatement();
    c.abort(Runnable::run);
    assertThat(c.isClosed()).isTrue();
    assertThat(s.isClosed()).isTrue();
    assertState(c::createStatement, "08003");
    c.abort(Runnable::run); // again: nothing to do
    try (Connection other = DriverFixture.connect()) {
      assertState(() -> other.abort(null), "HY009");
    }
  }
}
