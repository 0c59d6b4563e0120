package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code ?} that a time stands in, beside an interval ({@code started_at < ? + INTERVAL '1' DAY},
 * {@code ? - INTERVAL '7' DAY}) or as the time of TIMESTAMPADD and TIMESTAMPDIFF, is a TIMESTAMP,
 * and TIMESTAMPADD's count an INTEGER. Before, each took the type of the interval beside it and
 * failed to prepare: "Cannot apply '<' to arguments of type '<TIMESTAMP(3)> < <INTERVAL DAY>'", or
 * "Cannot apply 'TIMESTAMPADD' to arguments of type 'TIMESTAMPADD(<INTERVAL DAY>, <INTEGER>,
 * <INTERVAL DAY>)'".
 */
class TimeArithmeticParametersTest {
  private static PushdownPair pair;
  private static Connection connection;
  private static Connection unpushed;

  @BeforeAll
  static void open() throws SQLException {
    pair = PushdownPair.start(40, 2);
    connection = pair.pushed;
    unpushed = pair.unpushed;
  }

  @AfterAll
  static void close() throws SQLException {
    pair.close();
  }

  /** The rows of {@code sql} with these values bound, pushed down and not, which must agree. */
  private static List<String> rows(String sql, Object... values) throws SQLException {
    List<String> pushed = DriverFixture.rows(connection, sql, values);
    assertThat(DriverFixture.rows(unpushed, sql, values)).as(sql).isEqualTo(pushed);
    return pushed;
  }

