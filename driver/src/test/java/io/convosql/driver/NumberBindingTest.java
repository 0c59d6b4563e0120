package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A number parameter takes numbers and numeric text; a value of another class (a Boolean, a
 * Character) fails when bound with 22018, naming the parameter's type and the value's class, instead
 * of failing later with a ClassCastException's text about modules and class loaders.
 */
class NumberBindingTest {
  private static final String LENGTH = "SELECT id FROM pathsim.workspaces WHERE CHAR_LENGTH(name) = ?";

  @Test
  void aValueOfAnotherClassIs22018() throws SQLException {
    try (Connection c = DriverFixture.connect(); PreparedStatement s = c.prepareStatement(LENGTH)) {
      assertThatThrownBy(() -> s.setObject(1, true))
          .isInstanceOf(SQLDataException.class)
          .hasMessage("A parameter of type INTEGER cannot take a value of class Boolean: bind a number"
              + " (setInt, setLong, setBigDecimal, setDouble) or numeric text")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
      assertThatThrownBy(() -> s.setObject(1, '7'))
          .hasMessage("A parameter of type INTEGER cannot take a value of class Character: bind a number"
              + " (setInt, setLong, setBigDecimal, setDouble) or numeric text")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
    }
  }
}
