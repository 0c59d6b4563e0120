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
 * session_start_time fall inside one day; with a lower bound over several days it searches their
 * windows with a term on id; without one, by the slower search by id; a 404 is no row.
 */
class InsightsByIdTest {
  private static final Instant AUG20 = Instant.parse("2025-08-20T00:00:00Z");
  private static Db db;
  private static JsonNode first;
  private static JsonNode second;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
    List<? extends JsonNode> docs = Docs.between(AUG20, TestApi.NOW, d -> d.path("flow_path").size() > 2);
    first = docs.get(0);
    second = docs.get(docs.size() - 1);
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

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

  @Test
  void anIdListWithinADateRangeIsOneSearchWithShouldTerms() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE id IN ('" + id(first) + "', 'no-such-session', '"
        + id(second) + "') AND session_start_time >= TIMESTAMP '2025-08-20 00:00:00'";
    assertThat(db.rows(sql)).containsExactlyInAnyOrder(id(first), id(second));
    // the ids in the order of the folded IN list: sorted
    String filter = java.util.stream.Stream.of(id(first), id(second), "no-such-session").sorted()
        .map(id -> "{\"term\":{\"id\":\"" + id + "\"}}")
        .collect(java.util.stream.Collectors.joining(",", "{\"should\":[", "]}"));
    assertThat(TestApi.requests()).containsExactly(TestApi.search("2025-08-19T23:59:59.999999",
        "2025-09-01T12:05:00", 0, 100, TestApi.UNORDERED, filter, "[\"id\",\"session_start_time\"]"));
  }

  @Test
  void aWrongDayIsNoRow() throws SQLException {
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE id = ? AND session_start_time"
        + " >= TIMESTAMP '2025-06-01 00:00:00' AND session_start_time < TIMESTAMP '2025-06-02 00:00:00'",
        id(first))).isEmpty();
    assertThat(TestApi.recorded()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(404));
  }

  @Test
  void boundsOverSeveralDaysAreASearchOfTheirWindowForTheId() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE id = ? AND session_start_time > ?";
    String filter = "{\"must\":[{\"term\":{\"id\":\"" + id(first) + "\"}}]}";
    assertThat(db.rows(sql, id(first), java.sql.Timestamp.valueOf(Docs.jdbcStart(first)))).isEmpty();
    // after the session's start: from_date is a microsecond before the next millisecond
    String after = Docs.jdbcStart(first).replace(' ', 'T') + "999";
    assertThat(TestApi.requests()).containsExactly(TestApi.search(after, "2025-09-01T12:05:00", 0, 100,
        TestApi.UNORDERED, filter, "[\"id\",\"session_start_time\"]"));
    assertThat(db.rows(sql, id(first), java.sql.Timestamp.valueOf("2025-08-01 00:00:00"))).containsExactly(id(first));
    assertThat(TestApi.requests()).containsExactly(TestApi.search("2025-08-01T00:00:00.000999",
        "2025-09-01T12:05:00", 0, 100, TestApi.UNORDERED, filter, "[\"id\",\"session_start_time\"]"));
    assertThat(db.explain(sql, id(first), java.sql.Timestamp.valueOf("2025-08-01 00:00:00"))).contains(
        "request=[GET /insights/sessions/{id}/parameters?session_start_time=<day> when the bounds on"
            + " session_start_time fall inside one day, else GET /insights/sessions in the bounds' windows with"
            + " filter_by on id, for id in [?0]]");
  }

  /**
   * The document does not say which dates the search by id covers ("a wide range"): a service may
   * answer 404 for an old session. With a lower bound on session_start_time the query's own window is
   * searched with a term on id, as the document defines; without one the search by id is the only
   * route (reading all history instead is not an option), and finds what the service finds.
   */
  @Test
  void anOldSessionIsFoundInTheQuerysWindowWhereTheSearchByIdDoesNotReach() throws SQLException {
    ObjectNode doc = Docs.all().get(0).deepCopy();
    doc.put("id", "byid-old").put("session_start_time", "2020-05-15T10:00:00").put("status", "ended");
    TestApi.sandbox().insights().data().add(doc);
    TestApi.sandbox().insights().setSearchByIdSince(Instant.parse("2025-01-01T00:00:00Z"));
    try {
      String range = " AND session_start_time >= TIMESTAMP '2020-05-01 00:00:00'"
          + " AND session_start_time < TIMESTAMP '2020-06-01 00:00:00'";
      assertThat(db.rows("SELECT id FROM insights.sessions WHERE id = ?" + range, "byid-old"))
          .containsExactly("byid-old");
      assertThat(db.explain("SELECT id FROM insights.sessions WHERE id = 'byid-old'" + range)).contains(
          "request=[GET /insights/sessions?from_date=2020-04-30T23:59:59.999999&to_date=2020-06-01T00:00:00"
              + "&page_number=0&page_size=100&sort_by=" + TestApi.UNORDERED
              + "&filter_by={\"must\":[{\"term\":{\"id\":\"byid-old\"}}]}&project_fields=[\"id\",\"session_start_time\"]");
      assertThat(TestApi.requests()).containsExactly(TestApi.search("2020-04-30T23:59:59.999999",
          "2020-06-01T00:00:00", 0, 100, TestApi.UNORDERED, "{\"must\":[{\"term\":{\"id\":\"byid-old\"}}]}",
          "[\"id\",\"session_start_time\"]"));
      // two ids and another condition: the ids narrow the search, the status is checked here
      assertThat(db.rows("SELECT id FROM insights.sessions WHERE id IN ('byid-old', 'no-such-session')"
          + " AND status = 'ended'" + range)).containsExactly("byid-old");
      assertThat(TestApi.requests()).containsExactly(TestApi.search("2020-04-30T23:59:59.999999",
          "2020-06-01T00:00:00", 0, 100, TestApi.UNORDERED,
          "{\"should\":[{\"term\":{\"id\":\"byid-old\"}},{\"term\":{\"id\":\"no-such-session\"}}]}",
          "[\"id\",\"session_start_time\",\"status\"]"));
      // an upper bound alone leaves the search by id, which does not reach 2020 here
      assertThat(db.rows("SELECT id FROM insights.sessions WHERE id = 'byid-old'"
          + " AND session_start_time < TIMESTAMP '2020-06-01 00:00:00'")).isEmpty();
      assertThat(TestApi.recorded()).extracting(r -> r.path() + " " + r.status())
          .containsExactly("/insights/sessions/search/byid-old 404");
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