  @Test
  void aParameterBesideAnIntervalIsATime() throws SQLException {
    String literal = "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-05 00:00:00'"
        + " AND started_at < TIMESTAMP '2025-08-06 00:00:00' ORDER BY id";
    List<String> day = rows(literal);
    assertThat(day).hasSize(2);
    String plus = "SELECT id FROM pathsim.sessions WHERE started_at >= ? AND started_at < ? + INTERVAL '1' DAY"
        + " ORDER BY id";
    LocalDate d = LocalDate.parse("2025-08-05");
    assertThat(rows(plus, d, d)).isEqualTo(day);
    assertThat(rows(plus, "2025-08-05", "2025-08-05")).isEqualTo(day);
    assertThat(rows(plus, d.atStartOfDay(), java.sql.Timestamp.valueOf("2025-08-05 00:00:00"))).isEqualTo(day);
    // the interval first, and PostgreSQL's spelling of it
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE started_at >= ? AND started_at < INTERVAL '1' DAY + ?"
        + " ORDER BY id", d, d)).isEqualTo(day);
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE started_at >= ? - INTERVAL '1 day'"
        + " AND started_at < ? ORDER BY id", d.plusDays(1), d.plusDays(1))).isEqualTo(day);
    // the sum before the column it is compared with
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE ? <= started_at AND ? + INTERVAL '1' DAY > started_at"
        + " ORDER BY id", d, d)).isEqualTo(day);
    // Insights pushes the range down as from_date/to_date
    String insights = "SELECT id FROM insights.sessions WHERE session_start_time >= ? - INTERVAL '30' DAY"
        + " AND session_start_time < ? ORDER BY id";
    LocalDateTime end = LocalDateTime.parse("2025-09-01T00:00");
    assertThat(rows(insights, end, end)).isNotEmpty().isEqualTo(rows(insights.replace("?",
        "TIMESTAMP '2025-09-01 00:00:00'")));
    try (PreparedStatement s = connection.prepareStatement(plus)) {
      ParameterMetaData md = s.getParameterMetaData();
      assertThat(md.getParameterType(2)).isEqualTo(Types.TIMESTAMP);
    }
  }

  @Test
  void timestampAddAndDiffTakeTimesAndACount() throws SQLException {
    String literal = "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-05 00:00:00'"
        + " AND started_at < TIMESTAMP '2025-08-06 00:00:00' ORDER BY id";
    List<String> day = rows(literal);
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMPADD(DAY, -1, ?)"
        + " AND started_at < ? ORDER BY id", LocalDate.parse("2025-08-06"), "2025-08-06")).isEqualTo(day);
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE started_at >= ?"
        + " AND started_at < TIMESTAMPADD(DAY, ?, ?) ORDER BY id", "2025-08-05", 1, "2025-08-05"))
        .isEqualTo(day);
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE TIMESTAMPDIFF(DAY, ?, started_at) = 0"
        + " AND started_at >= ? ORDER BY id", "2025-08-05", "2025-08-05")).isEqualTo(day);
    assertThat(rows("SELECT TIMESTAMPDIFF(HOUR, ?, ?)", "2025-08-05", LocalDateTime.parse("2025-08-06T02:00")))
        .containsExactly("26");
  }

  @Test
  void aCountTimesAnIntervalIsAnInteger() throws SQLException {
    // "the last n days" with n bound, as PostgreSQL users write it (INTERVAL ? DAY is no SQL); before,
    // the ? took the interval's type: "Cannot apply '*' to arguments of type '<INTERVAL DAY> * <INTERVAL DAY>'"
    String literal = "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-07-20 00:00:00'"
        + " AND started_at < TIMESTAMP '2025-08-06 00:00:00' ORDER BY id";
    List<String> days = rows(literal);
    assertThat(days).hasSizeGreaterThan(2);
    String times = "SELECT id FROM pathsim.sessions WHERE started_at >= ? - ? * INTERVAL '1' DAY"
        + " AND started_at < ? ORDER BY id";
    assertThat(rows(times, "2025-08-06", 17, "2025-08-06")).isEqualTo(days);
    assertThat(rows(times, LocalDate.parse("2025-08-06"), "17", LocalDate.parse("2025-08-06"))).isEqualTo(days);
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-06 00:00:00'"
        + " - INTERVAL '1' DAY * ? AND started_at < ? + INTERVAL '24' HOUR / ? ORDER BY id", 17L, "2025-08-05", 1))
        .isEqualTo(days);
    try (PreparedStatement s = connection.prepareStatement(times)) {
      ParameterMetaData md = s.getParameterMetaData();
      assertThat(List.of(md.getParameterType(1), md.getParameterType(2), md.getParameterType(3)))
          .containsExactly(Types.TIMESTAMP, Types.INTEGER, Types.TIMESTAMP);
      // a fraction is refused, as for any whole-number parameter (Calcite cannot multiply an interval by one)
      SQLException fraction = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
          () -> s.setBigDecimal(2, new java.math.BigDecimal("2.5")));
      assertThat(fraction.getSQLState()).isEqualTo("22018");
    }
  }

  @Test
  void theJdbcEscapesOfTimestampAddAndDiffTakeTimes() throws SQLException {
    // before, {fn TIMESTAMPADD(SQL_TSI_DAY, 1, ?)} failed: "Cannot apply '{fn TIMESTAMPADD}' to
    // arguments of type '{fn TIMESTAMPADD}(<INTERVAL `SQL_TSI_DAY`>, <INTEGER>, <INTERVAL `SQL_TSI_DAY`>)'"
    String literal = "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-05 00:00:00'"
        + " AND started_at < TIMESTAMP '2025-08-06 00:00:00' ORDER BY id";
    List<String> day = rows(literal);
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE started_at >= {fn TIMESTAMPADD(SQL_TSI_DAY, ?, ?)}"
        + " AND started_at < {fn TIMESTAMPADD(SQL_TSI_HOUR, 24, ?)} ORDER BY id", -1, "2025-08-06", "2025-08-05"))
        .isEqualTo(day);
    assertThat(rows("SELECT id FROM pathsim.sessions WHERE {fn TIMESTAMPDIFF(SQL_TSI_DAY, ?, started_at)} = 0"
        + " AND started_at >= ? ORDER BY id", "2025-08-05", "2025-08-05")).isEqualTo(day);
    assertThat(rows("SELECT {fn TIMESTAMPDIFF(SQL_TSI_HOUR, ?, ?)}", "2025-08-05",
        LocalDateTime.parse("2025-08-06T02:00"))).containsExactly("26");
    try (PreparedStatement s = connection.prepareStatement("SELECT {fn TIMESTAMPADD(SQL_TSI_DAY, ?, ?)}")) {
      ParameterMetaData md = s.getParameterMetaData();
      assertThat(List.of(md.getParameterType(1), md.getParameterType(2)))
          .containsExactly(Types.INTEGER, Types.TIMESTAMP);
    }
  }

  /**
   * A {@code ?} beside an interval whose sum (or difference) is compared with a time of day is a
   * TIME, bound with setTime, a LocalTime or text such as {@code 10:00:00}. Before, it was a TIMESTAMP,
   * which a TIME cannot be compared with ("Cannot apply '>' to arguments of type '<TIMESTAMP(3)> >
   * <TIME(0)>'"), so the user had to write {@code CAST(? AS TIME)}.
   */
  @Test
  void aParameterBesideAnIntervalComparedWithATimeOfDayIsATime() throws SQLException {
    String staging = "SELECT name FROM pathsim.workspaces WHERE name = 'Staging' AND ";
    String later = staging + "? + INTERVAL '1' HOUR > TIME '10:00:00'";
    for (Object before : new Object[] {java.sql.Time.valueOf("09:30:00"), "09:30:00", "09:30",
        java.time.LocalTime.of(9, 30)}) {
      assertThat(rows(later, before)).as("%s", before).containsExactly("Staging");
    }
    for (Object tooEarly : new Object[] {java.sql.Time.valueOf("08:30:00"), "08:30:00", java.time.LocalTime.of(8, 59, 59)}) {
      assertThat(rows(later, tooEarly)).as("%s", tooEarly).isEmpty();
    }
    // on either side, minus an interval, and between two times
    assertThat(rows(staging + "TIME '10:00:00' < ? - INTERVAL '30' MINUTE", "10:31:00")).containsExactly("Staging");
    assertThat(rows(staging + "TIME '10:00:00' < ? - INTERVAL '30' MINUTE", "10:29:00")).isEmpty();
    assertThat(rows(staging + "? + INTERVAL '2' HOUR BETWEEN TIME '10:00:00' AND TIME '11:00:00'", "08:15:00"))
        .containsExactly("Staging");
    try (PreparedStatement s = connection.prepareStatement(later)) {
      assertThat(s.getParameterMetaData().getParameterType(1)).isEqualTo(Types.TIME);
      SQLException notATime = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
          () -> s.setString(1, "half past nine"));
      assertThat(notATime.getSQLState()).isEqualTo("22007");
      assertThat(notATime.getMessage()).isEqualTo("'half past nine' is not a time of day: bind a java.sql.Time, LocalTime,"
          + " Timestamp, LocalDateTime or text such as 10:15:00");
    }
    // beside a TIMESTAMP it stays a TIMESTAMP
    try (PreparedStatement s = connection.prepareStatement(staging + "? + INTERVAL '1' HOUR > TIMESTAMP '2025-08-01 10:00:00'")) {
      assertThat(s.getParameterMetaData().getParameterType(1)).isEqualTo(Types.TIMESTAMP);
    }
  }
}
