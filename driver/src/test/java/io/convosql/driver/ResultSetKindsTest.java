package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A statement asked for a scrollable or updatable result set gets a forward-only, read-only one,
 * says so, and leaves a warning on the connection, so that a tool that checks {@code getType} before
 * {@code last()} reads forward instead of failing.
 */
class ResultSetKindsTest {
  @Test
  void scrollableAndUpdatableAreForwardOnlyAndReadOnlyWithAWarning() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat((Throwable) c.getWarnings()).isNull();
      try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
           ResultSet rs = s.executeQuery("SELECT name FROM pathsim.workspaces")) {
        assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(s.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rs.next()).isTrue();
      }
      SQLWarning warning = c.getWarnings();
      assertThat(warning.getSQLState()).isEqualTo("01000");
      assertThat((Throwable) warning).hasMessage("convosql's result sets are forward-only and read-only: the statement's"
          + " are, rather than the scroll-insensitive, updatable kind asked for");
      c.clearWarnings();
      assertThat((Throwable) c.getWarnings()).isNull();

      try (PreparedStatement p = c.prepareStatement("SELECT name FROM pathsim.workspaces WHERE is_active = ?",
          ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT)) {
        p.setBoolean(1, true);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
          assertThat(rs.next()).isTrue();
        }
      }
      assertThat((Throwable) c.getWarnings()).hasMessageContaining("rather than the scroll-sensitive, read-only kind");
      c.clearWarnings();
      // what convosql has: no warning
      c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY).close();
      assertThat((Throwable) c.getWarnings()).isNull();
    }
  }
}
