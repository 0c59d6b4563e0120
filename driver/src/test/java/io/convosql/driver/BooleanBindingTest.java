package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/**
 * A BOOLEAN parameter takes the texts PostgreSQL reads as booleans, as they come from forms, CSV and
 * JSON; other text is 22018.
 */
class BooleanBindingTest {
  private static long count(PreparedStatement s, Object value) throws SQLException {
    s.setObject(1, value);
    try (ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void textsOfTrueAndFalseBind() throws SQLException {
    long active = DriverFixture.data().workspaces().stream().filter(w -> w.active()).count();
    long inactive = DriverFixture.data().workspaces().size() - active;
    try (Connection c = DriverFixture.connect();
         PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pathsim.workspaces WHERE is_active = ?")) {
      for (String yes : new String[] {"true", "TRUE", "t", "yes", "y", "on", "1", " 1 "}) {
        assertThat(count(s, yes)).as(yes).isEqualTo(active);
      }
      for (String no : new String[] {"false", "f", "no", "off", "0"}) {
        assertThat(count(s, no)).as(no).isEqualTo(inactive);
      }
      s.setObject(1, "1", Types.BOOLEAN);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(active);
      }
      SQLException e = (SQLException) org.assertj.core.api.Assertions.catchThrowable(() -> s.setObject(1, "maybe"));
      assertThat(e.getSQLState()).isEqualTo("22018");
      assertThat((Throwable) e).hasMessage("'maybe' is not a boolean: bind true or false");
    }
  }
}
