package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code id = x} gets the session directly: by its day (GET .../{id}/parameters) when the bounds on
 * session_start_time fall inside one day, otherwise by the slower search by id; a 404 is no row, but
 * with a lower bound over several days the search by id's 404 is followed by a search of the bounds'
 * windows for the id, newest first, until it is found.
 */
class InsightsByIdTest {
  private static final Instant AUG20 = Instant.parse("2025-08-20T00:00:00Z");
  private static Db db;
  private static JsonNode first;
  private static JsonNode second;

  /**
   * Sessions of 2019 for the search by id that does not reach them ({@code setSearchByIdSince}): one
   * it does not find (before 2019-06-01), two it does.
   */
  private static final String OLD = "byid-old";
  private static final String MID = "byid-mid";
  private static final String NEW = "byid-new";
  /** Bounds of five windows, newest first: 07-04 to 09-01, 05-06 (holding OLD), 03-08, 01-08, 01-01. */
  private static final String RANGE = " AND session_start_time >= TIMESTAMP '2019-01-01 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2019-09-01 00:00:00'";
  private static final String PROJECT = "[\"id\",\"session_start_time\"]";

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
    add(OLD, "2019-05-15T10:00:00");
    add(MID, "2019-07-20T10:00:00");
    add(NEW, "2019-08-10T10:00:00");
    List<? extends JsonNode> docs = Docs.between(AUG20, TestApi.NOW, d -> d.path("flow_path").size() > 2);
    first = docs.get(0);
    second = docs.get(docs.size() - 1);
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static void add(String id, String start) {
    ObjectNode doc = Docs.all().get(0).deepCopy();
    doc.put("id", id).put("session_start_time", start).put("status", "ended");
    TestApi.sandbox().insights().data().add(doc);
  }

  /** A search of one window of {@link #RANGE} for the ids as terms, with {@link #PROJECT}. */
  private static String search(String from, String to, String filter) {
    return TestApi.search(from, to, 0, 100, TestApi.UNORDERED, filter, PROJECT);
  }

  private static String must(String id) {
    return "{\"must\":[{\"term\":{\"id\":\"" + id + "\"}}]}";
  }

  private static final String W1 = "2019-07-03T23:59:59.999999";
  private static final String W2 = "2019-05-05T23:59:59.999999";

  private static String id(JsonNode doc) {
    return doc.get("id").asText();
  }

  private static String day(JsonNode doc) {
    return doc.get("session_start_time").asText().substring(0, 10);
  }

  @Test
  void anIdAloneIsTheSearchById() throws SQLException {
    String sql = "SELECT id, agent_name, session_start_time FROM insights.sessions WHERE id = ?";
    assertThat(db.rows(sql, id(first))).containsExactly(id(first) + "; "
        + Docs.text(first, "agent_information.name") + "; " + Docs.jdbcStart(first));
    assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/" + id(first));
    assertThat(db.explain(sql, id(first))).contains("request=[GET /insights/sessions/search/{id} for id in [?0]]");
    assertThat(db.warnings).isEmpty();
  }

