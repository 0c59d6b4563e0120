package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/**
 * Integer arithmetic that overflows fails with 22003 and a hint, as errors.md says, rather than
 * wrapping around; the SUM of an INTEGER is a BIGINT, as in PostgreSQL, so it does not overflow.
 */
class ArithmeticOverflowTest {
  @Test
  void anOverflowIs22003WithAHint() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      for (String sql : new String[] {"SELECT 2147483647 + 1", "SELECT -2147483647 - 2",
          "SELECT CAST(65536 AS INTEGER) * 65536", "SELECT COUNT(*) FROM pathsim.sessions WHERE duration_seconds * 100000000 > 0"}) {
        SQLException e = (SQLException) DriverFixture.queryFailure(c, sql);
        assertThat(e.getSQLState()).as(sql).isEqualTo("22003");
        assertThat((Throwable) e).as(sql).hasMessageEndingWith("A value is out of range (integer overflow): arithmetic on"
            + " INTEGER stays INTEGER; cast an operand to BIGINT or DECIMAL first, as in CAST(x AS BIGINT) * 100000");
      }
      assertThat(DriverFixture.rows(c, "SELECT CAST(2147483647 AS BIGINT) + 1, 7 / 2, -(-5)"))
          .containsExactly("2147483648; 3; 5");
    }
  }

  @Test
  void theSumOfAnIntegerIsABigint() throws SQLException {
    try (Connection c = DriverFixture.connect();
         ResultSet rs = c.createStatement().executeQuery(
             "SELECT SUM(x) FROM (VALUES (2147483647), (1)) AS t(x)")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isEqualTo(2147483648L);
    }
  }
}
