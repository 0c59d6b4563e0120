package io.convosql.adapter.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document's Time ({@code "08/08/2025 18:00"}) may be month first or day first: a sandbox of each
 * reading, with the same data, gives the same rows for the same SQL, filters and ORDER BY on
 * started_at included, and an ambiguous date is read only once an answer has shown the reading.
 */
class DayFirstTimeTest {
  private static Sandbox dayFirst;

  @BeforeAll
  static void start() {
    dayFirst = Sandbox.builder().seed(11).pathSimSessions(2000).insightsSessions(50)
        .now(PathSimFixture.NOW).pathSimDayFirst(true).lazy(true).start();
  }

  @AfterAll
  static void stop() {
    dayFirst.close();
  }

  private static Connection connect(Sandbox sandbox) throws SQLException {
    return Sql.connect("pathsim", new PathSimSchema(HttpUrl.get(sandbox.pathSimUrl()),
        Sandbox.PATHSIM_KEY, TestHttp.settings(Duration.ofSeconds(10)), true));
  }

  /** The rows of {@code sql} on a new connection to each sandbox, which must be the same. */
  private static List<String> bothWays(String sql, Object... params) throws SQLException {
    try (Connection month = connect(PathSimFixture.SANDBOX); Connection day = connect(dayFirst)) {
      List<String> monthRows = Sql.rows(month, sql, params);
      assertThat(Sql.rows(day, sql, params)).as(sql).isEqualTo(monthRows);
      return monthRows;
    }
  }

  /** A started_at as the result set's getString shows it. */
  private static String jdbcTime(java.time.Instant t) {
    return PathSimFixture.jdbcTime(t) + ".000";
  }

  private static List<String> idAndTime(List<Session> sessions) {
    return sessions.stream().map(s -> s.id() + "; " + jdbcTime(s.time())).toList();
  }

  /** A voice session (no dated test_id) whose date reads differently day first: day 1-12, not its month. */
  private static Session ambiguousVoice(int skip) {
    return PathSimFixture.sessions(s -> s.testType() == TestType.VOICE && ambiguous(s)).get(skip);
  }

  private static boolean ambiguous(Session s) {
    LocalDate d = LocalDate.ofInstant(s.time(), ZoneOffset.UTC);
    return d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue();
  }

  @Test
  void everySessionHasTheSameStartEitherWay() throws SQLException {
    List<Session> all = PathSimFixture.sessions(s -> true);
    assertThat(all).anyMatch(DayFirstTimeTest::ambiguous);
    assertThat(bothWays("SELECT id, started_at FROM pathsim.sessions ORDER BY id"))
        .isEqualTo(idAndTime(all.stream().sorted(Comparator.comparing(Session::id)).toList()));
  }

  @Test
  void aRangeOnAnAmbiguousDayFindsThatDaysSessions() throws SQLException {
    Predicate<Session> fifth = s -> !s.time().isBefore(java.time.Instant.parse("2025-08-05T00:00:00Z"))
        && s.time().isBefore(java.time.Instant.parse("2025-08-06T00:00:00Z"));
    List<Session> expected = PathSimFixture.sessions(fifth).stream()
        .sorted(Comparator.comparing(Session::id)).toList();
    assertThat(expected).isNotEmpty();
    assertThat(bothWays("SELECT id, started_at FROM pathsim.sessions WHERE started_at >= TIMESTAMP"
        + " '2025-08-05 00:00:00' AND started_at < TIMESTAMP '2025-08-06 00:00:00' ORDER BY id"))
        .isEqualTo(idAndTime(expected));
  }

