package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * JDBC's typed getters on the values JDBC's conversion table allows: numbers, booleans and timestamps
 * written as text, text and bytes as streams and LOBs, and integers narrowed only within range.
 */
class ResultSetGettersTest {
  private static final String SQL = "SELECT '331' AS t, 'true' AS b, '12.5' AS d, '2026-12-06 22:54:00' AS ts,"
      + " CAST(5000000000 AS BIGINT) AS big, CAST(NULL AS INTEGER) AS n, 'https://example.com/a' AS u,"
      + " X'0102ff' AS bin, CAST(70000 AS INTEGER) AS wide";

  @Test
  void textNumbersBytesAndNarrowing() throws SQLException, IOException {
    try (Connection c = DriverFixture.connect(); ResultSet rs = c.createStatement().executeQuery(SQL)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("t")).isEqualTo(331);
      assertThat(rs.getLong(1)).isEqualTo(331L);
      assertThat(rs.getBoolean("b")).isTrue();
      assertThat(rs.getDouble("d")).isEqualTo(12.5);
      assertThat(rs.getBigDecimal("d")).isEqualByComparingTo(new BigDecimal("12.5"));
      assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2026-12-06 22:54:00"));
      assertThat(rs.getLong("big")).isEqualTo(5_000_000_000L);
      SQLException e = (SQLException) Assertions.catchThrowable(() -> rs.getInt("big"));
      assertThat(e.getSQLState()).isEqualTo("22003");
      assertThat(((SQLException) Assertions.catchThrowable(() -> rs.getShort("wide"))).getSQLState()).isEqualTo("22003");
      assertThat(rs.getInt("wide")).isEqualTo(70000);
      assertThat(rs.getInt("n")).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getBoolean("n")).isFalse();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getCharacterStream("t")).satisfies(r -> assertThat(new BufferedReader(r).readLine()).isEqualTo("331"));
      assertThat(rs.getNString("t")).isEqualTo("331");
      assertThat(rs.getClob("t").getSubString(1, 3)).isEqualTo("331");
      assertThat(rs.getAsciiStream("t").readAllBytes()).isEqualTo("331".getBytes());
      assertThat(rs.getURL("u").getHost()).isEqualTo("example.com");
      assertThat(rs.getBinaryStream("bin").readAllBytes()).containsExactly(1, 2, -1);
      assertThat(rs.getBlob("bin").getBytes(1, 3)).containsExactly(1, 2, -1);
      assertThat(rs.getCharacterStream("n")).isNull();
      SQLException notANumber = (SQLException) Assertions.catchThrowable(() -> rs.getInt("u"));
      assertThat(notANumber.getSQLState()).isEqualTo("22018");
    }
  }
}
