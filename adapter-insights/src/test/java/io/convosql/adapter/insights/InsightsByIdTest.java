package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code id = x} gets the session directly: by its day (GET .../{id}/parameters) when the bounds on
 * session_start_time fall inside one day, otherwise by the slower search by id; a 404 is no row.
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
  void boundsOverSeveralDaysAreCheckedOnTheSessionFound() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE id = ? AND session_start_time > ?";
    assertThat(db.rows(sql, id(first), java.sql.Timestamp.valueOf(Docs.jdbcStart(first)))).isEmpty();
    assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/" + id(first));
    assertThat(db.rows(sql, id(first), java.sql.Timestamp.valueOf("2025-08-01 00:00:00"))).containsExactly(id(first));
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
