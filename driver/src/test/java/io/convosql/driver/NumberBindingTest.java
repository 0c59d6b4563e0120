package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number parameter takes numbers and numeric text; a value of another class (a Boolean, a
 * Character) fails when bound with 22018, naming the parameter's type and the value's class, instead
 * of failing later with a ClassCastException's text about modules and class loaders. A fraction
 * bound to a whole-number parameter is 22018 too: Calcite would drop it, so {@code > 100.5} would
 * select what {@code > 100} selects; the column cast to DECIMAL compares it as the literal does.
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

  @Test
  void aFractionForAWholeNumberIs22018AndTheCastColumnComparesIt() throws SQLException {
    String sql = "SELECT id FROM pathsim.workspaces WHERE CHAR_LENGTH(name) > ? ORDER BY id";
    int shortest = DriverFixture.data().workspaces().stream().mapToInt(w -> w.name().length()).min().orElseThrow();
    String fraction = shortest + ".5";
    try (Connection c = DriverFixture.connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (Object value : List.of(new BigDecimal(fraction), Double.parseDouble(fraction), fraction)) {
        assertThatThrownBy(() -> s.setObject(1, value))
            .isInstanceOf(SQLDataException.class)
            .hasMessage(fraction + " has a fraction, and the parameter is INTEGER, a whole number: bind a"
                + " rounded value, or to compare with the fraction cast the column in the SQL, as in"
                + " CAST(column AS DECIMAL(19, 3)) > ?")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
      }
      s.setObject(1, new BigDecimal(shortest + ".0")); // a whole number, however written
      assertThat(OwnSandbox.run(s).rows()).isEqualTo(DriverFixture.rows(c, sql.replace("?", "" + shortest)));
      List<String> literal = DriverFixture.rows(c, sql.replace("?", fraction));
      assertThat(literal).isNotEmpty();
      assertThat(DriverFixture.rows(c, sql.replace("CHAR_LENGTH(name)", "CAST(CHAR_LENGTH(name) AS DECIMAL(19, 3))"),
          new BigDecimal(fraction))).isEqualTo(literal);
    }
  }
}
