package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/**
 * A BOOLEAN parameter takes the texts PostgreSQL reads as booleans, as they come from forms, CSV and
 * JSON, and their one-letter forms as a Character; the numbers 1 and 0 of any class, as the literal
 * {@code is_active = 1} reads. Other text, numbers and classes are 22018 when bound.
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

  @Test
  void oneAndZeroAndSingleCharactersBindAsTheLiteralReads() throws SQLException {
    try (Connection c = DriverFixture.connect();
         PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pathsim.workspaces WHERE is_active = ?")) {
      long active = DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces WHERE is_active = 1")
          .stream().mapToLong(Long::parseLong).sum();
      long inactive = DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces WHERE is_active = 0")
          .stream().mapToLong(Long::parseLong).sum();
      assertThat(active).isPositive();
      for (Object yes : new Object[] {1, 1L, (short) 1, (byte) 1, java.math.BigInteger.ONE, 't', 'Y', '1'}) {
        assertThat(count(s, yes)).as(yes.getClass().getSimpleName() + " " + yes).isEqualTo(active);
      }
      for (Object no : new Object[] {0, 0L, 'f', 'n', '0'}) {
        assertThat(count(s, no)).as(no.getClass().getSimpleName() + " " + no).isEqualTo(inactive);
      }
      s.setInt(1, 1);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(active);
      }
      assertThatThrownBy(() -> s.setObject(1, 2))
          .hasMessage("The number 2 is not a boolean: bind true or false, or 1 or 0")
          .extracting(x -> ((SQLException) x).getSQLState()).isEqualTo("22018");
      assertThatThrownBy(() -> s.setObject(1, 'x'))
          .hasMessage("'x' is not a boolean: bind true or false")
          .extracting(x -> ((SQLException) x).getSQLState()).isEqualTo("22018");
      assertThatThrownBy(() -> s.setObject(1, java.time.LocalDate.of(2025, 1, 1)))
          .hasMessage("A parameter of type BOOLEAN cannot take a value of class LocalDate: bind a"
              + " Boolean, 1 or 0, or text such as true or false")
          .extracting(x -> ((SQLException) x).getSQLState()).isEqualTo("22018");
    }
  }
}
