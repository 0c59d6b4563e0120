package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code convert_tz} gives another zone's wall clock of the tables' UTC timestamps, across daylight
 * saving changes, and an unknown zone is 22023; PostgreSQL's {@code AT TIME ZONE} names it.
 */
class ConvertTzTest {
  @Test
  void movesWallClocksBetweenZones() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT"
          + " CONVERT_TZ(TIMESTAMP '2025-07-01 12:00:00', 'UTC', 'America/New_York'),"
          + " convert_tz(TIMESTAMP '2025-01-01 12:00:00', 'UTC', 'America/New_York'),"
          + " convert_tz(TIMESTAMP '2025-01-01 12:00:00', 'utc', 'europe/berlin'),"
          + " convert_tz(TIMESTAMP '2025-01-01 12:00:00', '+00:00', '+5:30'),"
          + " convert_tz(TIMESTAMP '2025-03-30 00:59:59', 'UTC', 'Europe/Berlin'),"
          + " convert_tz(TIMESTAMP '2025-03-30 01:00:00', 'UTC', 'Europe/Berlin'),"
          + " convert_tz(TIMESTAMP '2025-07-01 08:00:00', 'America/New_York', 'UTC'),"
          + " convert_tz(CAST(NULL AS TIMESTAMP), 'UTC', 'UTC')"))
          .containsExactly("2025-07-01 08:00:00.000; 2025-01-01 07:00:00.000; 2025-01-01 13:00:00.000;"
              + " 2025-01-01 17:30:00.000; 2025-03-30 01:59:59.000; 2025-03-30 03:00:00.000;"
              + " 2025-07-01 12:00:00.000; null"); // TIMESTAMP(3), as the tables' timestamps
    }
  }

  @Test
  void groupsATablesRowsByLocalDayAsJavaTimeDoes() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      for (String row : DriverFixture.rows(c, "SELECT started_at, convert_tz(started_at, 'UTC',"
          + " 'Asia/Kolkata') FROM pathsim.sessions ORDER BY started_at DESC LIMIT 20")) {
        String[] v = row.split("; ");
        LocalDateTime utc = LocalDateTime.parse(v[0].replace(' ', 'T'));
        assertThat(LocalDateTime.parse(v[1].replace(' ', 'T'))).isEqualTo(
            utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.of("Asia/Kolkata")).toLocalDateTime());
      }
    }
  }

  /**
   * In a JVM whose own zone skips an hour in spring, a wall clock in that hour (02:30 on 31 March 2024
   * in Berlin) is converted as any other: the function never goes through {@code java.sql.Timestamp}.
   */
  @Test
  void aJvmZonesSkippedHourConvertsExactly() throws Exception {
    List<String> command = ThisJava.command();
    command.addAll(List.of("-Duser.timezone=Europe/Berlin", "-Dconvosql.warmup=false", "-cp",
        System.getProperty("java.class.path"), BerlinProbe.class.getName(), DriverFixture.url()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out.strip()).isEqualTo("2024-03-30 22:30:00; 2024-03-31 02:30:00; 2024-03-31 05:00:00");
  }

  /** Prints the converted wall clocks as text, which carries them whatever the JVM's zone. */
  static final class BerlinProbe {
    private BerlinProbe() {}

    public static void main(String[] args) throws SQLException {
      try (Connection c = java.sql.DriverManager.getConnection(args[0])) {
        System.out.println(String.join("\n", DriverFixture.rows(c, "SELECT"
            + " CAST(convert_tz(TIMESTAMP '2024-03-31 02:30:00', 'UTC', 'America/New_York') AS VARCHAR),"
            + " CAST(convert_tz(TIMESTAMP '2024-03-31 02:30:00', 'UTC', 'UTC') AS VARCHAR),"
            + " CAST(convert_tz(TIMESTAMP '2024-03-31 02:30:00', '-02:30', 'UTC') AS VARCHAR)")));
      }
    }
  }

  @Test
  void anUnknownZoneIs22023AndAtTimeZoneNamesTheFunction() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      SQLException bad = (SQLException) DriverFixture.queryFailure(c,
          "SELECT convert_tz(started_at, 'UTC', 'Mars/Base') FROM pathsim.sessions LIMIT 1");
      assertThat(bad.getSQLState()).isEqualTo("22023");
      assertThat(bad.getMessage()).isEqualTo("convert_tz: 'Mars/Base' is not a time zone: write an"
          + " IANA name such as 'America/New_York' or 'Europe/Berlin', 'UTC', or an offset such as"
          + " '+05:30'");
      // the phrase inside a string is no hint: the statement's own error is given
      assertThat(DriverFixture.queryFailure(c, "SELECT 'at time zone' AS x FROM pathsim.sessions WHERE")
          .getMessage()).endsWith("the statement ends too early, after WHERE.");
      SQLException pg = (SQLException) DriverFixture.queryFailure(c,
          "SELECT started_at AT TIME ZONE 'America/New_York' FROM pathsim.sessions");
      assertThat(pg.getSQLState()).isEqualTo("42000");
      assertThat(pg.getMessage()).endsWith(": Syntax error at line 1, column 19: AT TIME ZONE is"
          + " PostgreSQL's, not SQL convosql runs. The tables' timestamps are UTC; for another zone's"
          + " wall clock write convert_tz(t, 'UTC', 'America/New_York').");
    }
  }
}