  @Test
  void anIdWithBoundsInsideOneDayIsTheGetOfThatDay() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE id = '" + id(first) + "' AND session_start_time"
        + " >= TIMESTAMP '" + day(first) + " 00:00:00' AND session_start_time < TIMESTAMP '" + day(first) + " 23:59:59'";
    assertThat(db.rows(sql)).containsExactly(id(first));
    assertThat(TestApi.requests()).containsExactly(
        "GET /insights/sessions/" + id(first) + "/parameters session_start_time=" + day(first));
    assertThat(db.explain(sql)).contains("request=[GET /insights/sessions/{id}/parameters?session_start_time="
        + day(first) + " for id in [" + id(first) + "]]");
    String exact = "SELECT id FROM insights.sessions WHERE id = ? AND session_start_time = ?";
    assertThat(db.rows(exact, id(first), java.sql.Timestamp.valueOf(Docs.jdbcStart(first)))).containsExactly(id(first));
    assertThat(TestApi.requests()).containsExactly(
        "GET /insights/sessions/" + id(first) + "/parameters session_start_time=" + day(first));
  }

  @Test
  void anIdListGetsEachSessionAndAnUnknownOneIsNoRow() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE id IN ('" + id(first) + "', 'no-such-session', '"
        + id(second) + "') ORDER BY session_start_time DESC";
    assertThat(db.rows(sql)).containsExactly(id(second), id(first));
    assertThat(TestApi.recorded()).extracting(r -> r.path() + " " + r.status()).containsExactlyInAnyOrder(
        "/insights/sessions/search/" + id(first) + " 200", "/insights/sessions/search/" + id(second) + " 200",
        "/insights/sessions/search/no-such-session 404");
  }

  @Test
  void theSessionsOfAnIdListAreGotConcurrently() throws SQLException {
    // the three gets must be in the sandbox at once to get past the barrier
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(3);
    TestApi.sandbox().onRequest(r -> {
      try {
        together.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the gets were not sent together", e);
      }
    });
    try {
      String sql = "SELECT id FROM insights.sessions WHERE id IN ('" + id(first) + "', 'no-such-session', '"
          + id(second) + "') ORDER BY session_start_time DESC";
      assertThat(db.rows(sql)).containsExactly(id(second), id(first));
      assertThat(TestApi.sandbox().hookFailure()).isEmpty();
      assertThat(TestApi.recorded()).extracting(r -> r.path()).containsExactlyInAnyOrder(
          "/insights/sessions/search/" + id(first), "/insights/sessions/search/" + id(second),
          "/insights/sessions/search/no-such-session");
    } finally {
      TestApi.sandbox().onRequest(null);
    }
  }

  /**
   * Within a date range of one window, three ids are one search of that window (before: a get per
   * id, and the window again for the one not found).
   */
  @Test
  void anIdListWithinADateRangeOfOneWindowIsOneSearch() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE id IN ('" + id(first) + "', 'no-such-session', '"
        + id(second) + "') AND session_start_time >= TIMESTAMP '2025-08-20 00:00:00'";
    assertThat(db.rows(sql)).containsExactlyInAnyOrder(id(first), id(second));
    List<String> ids = new java.util.ArrayList<>(List.of(id(first), "no-such-session", id(second)));
    java.util.Collections.sort(ids);
    assertThat(TestApi.requests()).containsExactly(search("2025-08-19T23:59:59.999999", "2025-09-01T12:05:00",
        "{\"should\":[" + String.join(",", ids.stream().map(i -> "{\"term\":{\"id\":\"" + i + "\"}}").toList())
            + "]}"));
  }
  @Test
  void aWrongDayIsNoRow() throws SQLException {
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE id = ? AND session_start_time"
        + " >= TIMESTAMP '2025-06-01 00:00:00' AND session_start_time < TIMESTAMP '2025-06-02 00:00:00'",
        id(first))).isEmpty();
    assertThat(TestApi.recorded()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(404));
  }

  /**
   * With a lower bound over several days, a session the search by id finds costs that one request,
   * however far back the bound: its start is then checked against the bounds here.
   */
  @Test
  void boundsOverSeveralDaysAreCheckedOnTheSessionTheSearchByIdFinds() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE id = ? AND session_start_time > ?";
    assertThat(db.rows(sql, id(first), java.sql.Timestamp.valueOf(Docs.jdbcStart(first)))).isEmpty();
    assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/" + id(first));
    assertThat(db.rows(sql, id(first), java.sql.Timestamp.valueOf("2025-08-01 00:00:00"))).containsExactly(id(first));
    assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/" + id(first));
    assertThat(db.rows(sql, id(first), java.sql.Timestamp.valueOf("1970-01-01 00:00:00"))).containsExactly(id(first));
    assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/" + id(first));
    assertThat(db.explain(sql, id(first), java.sql.Timestamp.valueOf("2025-08-01 00:00:00"))).contains(
        "request=[GET /insights/sessions/{id}/parameters?session_start_time=<day> when the bounds on"
            + " session_start_time fall inside one day, else GET /insights/sessions/search/{id} for id in [?0];"
            + " for an id it does not find (404), GET /insights/sessions with filter_by on id (as many such"
            + " ids per search as the URL's 8000 bytes take, at most 100) in each window of at most 59 days of the bounds, newest first, until every"
            + " such id is found (each window read whole once where the service does not narrow by the ids)]");
  }

  /**
   * The document does not say which dates the search by id covers ("a wide range"): a service may
   * answer 404 for an old session. With a lower bound on session_start_time the bounds' windows are
   * then searched with a term on id, as the document defines, newest first, and no further than the
   * window that holds it; without one the search by id is the only route (reading all history
   * instead is not an option), and finds what the service finds.
   */
  @Test
  void anOldSessionTheSearchByIdDoesNotReachIsFoundInTheWindowsOfTheBounds() throws SQLException {
    TestApi.sandbox().insights().setSearchByIdSince(Instant.parse("2019-06-01T00:00:00Z"));
    try {
      String sql = "SELECT id, session_start_time FROM insights.sessions WHERE id = ?" + RANGE;
      assertThat(db.rows(sql, OLD)).containsExactly(OLD + "; 2019-05-15 10:00:00.000");
      assertThat(TestApi.recorded()).extracting(r -> r.path() + " " + r.status()).containsExactly(
          "/insights/sessions/search/" + OLD + " 404", "/insights/sessions 200", "/insights/sessions 200");
      assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/" + OLD,
          search(W1, "2019-09-01T00:00:00", must(OLD)), search(W2, "2019-07-04T00:00:00", must(OLD)));
      assertThat(db.explain("SELECT id FROM insights.sessions WHERE id = '" + OLD + "'" + RANGE)).contains(
          "request=[GET /insights/sessions/search/{id} for id in [" + OLD + "]; for an id it does not find"
              + " (404), GET /insights/sessions with filter_by on id (as many such ids per search as the URL's 8000 bytes take, at most 100) in each of"
              + " the 5 windows of at most 59 days from 2018-12-31T23:59:59.999999 to 2019-09-01T00:00:00,"
              + " newest first, until every such id is found (each window read whole once where the service does not narrow by the ids)]");
      // an upper bound alone leaves the search by id, which does not reach it
      assertThat(db.rows("SELECT id FROM insights.sessions WHERE id = '" + OLD + "'"
          + " AND session_start_time < TIMESTAMP '2019-09-01 00:00:00'")).isEmpty();
      assertThat(TestApi.recorded()).extracting(r -> r.path() + " " + r.status())
          .containsExactly("/insights/sessions/search/" + OLD + " 404");
    } finally {
      TestApi.sandbox().insights().setSearchByIdSince(null);
    }
  }

  /** An id no session has costs its search by id and one search per window of the bounds. */
  @Test
  void anAbsentIdCostsItsSearchByIdAndEachWindowOfTheBounds() throws SQLException {
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE id = 'no-such-session'"
        + " AND session_start_time >= TIMESTAMP '2019-01-01 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2019-04-01 00:00:00'")).isEmpty();
    assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/no-such-session",
        search("2019-01-31T23:59:59.999999", "2019-04-01T00:00:00", must("no-such-session")),
        search("2018-12-31T23:59:59.999999", "2019-02-01T00:00:00", must("no-such-session")));
  }

  /**
   * Of an IN list, only the ids the search by id does not find are searched for in the windows, until
   * every one is found; other conditions are checked here, not sent with them. Several are one
   * should list, which reads every window while one of them is still missing.
   */
  @Test
  void theIdsOfAListTheSearchByIdDoesNotFindAreSearchedTogetherUntilFound() throws SQLException {
    TestApi.sandbox().insights().setSearchByIdSince(Instant.parse("2019-06-01T00:00:00Z"));
    try {
      String sql = "SELECT id FROM insights.sessions WHERE id IN ('" + OLD + "', '" + MID + "', '" + NEW
          + "') AND status = 'ended'" + RANGE + " ORDER BY session_start_time";
      assertThat(db.rows(sql)).containsExactly(OLD, MID, NEW);
      List<String> sent = TestApi.requests();
      assertThat(sent.subList(0, 3)).containsExactlyInAnyOrder("GET /insights/sessions/search/" + OLD,
          "GET /insights/sessions/search/" + MID, "GET /insights/sessions/search/" + NEW);
      String project = "[\"id\",\"session_start_time\",\"status\"]";
      assertThat(sent.subList(3, sent.size())).containsExactly(
          TestApi.search(W1, "2019-09-01T00:00:00", 0, 100, TestApi.UNORDERED, must(OLD), project),
          TestApi.search(W2, "2019-07-04T00:00:00", 0, 100, TestApi.UNORDERED, must(OLD), project));
      // two not found: one should list; the absent one keeps every window read
      assertThat(db.rows("SELECT id FROM insights.sessions WHERE id IN ('" + OLD + "', 'no-such-session')"
          + RANGE)).containsExactly(OLD);
      String both = "{\"should\":[{\"term\":{\"id\":\"" + OLD + "\"}},{\"term\":{\"id\":\"no-such-session\"}}]}";
      sent = TestApi.requests();
      assertThat(sent.subList(0, 2)).containsExactlyInAnyOrder("GET /insights/sessions/search/" + OLD,
          "GET /insights/sessions/search/no-such-session");
      assertThat(sent.subList(2, sent.size())).containsExactly(search(W1, "2019-09-01T00:00:00", both),
          search(W2, "2019-07-04T00:00:00", both), search("2019-03-07T23:59:59.999999", "2019-05-06T00:00:00",
              must("no-such-session")), search("2019-01-07T23:59:59.999999", "2019-03-08T00:00:00",
              must("no-such-session")), search("2018-12-31T23:59:59.999999", "2019-01-08T00:00:00",
              must("no-such-session")));
    } finally {
      TestApi.sandbox().insights().setSearchByIdSince(null);
    }
  }

  @Test
  void anIdThatCannotBeAPathSegmentSendsNothing() throws SQLException {
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE id IN ('a/b', '..')")).isEmpty();
    assertThat(TestApi.requests()).isEmpty();
  }

  @Test
  void childTablesGetTheirSessionById() throws SQLException {
    String sql = "SELECT step_no, node_id, type FROM insights.flow_path WHERE session_id = ?";
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < first.get("flow_path").size(); i++) {
      JsonNode step = first.get("flow_path").get(i);
      expected.add((i + 1) + "; " + step.get("node_id").asText() + "; " + step.get("type").asText());
    }
    assertThat(db.rows(sql, id(first))).containsExactlyElementsOf(expected);
    assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/" + id(first));
  }
}
