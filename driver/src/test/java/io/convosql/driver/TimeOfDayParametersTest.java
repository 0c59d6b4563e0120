package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A TIME {@code ?} takes what JDBC's conversion table lets a TIME take: besides a java.sql.Time and
 * a LocalTime, a timestamp (Timestamp, LocalDateTime; an instant such as an OffsetDateTime, Instant
 * or OffsetTime at UTC, as TIMESTAMP parameters read them) gives its time of day; and text as
 * PostgreSQL reads a time: {@code 9:30}, {@code 09:30:00.5}, or a timestamp's text, whose time of day
 * it takes. Before, the timestamps were 22018 and {@code 9:30} and {@code 2025-08-10 09:30:00} 22007.
 */
class TimeOfDayParametersTest {
  private static final String SQL = "SELECT id FROM pathsim.sessions WHERE CAST(started_at AS TIME) > ? ORDER BY id";
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    sandbox = OwnSandbox.start(40, 0);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    sandbox.close();
  }

  /** The sessions whose start (UTC, as started_at shows it) is after 09:30, by id. */
  private static List<String> after930() {
    return sandbox.pathSim().data().sessions().stream()
        .filter(s -> s.time().atOffset(ZoneOffset.UTC).toLocalTime().isAfter(LocalTime.of(9, 30)))
        .map(s -> s.id()).sorted().toList();
  }

  @Test
  void timestampsAndTheirTextGiveTheirTimeOfDay() throws SQLException {
    List<String> expected = after930();
    assertThat(expected).isNotEmpty().hasSizeLessThan(40);
    assertThat(DriverFixture.rows(connection, SQL.replace("?", "TIME '09:30:00'"))).isEqualTo(expected);
    for (Object value : new Object[] {java.sql.Time.valueOf("09:30:00"), LocalTime.of(9, 30), "09:30:00",
        "9:30", "9:30:00", "09:30:00.0", "2025-08-10 09:30:00", "2025-08-10T09:30", "2025-08-10 09:30:00+00",
        Timestamp.valueOf("2025-08-10 09:30:00"), LocalDateTime.parse("2025-08-10T09:30"),
        OffsetDateTime.parse("2025-08-10T11:30+02:00"), OffsetTime.parse("11:30+02:00"),
        OffsetDateTime.parse("2025-08-10T09:30Z").toInstant()}) {
      assertThat(DriverFixture.rows(connection, SQL, value)).as("%s", value).isEqualTo(expected);
    }
    try (PreparedStatement s = connection.prepareStatement(SQL)) {
      s.setTimestamp(1, Timestamp.valueOf("1999-01-01 09:30:00"));
      List<String> ids = new java.util.ArrayList<>();
      try (java.sql.ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      assertThat(ids).isEqualTo(expected);
    }
  }

  @Test
  void aTimestampWithACalendarGivesItsTimeOfDayInTheCalendarsZone() throws SQLException {
    // setTimestamp(i, x, cal), as Hibernate binds with hibernate.jdbc.time_zone: the instant's wall
    // clock in the calendar's zone, as a TIMESTAMP parameter reads it. Before, 22000 "A value has the
    // wrong type for its use (Long given, Integer needed)".
    List<String> expected = after930();
    for (String zone : List.of("UTC", "Europe/Berlin", "Asia/Kolkata")) {
      java.util.Calendar cal = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone(zone));
      Timestamp at930 = Timestamp.from(LocalDateTime.parse("2025-08-10T09:30").atZone(java.time.ZoneId.of(zone))
          .toInstant());
      try (PreparedStatement s = connection.prepareStatement(SQL)) {
        s.setTimestamp(1, at930, cal);
        List<String> ids = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        assertThat(ids).as(zone).isEqualTo(expected);
      }
    }
  }

  /**
   * Text of a time of day with an offset is the instant's time of day at UTC, as an OffsetTime bound
   * is; before, 22007 "'11:30+02' is not a time of day". 24:00:00, PostgreSQL's end of a day, is still
   * 22007, saying why: a TIME here (Calcite's, as a LocalTime) ends at 23:59:59.999999999.
   */
  @Test
  void timeTextWithAnOffsetIsItsUtcTimeAndTheEndOfADayIsRefusedSayingWhy() throws SQLException {
    List<String> expected = after930();
    try (PreparedStatement s = connection.prepareStatement(SQL)) {
      for (String text : List.of("11:30+02", "11:30:00+02:00", "09:30:00Z", "04:00:00-05:30", "9:30:00 z")) {
        s.setString(1, text);
        List<String> ids = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        assertThat(ids).as(text).isEqualTo(expected);
      }
      for (String text : List.of("24:00:00", "24:00")) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> s.setString(1, text));
        assertThat((Throwable) e).as(text).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("22007");
        assertThat(e.getMessage()).isEqualTo("'" + text + "' is not a time of day (a TIME here ends at"
            + " 23:59:59.999999999; 24:00:00, as PostgreSQL writes the end of a day, is 00:00:00 of the next"
            + " day): bind a java.sql.Time, LocalTime, Timestamp, LocalDateTime or text such as 10:15:00");
      }
    }
    SQLException e = OwnSandbox.run(connection, "SELECT TIME '10:00:00' = '10:00:00+02'").failure();
    assertThat(e.getSQLState()).isEqualTo("22007");
    assertThat(e.getMessage()).isEqualTo("'10:00:00+02' is not a TIME (For input string: \"00+02\"): compare"
        + " with a TIME value such as TIME '10:15:00', which has no time zone");
  }

  @Test
  void whatIsNoTimeOfDayIsStillRefused() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SQL)) {
      for (String text : List.of("25:00", "9:61", "half past nine", "2025-08-10")) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> s.setString(1, text));
        assertThat((Throwable) e).as(text).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("22007");
        assertThat(e.getMessage()).isEqualTo("'" + text + "' is not a time of day: bind a java.sql.Time,"
            + " LocalTime, Timestamp, LocalDateTime or text such as 10:15:00");
      }
      SQLException e = catchThrowableOfType(SQLException.class,
          () -> s.setObject(1, java.time.LocalDate.parse("2025-08-10")));
      assertThat(e.getSQLState()).isEqualTo("22018");
      assertThat(e.getMessage()).isEqualTo("A parameter of type TIME cannot take a value of class LocalDate:"
          + " bind a java.sql.Time, LocalTime, Timestamp, LocalDateTime or text such as 10:15:00");
    }
  }
}
