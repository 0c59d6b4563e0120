package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code id IN (…)} list (of fewer than 20 values: Calcite turns a longer one into a join with its
 * VALUES, batched as {@code InsightsBatchJoinTest} shows) with a lower bound on session_start_time that
 * does not pin one day: when searching the bounds' windows for all the ids (as many per search as the
 * URL takes, at most a page) costs fewer requests than a {@code GET /search/{id}} per id, the ids are
 * searched. Before, each id was got (15 ids, 15 gets and, for the ids not found, the window on top),
 * since the ids of a query were always got first. The rows are those of pushdown off.
 */
class InsightsIdListSearchTest {
  /** One window: 2025-07-20 to now (2025-09-01T12:00) plus the five minutes of clock margin. */
  private static final String SINCE = " AND session_start_time >= TIMESTAMP '2025-07-20 00:00:00'";
  private static final String FROM = "2025-07-19T23:59:59.999999";
  private static final String TO = "2025-09-01T12:05:00";
  private static final String PROJECT = "[\"id\",\"session_start_time\",\"agent_information.name\"]";
  private static Db pushed;
  private static Db unpushed;
  private static List<String> found;

  @BeforeAll
  static void open() throws SQLException {
    pushed = Db.open();
    unpushed = Db.open(false, InsightsSchema.DEFAULT_LOOKBACK_DAYS, false);
    found = Docs.ids(Docs.between(Instant.parse("2025-07-21T00:00:00Z"), TestApi.NOW, d -> true)).subList(0, 10);
  }

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    unpushed.close();
  }

  /** 10 sessions of the window, 3 older ones that the bound leaves out, and absent ids. */
  private static List<String> ids(int absent, int length) {
    List<String> ids = new ArrayList<>(found);
    ids.addAll(Docs.ids(Docs.between(Instant.parse("2025-05-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z"),
        d -> true)).subList(0, 3));
    IntStream.range(0, absent).forEach(i -> ids.add(String.format("%0" + length + "d", i)));
    return ids;
  }

  private static String sql(List<String> ids) {
    return "SELECT id, agent_name FROM insights.sessions WHERE id IN ("
        + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + ")" + SINCE;
  }

  /** The should list of these ids, in the order Calcite keeps an IN list's values: sorted. */
  private static String should(List<String> ids) {
    return ids.stream().map(id -> "{\"term\":{\"id\":\"" + id + "\"}}")
        .collect(Collectors.joining(",", "{\"should\":[", "]}"));
  }

  @Test
  void fifteenIdsInOneWindowAreOneSearch() throws SQLException {
    List<String> ids = ids(2, 36);
    assertThat(ids).hasSize(15);
    String sql = sql(ids);
    List<String> rows = pushed.rows(sql);
    List<String> sent = TestApi.requests();
    assertThat(rows).hasSize(10).containsExactlyInAnyOrderElementsOf(unpushed.rows(sql));
    // before: 15 GET /insights/sessions/search/{id}, then a search of the window for the 2 absent
    // ids (the 3 older ones are found by id, and dropped by the bound)
    assertThat(sent).containsExactly(TestApi.search(FROM, TO, 0, 100, TestApi.UNORDERED, should(sorted(ids)),
        PROJECT));
    assertThat(pushed.explain(sql)).contains("request=[GET /insights/sessions with filter_by on id for id in ["
        + sorted(ids).get(0) + ", ").contains("(as many ids per search as the URL's 8000 bytes take, at most 100) in"
        + " the one window from " + FROM + " to " + TO + ", newest first, until every id is found: at most 1"
        + " request, fewer than a GET /insights/sessions/search/{id} per id; a first page counting more sessions"
        + " than ids (a service that reads should as optional) ends the searches, and the ids not yet found are"
        + " got by GET /insights/sessions/search/{id}, as in every statement after it]");
  }

  /**
   * Ids of 1,500 characters (no session's) take more of the URL than its 8,000 bytes hold: the searches
   * split where the URL ends, each within it (the sandbox answers 414 past it), the ids in order.
   */
  @Test
  void idsTooLongForOneUrlAreSplitWhereTheUrlEnds() throws SQLException {
    List<String> ids = sorted(ids(6, 1500));
    assertThat(ids).hasSize(19);
    String sql = sql(ids);
    List<String> rows = pushed.rows(sql);
    List<String> sent = TestApi.requests();
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(rows).hasSize(10).containsExactlyInAnyOrderElementsOf(unpushed.rows(sql));
    assertThat(sent).hasSize(2);
    int split = 0;
    while (!sent.get(0).equals(TestApi.search(FROM, TO, 0, 100, TestApi.UNORDERED,
        should(ids.subList(0, split)), PROJECT))) {
      split++;
      assertThat(split).isLessThan(ids.size());
    }
    assertThat(sent.get(1)).isEqualTo(TestApi.search(FROM, TO, 0, 100, TestApi.UNORDERED,
        should(ids.subList(split, ids.size())), PROJECT));
    // the long ones sort first: four of 1,500 characters fit with the rest of the URL, five do not
    assertThat(split).isEqualTo(4);
  }

  /**
   * Ids (or the bound) as parameters: the choice is made when the statement runs, so EXPLAIN, which
   * sees {@code ?N}, says both routes. Before, it said only the gets while the run sent one search.
   */
  @Test
  void parametersAreSearchedWhenThatIsFewerRequestsAndExplainSaysSo() throws SQLException {
    List<String> ids = sorted(ids(2, 36));
    String sql = "SELECT id, agent_name FROM insights.sessions WHERE id IN ("
        + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")" + SINCE;
    List<String> rows = pushed.rows(sql, ids.toArray());
    assertThat(TestApi.requests()).containsExactly(TestApi.search(FROM, TO, 0, 100, TestApi.UNORDERED,
        should(ids), PROJECT));
    assertThat(rows).hasSize(10).containsExactlyInAnyOrderElementsOf(unpushed.rows(sql, ids.toArray()));
    String instead = "; instead, when the statement runs and searching the bounds' windows for all the ids"
        + " takes fewer requests than a GET /insights/sessions/search/{id} per id, GET /insights/sessions with"
        + " filter_by on id (as many ids per search as the URL's 8000 bytes take, at most 100) in each window"
        + " of at most 59 days of the bounds, newest first, until every id is found]";
    assertThat(pushed.explain(sql, ids.toArray())).contains("request=[GET /insights/sessions/search/{id} for id"
        + " in [?0, ?1, ").contains(instead);
    // the bound a parameter, the ids literals: the same
    String bound = sql(ids).replace(SINCE, " AND session_start_time >= ?");
    java.sql.Timestamp since = java.sql.Timestamp.valueOf("2025-07-20 00:00:00");
    assertThat(pushed.rows(bound, since)).containsExactlyInAnyOrderElementsOf(rows);
    assertThat(TestApi.requests()).hasSize(1);
    assertThat(pushed.explain(bound, since)).contains(instead);
    // one id is never fewer requests searched: no such route
    assertThat(pushed.explain("SELECT id FROM insights.sessions WHERE id = ?" + SINCE, ids.get(0)))
        .doesNotContain("; instead");
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  /** Over more windows than there are ids, a get per id stays the fewer requests. */
  @Test
  void fewIdsOverManyWindowsAreStillGotById() throws SQLException {
    List<String> ids = found.subList(0, 3);
    String sql = "SELECT id, agent_name FROM insights.sessions WHERE id IN ("
        + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + ")"
        + " AND session_start_time >= TIMESTAMP '2025-01-01 00:00:00'";
    List<String> rows = pushed.rows(sql);
    List<String> sent = TestApi.requests();
    assertThat(rows).hasSize(3).containsExactlyInAnyOrderElementsOf(unpushed.rows(sql));
    assertThat(sent).containsExactlyInAnyOrder("GET /insights/sessions/search/" + ids.get(0),
        "GET /insights/sessions/search/" + ids.get(1), "GET /insights/sessions/search/" + ids.get(2));
  }
}
