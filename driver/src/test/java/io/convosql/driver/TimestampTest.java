package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API times are UTC instants; SQL shows them as TIMESTAMP values holding the UTC wall clock, whatever
 * the JVM's zone (surefire runs the tests in America/Los_Angeles).
 */
class TimestampTest {
  private static final Session SESSION = DriverFixture.data().sessions().get(42);
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void theJvmRunsInANonUtcZone() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/Los_Angeles");
  }

  @Test
  void valuesAreTheUtcWallClock() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT started_at, CAST(started_at AS VARCHAR) FROM pathsim.sessions WHERE id = ?")) {
      s.setString(1, SESSION.id());
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        LocalDateTime utc = LocalDateTime.ofInstant(SESSION.time(), ZoneOffset.UTC);
        assertThat(rs.getString(1)).isEqualTo(DriverFixture.wallClock(SESSION.time()));
        assertThat(rs.getString(2)).isEqualTo(DriverFixture.wallClock(SESSION.time()).substring(0, 19));
        assertThat(rs.getTimestamp(1).toLocalDateTime()).isEqualTo(utc);
        assertThat(rs.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant())
            .isEqualTo(SESSION.time());
        assertThat(rs.getObject(1)).isEqualTo(Timestamp.valueOf(utc));
      }
    }
  }

  @Test
  void literalsAndParametersAreUtcWallClockToo() throws SQLException {
    String wallClock = DriverFixture.wallClock(SESSION.time());
    assertThat(DriverFixture.rows(connection,
        "SELECT id FROM pathsim.sessions WHERE workspace_id = ? AND started_at = TIMESTAMP '" + wallClock + "'",
        SESSION.workspaceId())).contains(SESSION.id());
    assertThat(DriverFixture.rows(connection,
        "SELECT id FROM pathsim.sessions WHERE workspace_id = ? AND started_at = ?",
        SESSION.workspaceId(), Timestamp.valueOf(wallClock))).contains(SESSION.id());
  }
}
