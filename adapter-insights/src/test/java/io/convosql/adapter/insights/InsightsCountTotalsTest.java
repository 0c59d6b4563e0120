package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * COUNT(*) of insights.sessions reads each window's total with page_size=1 when the hits are exactly
 * the counted sessions, excluding hits at the window's request dates; otherwise it pages and counts.
 */
class InsightsCountTotalsTest {
  private static final String PROJECT = "[\"id\",\"session_start_time\"]";
  private static final String EDGES = "\"must_not\":[{\"term\":{\"session_start_time\":\"%s\"}},"
      + "{\"term\":{\"session_start_time\":\"%s\"}}]";
  private static Db db;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static String edges(String from, String to) {
    return String.format(EDGES, from, to);
  }

  @Test
  void aCountIsOneTotalPerWindow() throws SQLException {
    String sql = "SELECT COUNT(*) FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-03-01 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-08-20 00:00:00'";
    int expected = Docs.between(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-08-20T00:00:00Z"),
        d -> true).size();
    assertThat(db.rows(sql)).containsExactly(Integer.toString(expected));
    String[][] windows = {
        {"2025-06-21T23:59:59.999999", "2025-08-20T00:00:00"},
        {"2025-04-23T23:59:59.999999", "2025-06-22T00:00:00"},
        {"2025-02-28T23:59:59.999999", "2025-04-24T00:00:00"}};
    assertThat(TestApi.requests()).containsExactly(
        TestApi.search(windows[0][0], windows[0][1], 0, 1, null, "{" + edges(windows[0][0], windows[0][1]) + "}", PROJECT),
        TestApi.search(windows[1][0], windows[1][1], 0, 1, null, "{" + edges(windows[1][0], windows[1][1]) + "}", PROJECT),
        TestApi.search(windows[2][0], windows[2][1], 0, 1, null, "{" + edges(windows[2][0], windows[2][1]) + "}", PROJECT));
    assertThat(db.explain(sql)).contains("count=[true]", "page_size=1",
        "(its total; paging instead when a total is not exact); 2 more windows", "the totals summed");
  }

  @Test
  void exactFiltersAndParametersAreSentWithTheCount() throws SQLException {
    String agent = Docs.text(Docs.oneSince(Docs.LOOKBACK, d -> true), "agent_information.id");
    String sql = "SELECT COUNT(*), COUNT(id) AS ids FROM insights.sessions WHERE agent_id = ?"
        + " AND session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
    long expected = Docs.between(Instant.parse("2025-08-01T00:00:00Z"), TestApi.NOW,
        d -> agent.equals(Docs.text(d, "agent_information.id"))).size();
    assertThat(db.rows(sql, agent)).containsExactly(expected + "; " + expected);
    String from = "2025-07-31T23:59:59.999999";
    String to = "2025-09-01T12:05:00"; // now, and the clock margin
    assertThat(TestApi.requests()).containsExactly(TestApi.search(from, to, 0, 1, null,
        "{\"must\":[{\"term\":{\"agent_information.id\":\"" + agent + "\"}}]," + edges(from, to) + "}", PROJECT));
  }

  @Test
  void withoutALowerBoundTheLookbackIsCountedAndWarned() throws SQLException {
    int expected = Docs.between(Docs.LOOKBACK, TestApi.NOW, d -> true).size();
    assertThat(db.rows("SELECT COUNT(*) FROM insights.sessions")).containsExactly(Integer.toString(expected));
    assertThat(TestApi.requests()).hasSize(2).allMatch(r -> r.contains("page_size=1 "));
    assertThat(db.warnings).hasSize(1).allMatch(w -> w.contains("lookbackDays=60"));
  }

  @Test
  void hitsThatAreNotExactlyTheAnswerAreCountedByPaging() throws SQLException {
    String since = " AND session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
    List<String> queries = List.of(
        "SELECT COUNT(*) FROM insights.sessions WHERE channel <> 'http'" + since,
        "SELECT COUNT(*) FROM insights.sessions WHERE status = 'ended' AND channel IN ('http', 'voice')" + since,
        "SELECT COUNT(*) FROM insights.tags WHERE tag = 'x'" + since);
    for (String sql : queries) {
      List<String> pushed = db.rows(sql);
      assertThat(TestApi.requests()).as(sql).isNotEmpty().allMatch(r -> r.contains("page_size=100"));
      try (Db unpushed = Db.open(false, InsightsSchema.DEFAULT_LOOKBACK_DAYS, false)) {
        assertThat(unpushed.rows(sql)).as(sql).isEqualTo(pushed);
      }
    }
  }

  @Test
  void anEmptyRangeSendsNothing() throws SQLException {
    assertThat(db.rows("SELECT COUNT(*) FROM insights.sessions WHERE session_start_time > TIMESTAMP '2030-01-01 00:00:00'"))
        .containsExactly("0");
    assertThat(TestApi.requests()).isEmpty();
  }
}
