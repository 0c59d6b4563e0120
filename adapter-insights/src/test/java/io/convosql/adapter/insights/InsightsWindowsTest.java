package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.StatementWarnings;
import io.convosql.sandbox.RecordedRequest;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ranges on session_start_time become from_date/to_date windows of at most 59 days (the API refuses
 * more than 60), read lazily in the order the query needs, without losing or repeating a session at
 * a window's edge; without a lower bound the lookback window is read and the statement is warned.
 */
class InsightsWindowsTest {
  private static final Duration MAX_SPAN = Duration.ofDays(59).plusNanos(1000);
  private static Db db;
  private static List<String> edgeIds;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
    assertThat(Docs.between(Instant.EPOCH, Instant.parse("2025-03-01T00:00:00Z"), d -> true))
        .as("the generated history leaves the months before March 2025 empty").isEmpty();
    // Sessions exactly at the dates the windows of the edge test send, which the API includes.
    edgeIds = new ArrayList<>();
    for (String t : List.of("2024-11-01T00:00:00Z", "2024-12-03T23:59:59.999999Z", "2024-12-04T00:00:00Z",
        "2025-01-31T23:59:59.999500Z")) {
      edgeIds.add(TestApi.sandbox().insights().data().addSession(Instant.parse(t)).get("id").asText());
    }
    for (String t : List.of("2024-10-31T23:59:59.999999Z", "2025-02-01T00:00:00Z")) {
      TestApi.sandbox().insights().data().addSession(Instant.parse(t));
    }
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  /** The distinct (from_date, to_date) pairs the requests named, in the order first sent. */
  private static List<String> windows() {
    Set<String> out = new LinkedHashSet<>();
    for (RecordedRequest r : TestApi.recorded()) {
      out.add(r.param("from_date") + " " + r.param("to_date"));
    }
    return new ArrayList<>(out);
  }

  private static Instant iso(String text) {
    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
  }

