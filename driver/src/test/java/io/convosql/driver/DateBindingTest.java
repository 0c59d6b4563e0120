package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DATE parameter ({@code CAST(created_at AS DATE) = ?}, {@code started_at::date = ?},
 * {@code CAST(? AS DATE)}) takes a LocalDate, date text, a LocalDateTime or Timestamp (their day) as
 * well as a {@code java.sql.Date}, and selects the rows of the equivalent DATE literal; Calcite's code
 * took only {@code java.sql.Date} and failed on the rest with a ClassCastException's text.
 */
class DateBindingTest {
  private static final String CREATED_ON = "SELECT id FROM pathsim.workspaces WHERE CAST(created_at AS DATE) = %s ORDER BY id";
  private static final String SESSIONS_DAY = "SELECT id FROM pathsim.sessions WHERE started_at::date = %s ORDER BY id";
  private static final String AFTER_DAY = "SELECT id FROM pathsim.workspaces WHERE created_at > CAST(%s AS DATE) ORDER BY id";
  private static Connection connection;
  /** A day some workspace was created on, and one some session started on. */
  private static LocalDate workspaceDay;
  private static LocalDate sessionDay;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverFixture.connect();
    workspaceDay = LocalDate.ofInstant(DriverFixture.data().workspaces().get(1).createdAt(), ZoneOffset.UTC);
    sessionDay = LocalDate.ofInstant(DriverFixture.data().sessions().get(0).time(), ZoneOffset.UTC);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static List<String> bound(String sql, Object value) throws SQLException {
    return DriverFixture.rows(connection, sql.formatted("?"), value);
  }

  @Test
  void aDateParameterTakesTheValuesADateIs() throws SQLException {
    for (String sql : List.of(CREATED_ON, SESSIONS_DAY, AFTER_DAY)) {
      LocalDate day = sql.equals(SESSIONS_DAY) ? sessionDay : workspaceDay;
      List<String> expected = DriverFixture.rows(connection, sql.formatted("DATE '" + day + "'"));
      assertThat(expected).as(sql).isNotEmpty();
      for (Object value : List.of(day, day.toString(), " " + day + " ", day.atTime(10, 15),
          day + " 10:15:00", Timestamp.valueOf(day.atTime(23, 59)), java.sql.Date.valueOf(day))) {
        assertThat(bound(sql, value)).as(sql + " bound with " + value.getClass().getSimpleName() + " " + value)
            .isEqualTo(expected);
      }
    }
  }

  /**
   * setTimestamp, not only setObject of a Timestamp, binds a DATE ? as its day: before, JDBC's own
   * conversion passed its milliseconds, and the query failed with 22000 "Long given, Integer
   * needed"; and setTimestamp on a number ? is refused, where it was a number made of them.
   */
  @Test
  void setTimestampOnADateParameterIsItsDay() throws SQLException {
    List<String> expected = DriverFixture.rows(connection, CREATED_ON.formatted("DATE '" + workspaceDay + "'"));
    try (PreparedStatement s = connection.prepareStatement(CREATED_ON.formatted("?"))) {
      s.setTimestamp(1, Timestamp.valueOf(workspaceDay.atTime(23, 59)));
      List<String> rows = new java.util.ArrayList<>();
      try (java.sql.ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      assertThat(rows).isNotEmpty().isEqualTo(expected);
    }
    try (PreparedStatement s = connection.prepareStatement("SELECT ? + 1")) {
      assertThatThrownBy(() -> s.setTimestamp(1, Timestamp.valueOf("2025-01-01 10:00:00")))
          .isInstanceOf(SQLDataException.class)
          .hasMessageStartingWith("A parameter of type INTEGER cannot take a value of class Timestamp")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
    }
  }

  @Test
  void aValueThatIsNoDateIs22xxx() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(CREATED_ON.formatted("?"))) {
      assertThatThrownBy(() -> s.setObject(1, LocalDate.of(2025, 11, 24).toString().replace("-", "/")))
          .isInstanceOf(SQLDataException.class)
          .hasMessage("'2025/11/24' is not a date: bind a java.sql.Date, LocalDate, LocalDateTime,"
              + " Timestamp or text such as 2025-08-01")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22007");
      assertThatThrownBy(() -> s.setObject(1, 20251124))
          .isInstanceOf(SQLDataException.class)
          .hasMessage("A parameter of type DATE cannot take a value of class Integer: bind a"
              + " java.sql.Date, LocalDate, LocalDateTime, Timestamp or text such as 2025-08-01")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
    }
  }
}
