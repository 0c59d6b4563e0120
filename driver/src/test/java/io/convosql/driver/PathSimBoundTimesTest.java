package io.convosql.driver;

import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * started_at bound as users bind it (text, LocalDate, LocalDateTime, Instant, OffsetDateTime,
 * Timestamp): the created_from/created_to a bound value pushes keep every session the exact check
 * keeps, so the answer is the sandbox's and the same with pushdown=false.
 */
class PathSimBoundTimesTest {
  private static Connection on;
  private static Connection off;

  @BeforeAll
  static void connect() throws SQLException {
    on = DriverFixture.connect();
    off = DriverFixture.connect("pushdown=false", "maxRequestsPerStatement=0");
  }

  @AfterAll
  static void close() throws SQLException {
    on.close();
    off.close();
  }

  static Stream<Arguments> bounds() {
    Instant from = Instant.parse("2025-08-01T10:00:00Z");
    Instant to = Instant.parse("2025-08-03T23:59:00Z");
    return Stream.of(
        Arguments.of("text", "2025-08-01 10:00:00", "2025-08-03 23:59:00", from, to),
        Arguments.of("LocalDate", LocalDate.parse("2025-08-01"), LocalDate.parse("2025-08-04"),
            Instant.parse("2025-08-01T00:00:00Z"), Instant.parse("2025-08-04T00:00:00Z")),
        Arguments.of("LocalDateTime", LocalDateTime.parse("2025-08-01T10:00"),
            LocalDateTime.parse("2025-08-03T23:59"), from, to),
        Arguments.of("Instant", from, to, from, to),
        Arguments.of("OffsetDateTime", OffsetDateTime.parse("2025-08-01T12:00+02:00"),
            OffsetDateTime.parse("2025-08-03T18:59-05:00"), from, to),
        Arguments.of("Timestamp", Timestamp.valueOf("2025-08-01 10:00:00"),
            Timestamp.valueOf("2025-08-03 23:59:00"), from, to));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void aBoundRangeIsExact(String kind, Object low, Object high, Instant from, Instant to) throws SQLException {
    String sql = "SELECT id FROM pathsim.sessions WHERE started_at >= ? AND started_at <= ? ORDER BY id";
    List<String> expected = DriverFixture.data().sessions().stream()
        .filter(s -> !s.time().isBefore(from) && !s.time().isAfter(to)).map(Session::id).sorted().toList();
    assertThat(expected).isNotEmpty();
    assertThat(rows(on, sql, low, high)).as(kind).isEqualTo(expected);
    assertThat(rows(off, sql, low, high)).as(kind).isEqualTo(expected);
  }
}
