package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP}, {@code now()} and {@code CURRENT_DATE} are on the
 * UTC clock of the tables' timestamps in a JVM that runs elsewhere (this one runs in
 * America/Los_Angeles, see the pom), so "the last three hours" are those; {@code getTimestamp} keeps
 * JDBC's rule, the wall clock in the JVM's zone.
 */
class UtcClockTest {
  @Test
  void theCurrentTimeIsUtcsWhateverTheJvmsZone() throws SQLException {
    assertThat(TimeZone.getDefault().getRawOffset()).isNotZero();
    try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true")) {
      LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1);
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT CURRENT_TIMESTAMP, LOCALTIMESTAMP, now(), CURRENT_DATE, CAST(CURRENT_TIMESTAMP AS VARCHAR)")) {
        assertThat(rs.next()).isTrue();
        LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        for (int i = 1; i <= 3; i++) {
          assertThat(rs.getObject(i, LocalDateTime.class)).as("column " + i).isBetween(before, after);
        }
        assertThat(rs.getObject(4, LocalDate.class)).isIn(before.toLocalDate(), after.toLocalDate());
        assertThat(LocalDateTime.parse(rs.getString(5).replace(' ', 'T'))).isBetween(before.withNano(0), after);
        // getTimestamp: the same wall clock, shown in the JVM's zone
        assertThat(rs.getTimestamp(1).toLocalDateTime()).isBetween(before, after);
      }
    }
  }

  @Test
  void theLastHoursAreTheLastHoursPushedDownOrNot() throws SQLException {
    String sql = "SELECT COUNT(*) FROM pathsim.sessions WHERE started_at >= %s";
    for (String pushdown : new String[] {"true", "false"}) {
      try (Connection c = DriverManager.getConnection("jdbc:convosql:demo=true;pushdown=" + pushdown)) {
        long byClock = count(c, sql.formatted("CURRENT_TIMESTAMP - INTERVAL '12' HOUR"), null);
        long byInstant = count(c, sql.formatted("?"), Instant.now().minus(Duration.ofHours(12)));
        long byUtcWallClock = count(c, sql.formatted("?"),
            Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusHours(12)));
        assertThat(byClock).as("pushdown=" + pushdown).isEqualTo(byInstant).isEqualTo(byUtcWallClock);
      }
    }
  }

  /** The count, its {@code ?} bound to {@code value} when not null. */
  private static long count(Connection c, String sql, Object value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (value != null) {
        s.setObject(1, value);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
