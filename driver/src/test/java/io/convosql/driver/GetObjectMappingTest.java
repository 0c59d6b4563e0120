package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.pathsim.Workspace;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ResultSet.getObject(column, Class)} as MyBatis and JasperReports call it: every JDBC 4.2
 * mapping of our types (our UTC timestamps as java.time values at UTC, whatever the JVM's zone), NULL
 * as null, and a value that cannot become the class as a one-line SQLDataException (22018, 22003).
 */
class GetObjectMappingTest {
  private static final Workspace WORKSPACE = DriverFixture.data().workspaces().stream()
      .min(Comparator.comparing(Workspace::id)).orElseThrow();
  private static final String SQL = "SELECT id, created_at, is_active, CAST(7 AS INTEGER) AS i,"
      + " CAST(5000000000 AS BIGINT) AS big, CAST(1.5 AS DECIMAL(3, 1)) AS d, CAST(x'0102' AS VARBINARY) AS bin,"
      + " CAST(NULL AS VARCHAR) AS nothing, CAST(2.5 AS DOUBLE) AS dbl"
      + " FROM pathsim.workspaces WHERE id = ?";
  private static Connection connection;
  private static PreparedStatement statement;
  private static ResultSet rs;

  @BeforeAll
  static void read() throws SQLException {
    connection = DriverFixture.connect();
    statement = connection.prepareStatement(SQL);
    statement.setString(1, WORKSPACE.id());
    rs = statement.executeQuery();
    assertThat(rs.next()).isTrue();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void textAndNumbers() throws SQLException {
    assertThat(rs.getObject(1, String.class)).isEqualTo(WORKSPACE.id());
    assertThat(rs.getObject("id", String.class)).isEqualTo(WORKSPACE.id());
    assertThat(rs.getObject(4, Integer.class)).isEqualTo(7);
    assertThat(rs.getObject(4, Long.class)).isEqualTo(7L);
    assertThat(rs.getObject(4, Short.class)).isEqualTo((short) 7);
    assertThat(rs.getObject(4, BigDecimal.class)).isEqualTo(new BigDecimal("7"));
    assertThat(rs.getObject(4, Double.class)).isEqualTo(7.0);
    assertThat(rs.getObject(4, String.class)).isEqualTo("7");
    assertThat(rs.getObject(5, Long.class)).isEqualTo(5_000_000_000L);
    assertThat(rs.getObject(5, BigInteger.class)).isEqualTo(BigInteger.valueOf(5_000_000_000L));
    assertThat(rs.getObject(6, BigDecimal.class)).isEqualTo(new BigDecimal("1.5"));
    assertThat(rs.getObject(6, Double.class)).isEqualTo(1.5);
    assertThat(rs.getObject(6, Integer.class)).isEqualTo(1); // as getInt() reads it
    assertThat(rs.getObject(9, Double.class)).isEqualTo(2.5);
    assertThat(rs.getObject(9, BigDecimal.class)).isEqualTo(new BigDecimal("2.5"));
  }

  @Test
  void booleansBytesAndNull() throws SQLException {
    assertThat(rs.getObject(3, Boolean.class)).isEqualTo(WORKSPACE.active());
    assertThat(rs.getObject("is_active", Boolean.class)).isEqualTo(WORKSPACE.active());
    assertThat(rs.getObject(7, byte[].class)).containsExactly(1, 2);
    assertThat(rs.getObject(8, String.class)).isNull();
    assertThat(rs.getObject(8, Integer.class)).isNull();
    assertThat(rs.getObject(8, LocalDateTime.class)).isNull();
  }

  @Test
  void timestampsAreUtc() throws SQLException {
    Instant created = WORKSPACE.createdAt();
    LocalDateTime utc = LocalDateTime.ofInstant(created, ZoneOffset.UTC);
    assertThat(rs.getObject(2, LocalDateTime.class)).isEqualTo(utc);
    assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(utc.toLocalDate());
    assertThat(rs.getObject(2, Instant.class)).isEqualTo(created);
    assertThat(rs.getObject(2, OffsetDateTime.class)).isEqualTo(created.atOffset(ZoneOffset.UTC));
    assertThat(rs.getObject(2, ZonedDateTime.class)).isEqualTo(created.atZone(ZoneOffset.UTC));
    assertThat(rs.getObject(2, Timestamp.class)).isEqualTo(Timestamp.valueOf(utc)).isEqualTo(rs.getTimestamp(2));
    assertThat(rs.getObject(2, String.class)).isEqualTo(DriverFixture.wallClock(created));
  }

  @Test
  void impossibleConversionsAreDataErrors() {
    assertThatThrownBy(() -> rs.getObject(2, Integer.class)).isInstanceOf(SQLDataException.class)
        .hasMessage("Cannot read column 2 (TIMESTAMP) as java.lang.Integer: read it as Timestamp or String")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
    assertThatThrownBy(() -> rs.getObject(1, Long.class)).isInstanceOf(SQLDataException.class)
        .hasMessageStartingWith("Column 1's value '" + WORKSPACE.id() + "' is not a number")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
    assertThatThrownBy(() -> rs.getObject(1, Integer.class)).isInstanceOf(SQLDataException.class)
        .hasMessage("Column 1's value '" + WORKSPACE.id() + "' is not a number, so not an Integer: read it as String");
    assertThatThrownBy(() -> rs.getObject(1, Instant.class)).isInstanceOf(SQLDataException.class)
        .hasMessageStartingWith("Column 1's value '" + WORKSPACE.id() + "' is not an Instant: ");
    assertThatThrownBy(() -> rs.getObject(1, LocalDateTime.class))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
    assertThatThrownBy(() -> rs.getObject(5, Integer.class)).isInstanceOf(SQLDataException.class)
        .hasMessage("Column 5's value 5000000000 is out of the range of Integer: read it as Long or BigDecimal")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
    assertThatThrownBy(() -> rs.getObject(3, byte[].class))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
  }
}
