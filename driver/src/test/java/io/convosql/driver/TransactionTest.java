package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The read-only connection accepts commit() and rollback() as tools call them (Spark commits after reading). */
class TransactionTest {
  @Test
  void commitAndRollbackAfterReadingDoNothing() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      c.setAutoCommit(false);
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).containsExactly("5");
      c.commit();
      c.rollback();
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).containsExactly("5");
    }
  }

  @Test
  void commitOnAClosedConnectionFails() throws SQLException {
    Connection c = DriverFixture.connect();
    c.close();
    assertThatThrownBy(c::commit).isInstanceOf(SQLException.class);
  }
}