  @Test
  void orderByStartedAtIsTheSameEitherWay() throws SQLException {
    List<Session> newest = PathSimFixture.newestFirst(PathSimFixture.sessions(s -> true));
    assertThat(bothWays("SELECT started_at FROM pathsim.sessions ORDER BY started_at DESC LIMIT 30"))
        .isEqualTo(newest.subList(0, 30).stream().map(s -> jdbcTime(s.time())).toList());
    List<Session> oldest = new java.util.ArrayList<>(newest);
    java.util.Collections.reverse(oldest);
    assertThat(bothWays("SELECT started_at FROM pathsim.sessions WHERE started_at >= TIMESTAMP"
        + " '2025-08-03 00:00:00' ORDER BY started_at LIMIT 30"))
        .isEqualTo(oldest.stream().filter(s -> !s.time().isBefore(java.time.Instant.parse(
            "2025-08-03T00:00:00Z"))).limit(30).map(s -> jdbcTime(s.time())).toList());
  }

  @Test
  void aListedVoiceSessionOnAnAmbiguousDayIsReadByItsDateWindowWithoutAnotherRequest()
      throws SQLException {
    Session s = ambiguousVoice(0);
    LocalDate day = LocalDate.ofInstant(s.time(), ZoneOffset.UTC);
    String sql = "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = ? AND id = ? AND"
        + " test_type = 'Voice' AND started_at >= ? AND started_at < ?";
    Object[] params = {s.workspaceId(), s.id(), java.sql.Timestamp.valueOf(day.atStartOfDay()),
        java.sql.Timestamp.valueOf(day.plusDays(1).atStartOfDay())};
    for (Sandbox sandbox : List.of(PathSimFixture.SANDBOX, dayFirst)) {
      sandbox.requests().clear();
      try (Connection c = connect(sandbox)) {
        assertThat(Sql.rows(c, sql, params)).containsExactly(s.id() + "; " + jdbcTime(s.time()));
      }
      // the list of that day's voice sessions tells the reading: only one puts them in its window
      assertThat(sandbox.requests().lines("pathsim")).containsExactly("GET /workspaces/"
          + s.workspaceId() + "/sessions?created_from=" + day.minusDays(1) + "&created_to="
          + day.plusDays(3) + "&limit=100&offset=0&type=voice");
    }
  }

  @Test
  void aSessionGotByIdWithAnAmbiguousDateIsReadOnceAListAroundItsDateShowsTheReading()
      throws SQLException {
    Session first = ambiguousVoice(0);
    Session second = ambiguousVoice(1);
    LocalDate monthFirstDay = LocalDate.ofInstant(first.time(), ZoneOffset.UTC);
    for (Sandbox sandbox : List.of(PathSimFixture.SANDBOX, dayFirst)) {
      sandbox.requests().clear();
      try (Connection c = connect(sandbox)) {
        assertThat(Sql.rows(c, "SELECT id, started_at FROM pathsim.sessions WHERE id = ?", first.id()))
            .containsExactly(first.id() + "; " + jdbcTime(first.time()));
        List<String> requests = sandbox.requests().lines("pathsim");
        assertThat(requests.subList(0, 2))
            .containsExactly("GET /sessions/" + first.id(), "GET /workspaces");
        // the detail names no workspace: the lists around the date's readings are asked in each
        assertThat(requests.subList(2, requests.size())).isNotEmpty()
            .allMatch(r -> r.matches("GET /workspaces/[^/]+/sessions\\?created_from=[-0-9]+"
                + "&created_to=[-0-9]+&limit=100"));
        if (sandbox == PathSimFixture.SANDBOX) { // the first list, around the month-first date, tells
          assertThat(requests.get(2)).contains("created_from=" + monthFirstDay.minusDays(1));
        }
        // known for the connection from now on: the next session costs its get only
        sandbox.requests().clear();
        assertThat(Sql.rows(c, "SELECT id, started_at FROM pathsim.sessions WHERE id = ?", second.id()))
            .containsExactly(second.id() + "; " + jdbcTime(second.time()));
        assertThat(sandbox.requests().lines("pathsim")).containsExactly("GET /sessions/" + second.id());
      }
    }
  }
}