  @Test
  void aLongRangeIsReadInWindowsOfAtMost59Days() throws SQLException {
    String sql = "SELECT COUNT(*) FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-03-01 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-08-20 00:00:00'";
    int expected = Docs.between(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-08-20T00:00:00Z"),
        d -> true).size();
    assertThat(db.rows(sql)).containsExactly(Integer.toString(expected));
    // a scan that reads everything requests its windows at once, in any order
    assertThat(windows()).containsExactlyInAnyOrder(
        "2025-06-21T23:59:59.999999 2025-08-20T00:00:00",
        "2025-04-23T23:59:59.999999 2025-06-22T00:00:00",
        "2025-02-28T23:59:59.999999 2025-04-24T00:00:00");
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(
        Duration.between(iso(r.param("from_date")), iso(r.param("to_date")))).isLessThanOrEqualTo(MAX_SPAN));
    assertThat(db.explain(sql)).contains("from_date=2025-06-21T23:59:59.999999&to_date=2025-08-20T00:00:00",
        "; 2 more windows of at most 59 days after it, the same requests with"
            + " from_date=2025-04-23T23:59:59.999999&to_date=2025-06-22T00:00:00,"
            + " from_date=2025-02-28T23:59:59.999999&to_date=2025-04-24T00:00:00, the totals summed])");
    assertThat(db.warnings).isEmpty();
  }

  @Test
  void explainListsTheFirstWindowsOfAVeryLongRangeAndTheLast() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2024-01-01 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-08-20 00:00:00'";
    TestApi.clear();
    assertThat(db.explain(sql)).endsWith("(next pages: page_number + 1 while the hits so far are fewer than"
        + " total); 10 more windows of at most 59 days after it, the same requests with"
        + " from_date=2025-04-23T23:59:59.999999&to_date=2025-06-22T00:00:00,"
        + " from_date=2025-02-23T23:59:59.999999&to_date=2025-04-24T00:00:00,"
        + " from_date=2024-12-26T23:59:59.999999&to_date=2025-02-24T00:00:00,"
        + " from_date=2024-10-28T23:59:59.999999&to_date=2024-12-27T00:00:00,"
        + " from_date=2024-08-30T23:59:59.999999&to_date=2024-10-29T00:00:00,"
        + " from_date=2024-07-02T23:59:59.999999&to_date=2024-08-31T00:00:00,"
        + " … 4 more, the last with from_date=2023-12-31T23:59:59.999999&to_date=2024-01-08T00:00:00])");
    assertThat(TestApi.recorded()).isEmpty();
  }

  @Test
  void windowEdgesNeitherLoseNorRepeatASession() throws SQLException {
    List<String> rows = db.rows("SELECT id FROM insights.sessions"
        + " WHERE session_start_time >= TIMESTAMP '2024-11-01 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-02-01 00:00:00'");
    assertThat(rows).containsExactlyInAnyOrderElementsOf(edgeIds);
    // a scan that reads everything requests its windows at once, in any order
    assertThat(windows()).containsExactlyInAnyOrder(
        "2024-12-03T23:59:59.999999 2025-02-01T00:00:00",
        "2024-10-31T23:59:59.999999 2024-12-04T00:00:00");
  }

  @Test
  void withoutALowerBoundTheLookbackIsReadAndTheStatementWarned() throws SQLException {
    int expected = Docs.between(Docs.LOOKBACK, TestApi.NOW, d -> true).size();
    assertThat(db.rows("SELECT COUNT(*) FROM insights.sessions")).containsExactly(Integer.toString(expected));
    // a scan that reads everything requests its windows at once, in any order
    assertThat(windows()).containsExactlyInAnyOrder(
        "2025-07-04T12:04:59.999999 2025-09-01T12:05:00",
        "2025-07-03T11:59:59.999999 2025-07-04T12:05:00");
    assertThat(db.warnings).containsExactly("01000 insights.sessions: the query has no lower bound on"
        + " session_start_time, so only sessions from 2025-07-03 12:00:00 to 2025-09-01 12:05:00 UTC were"
        + " read (lookbackDays=60); add a condition such as session_start_time >= TIMESTAMP '...' to read"
        + " further back");
    assertThat(db.explain("SELECT COUNT(*) FROM insights.sessions"))
        .contains("; no lower bound on session_start_time: the last 60 days");
  }

  @Test
  void theLookbackWarningIsFiledUnderItsStatement() throws Exception {
    StatementWarnings filed = new StatementWarnings();
    try (Db own = Db.open(true, 60, false); Statement quiet = own.connection.createStatement();
        Statement warned = own.connection.createStatement()) {
      own.schema.setWarningListener(filed);
      quiet.executeQuery("SELECT COUNT(*) FROM insights.sessions WHERE session_start_time"
          + " >= TIMESTAMP '2025-08-31 00:00:00'").close();
      warned.executeQuery("SELECT COUNT(*) FROM insights.tags").close();
      warned.executeQuery("SELECT COUNT(*) FROM insights.tags").close();
      assertThat((Object) filed.get(cancelFlag(quiet))).isNull();
      SQLWarning w = filed.get(cancelFlag(warned));
      assertThat(w.getMessage()).startsWith("insights.tags: the query has no lower bound on session_start_time");
      assertThat((Object) w.getNextWarning()).as("the same warning is not repeated").isNull();
    }
  }

  /** The object Calcite puts in an execution's DataContext as CANCEL_FLAG: the statement's own flag. */
  private static Object cancelFlag(Statement s) throws ReflectiveOperationException, SQLException {
    Field f = AvaticaStatement.class.getDeclaredField("cancelFlag");
    f.setAccessible(true);
    return f.get(s.unwrap(AvaticaStatement.class));
  }

  @Test
  void theLookbackIsASetting() throws SQLException {
    try (Db tenDays = Db.open(true, 10, false)) {
      int expected = Docs.between(TestApi.NOW.minus(Duration.ofDays(10)), TestApi.NOW, d -> true).size();
      assertThat(tenDays.rows("SELECT COUNT(*) FROM insights.tags")).hasSize(1);
      assertThat(windows()).containsExactly("2025-08-22T11:59:59.999999 2025-09-01T12:05:00");
      assertThat(tenDays.warnings).singleElement().asString()
          .contains("insights.tags:", "from 2025-08-22 12:00:00 to 2025-09-01 12:05:00 UTC", "lookbackDays=10");
      assertThat(tenDays.rows("SELECT COUNT(*) FROM insights.sessions")).containsExactly(Integer.toString(expected));
    }
  }

  @Test
  void anUpperBoundAloneLooksBackFromIt() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE session_start_time < TIMESTAMP '2025-06-01 00:00:00'";
    List<JsonNode> expected = new ArrayList<>(Docs.between(Instant.parse("2025-04-02T00:00:00Z"),
        Instant.parse("2025-06-01T00:00:00Z"), d -> true));
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(Docs.ids(expected));
    // a scan that reads everything requests its windows at once, in any order
    assertThat(windows()).containsExactlyInAnyOrder(
        "2025-04-02T23:59:59.999999 2025-06-01T00:00:00",
        "2025-04-01T23:59:59.999999 2025-04-03T00:00:00");
    assertThat(db.warnings).singleElement().asString()
        .contains("from 2025-04-02 00:00:00 to 2025-06-01 00:00:00 UTC");
  }

  @Test
  void theUpperEndIsNowPinnedWhenTheScanStarts() throws SQLException {
    String sql = "SELECT COUNT(*) FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-08-25 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2026-01-01 00:00:00'";
    assertThat(db.rows(sql)).containsExactly(Integer.toString(
        Docs.between(Instant.parse("2025-08-25T00:00:00Z"), TestApi.NOW, d -> true).size()));
    assertThat(windows()).containsExactly("2025-08-24T23:59:59.999999 2025-09-01T12:05:00");
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE session_start_time > TIMESTAMP '2025-10-01 00:00:00'"))
        .isEmpty();
    assertThat(TestApi.requests()).isEmpty();
  }

  @Test
  void timestampParametersAreUtcWallClockTimesWhateverTheJvmZone() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE session_start_time >= ? AND session_start_time < ?";
    Timestamp from = Timestamp.valueOf("2025-08-01 00:00:00");
    Timestamp to = Timestamp.valueOf("2025-08-02 00:00:00");
    assertThat(db.rows(sql, from, to)).containsExactlyInAnyOrderElementsOf(Docs.ids(Docs.between(
        Instant.parse("2025-08-01T00:00:00Z"), Instant.parse("2025-08-02T00:00:00Z"), d -> true)));
    assertThat(windows()).containsExactly("2025-07-31T23:59:59.999999 2025-08-02T00:00:00");
    assertThat(db.explain(sql, from, to)).contains("from_date=<window start>&to_date=<window end>",
        "; windows of at most 59 days from ?0 to ?1, newest first");
  }

  @Test
  void betweenIncludesItsUpperMillisecond() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE session_start_time"
        + " BETWEEN TIMESTAMP '2025-08-01 00:00:00' AND TIMESTAMP '2025-08-02 00:00:00'";
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(Docs.ids(Docs.between(
        Instant.parse("2025-08-01T00:00:00Z"), Instant.parse("2025-08-02T00:00:00.001Z"), d -> true)));
    assertThat(windows()).containsExactly("2025-07-31T23:59:59.999999 2025-08-02T00:00:00.001000");
  }

  @Test
  void severalRangesAreReadAsTheSpanThatHoldsThem() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE session_start_time < TIMESTAMP '2025-08-02 00:00:00'"
        + " AND session_start_time >= TIMESTAMP '2025-08-01 00:00:00'"
        + " OR session_start_time >= TIMESTAMP '2025-08-31 00:00:00'";
    List<JsonNode> expected = new ArrayList<>(Docs.between(Instant.parse("2025-08-01T00:00:00Z"),
        Instant.parse("2025-08-02T00:00:00Z"), d -> true));
    expected.addAll(Docs.between(Instant.parse("2025-08-31T00:00:00Z"), TestApi.NOW, d -> true));
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(Docs.ids(expected));
    // a scan that reads everything requests its windows at once, in any order
    assertThat(windows()).containsExactlyInAnyOrder("2025-07-31T23:59:59.999999 2025-09-01T12:05:00");
  }

  @Test
  void orderBySessionStartReadsTheWindowsInThatOrderAndStopsWhenItHasEnough() throws SQLException {
    List<JsonNode> lookback = new ArrayList<>(Docs.between(Docs.LOOKBACK, TestApi.NOW, d -> true));
    lookback.sort(Comparator.comparing(Docs::start));
    assertThat(db.rows("SELECT id FROM insights.sessions ORDER BY session_start_time LIMIT 3"))
        .isEqualTo(Docs.ids(lookback.subList(0, 3)));
    assertThat(TestApi.requests()).containsExactly(TestApi.search("2025-07-03T11:59:59.999999",
        "2025-07-04T12:05:00", 0, 3, "session_start_time:asc,id:asc", null, "[\"id\",\"session_start_time\"]"));
    List<JsonNode> newest = new ArrayList<>(lookback.subList(lookback.size() - 3, lookback.size()));
    java.util.Collections.reverse(newest);
    assertThat(db.rows("SELECT id FROM insights.sessions ORDER BY session_start_time DESC LIMIT 3"))
        .isEqualTo(Docs.ids(newest));
    assertThat(TestApi.requests()).containsExactly(TestApi.search("2025-07-04T12:04:59.999999",
        "2025-09-01T12:05:00", 0, 3, "session_start_time:desc,id:asc", null, "[\"id\",\"session_start_time\"]"));
  }
}
