package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A date bound to a TIMESTAMP parameter as JasperReports and MyBatis bind it ({@code setDate},
 * {@code setObject} of LocalDate, LocalDateTime, OffsetDateTime, Instant, java.util.Date) selects the
 * rows the equivalent TIMESTAMP literal selects, and sends the same requests: the bound still pushes
 * down as {@code created_from}. Instants, offset times (also in text, after a {@code T} or a space)
 * and Calendars are instants; local values and {@code java.util.Date} are the wall clock they show in
 * the JVM's zone (America/Los_Angeles here). A value of another class is 22018 when bound.
 */
class TimestampBindingTest {
  private static final String LITERAL = "2025-08-20 00:00:00";
  private static Sandbox sandbox;
  private static Connection connection;
  private static String pushed;
  private static final String NOT_PUSHED =
      "SELECT id FROM pathsim.workspaces WHERE created_at >= %s ORDER BY id";

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(60, 0);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
    pushed = "SELECT id FROM pathsim.sessions WHERE workspace_id = '" + OwnSandbox.busiestWorkspace(sandbox)
        + "' AND started_at >= %s ORDER BY id";
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  /** The rows and the API requests of the query with its bound as the literal. */
  private static Run literal(String sql) {
    return run(sql.formatted("TIMESTAMP '" + LITERAL + "'"), null);
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private static Run run(String sql, Binder binder) {
    sandbox.requests().clear();
    try (PreparedStatement s = connection.prepareStatement(binder == null ? sql : sql.formatted("?"))) {
      if (binder != null) {
        binder.bind(s);
      }
      OwnSandbox.Outcome o = OwnSandbox.run(s);
      if (o.failed()) {
        throw new AssertionError(sql, o.failure());
      }
      return new Run(o.rows(), sandbox.requests().all().stream().map(Object::toString).toList());
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  private record Run(List<String> rows, List<String> requests) {}

  private static List<Binder> bindings() {
    LocalDateTime wallClock = LocalDateTime.parse("2025-08-20T00:00");
    return List.of(
        s -> s.setDate(1, java.sql.Date.valueOf("2025-08-20")),
        s -> s.setDate(1, new java.sql.Date(Instant.parse("2025-08-20T00:00:00Z").toEpochMilli()),
            Calendar.getInstance(TimeZone.getTimeZone("UTC"))),
        s -> s.setObject(1, java.sql.Date.valueOf("2025-08-20")),
        s -> s.setObject(1, LocalDate.parse("2025-08-20")),
        s -> s.setObject(1, wallClock),
        s -> s.setObject(1, OffsetDateTime.parse("2025-08-20T02:00:00+02:00")),
        s -> s.setObject(1, Instant.parse("2025-08-20T00:00:00Z")),
        s -> s.setObject(1, new java.util.Date(Timestamp.valueOf(LITERAL).getTime())),
        s -> s.setTimestamp(1, Timestamp.valueOf(LITERAL)),
        s -> s.setString(1, "2025-08-20"),
        s -> s.setString(1, LITERAL),
        // ISO 8601 as JSON carries it: a wall clock, or with an offset an instant
        s -> s.setString(1, "2025-08-20T00:00:00"),
        s -> s.setString(1, "2025-08-20T00:00:00Z"),
        s -> s.setObject(1, "2025-08-20T02:00:00.000+02:00"),
        // with a space, as PostgreSQL prints a timestamptz: also an instant
        s -> s.setString(1, "2025-08-20 00:00:00Z"),
        s -> s.setString(1, "2025-08-20 02:00:00+02:00"),
        s -> s.setString(1, "2025-08-19 19:00:00-05"),
        // a Calendar is the instant it holds
        s -> s.setObject(1, calendar("2025-08-20T02:00:00+02:00")),
        // with a target type, as Spring's SqlParameterValue and ORMs bind
        s -> s.setObject(1, Timestamp.valueOf(LITERAL), Types.TIMESTAMP),
        s -> s.setObject(1, wallClock, Types.TIMESTAMP),
        s -> s.setObject(1, wallClock, JDBCType.TIMESTAMP, 3),
        s -> s.setObject(1, LocalDate.parse("2025-08-20"), Types.DATE),
        s -> s.setObject(1, java.sql.Date.valueOf("2025-08-20"), Types.DATE),
        s -> s.setObject(1, "2025-08-20", Types.DATE),
        s -> s.setObject(1, Instant.parse("2025-08-20T00:00:00Z"), Types.TIMESTAMP_WITH_TIMEZONE),
        s -> s.setObject(1, new java.util.Date(Timestamp.valueOf(LITERAL).getTime()), Types.OTHER));
  }

  @Test
  void pushedBoundsSelectAndSendAsTheLiteral() {
    Run expected = literal(pushed);
    assertThat(expected.rows()).isNotEmpty();
    assertThat(expected.requests()).isNotEmpty().allMatch(r -> r.contains("created_from=2025-08-19"));
    List<Binder> all = bindings();
    for (int i = 0; i < all.size(); i++) {
      assertThat(run(pushed, all.get(i))).as("binding " + i).isEqualTo(expected);
    }
  }

  @Test
  void boundsComparedLocallySelectAsTheLiteral() {
    Run expected = literal(NOT_PUSHED);
    List<Binder> all = bindings();
    for (int i = 0; i < all.size(); i++) {
      assertThat(run(NOT_PUSHED, all.get(i)).rows()).as("binding " + i).isEqualTo(expected.rows());
    }
    LocalDateTime oldest = sandbox.pathSim().data().workspaces().stream()
        .map(w -> LocalDateTime.ofInstant(w.createdAt(), ZoneOffset.UTC)).min(LocalDateTime::compareTo).orElseThrow();
    assertThat(run(NOT_PUSHED, s -> s.setObject(1, oldest)).rows()).hasSize(5);
    assertThat(run(NOT_PUSHED, s -> s.setObject(1, oldest.plusNanos(1_000_000))).rows()).hasSize(4);
  }

  private static Calendar calendar(String offsetDateTime) {
    OffsetDateTime t = OffsetDateTime.parse(offsetDateTime);
    Calendar c = Calendar.getInstance(TimeZone.getTimeZone(t.getOffset()));
    c.setTimeInMillis(t.toInstant().toEpochMilli());
    return c;
  }

  @Test
  void textThatIsNotATimestampIs22007() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(pushed.formatted("?"))) {
      assertThatThrownBy(() -> s.setString(1, "last tuesday"))
          .hasMessage("'last tuesday' is not a timestamp: bind a Timestamp, LocalDateTime, LocalDate,"
              + " OffsetDateTime, ZonedDateTime, Instant, java.util.Date, Calendar or text such as"
              + " 2025-08-01 10:15:00")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22007");
    }
  }

  @Test
  void aValueOfAnotherClassIs22018WhenBound() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(pushed.formatted("?"))) {
      for (Object value : List.of(LocalTime.NOON, 20250820)) {
        assertThatThrownBy(() -> s.setObject(1, value))
            .hasMessage("A parameter of type TIMESTAMP cannot take a value of class "
                + value.getClass().getSimpleName() + ": bind a Timestamp, LocalDateTime, LocalDate,"
                + " OffsetDateTime, ZonedDateTime, Instant, java.util.Date, Calendar or text such as"
                + " 2025-08-01 10:15:00")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
      }
    }
  }
}
