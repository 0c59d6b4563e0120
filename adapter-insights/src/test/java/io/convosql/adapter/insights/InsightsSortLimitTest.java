package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY becomes sort_by (keys whose NULLs go last, as the API puts missing values), merged across
 * windows; LIMIT becomes page_size and OFFSET page_number when the hits are exactly the answer, so
 * ORDER BY ... LIMIT n reads only the pages it needs.
 */
class InsightsSortLimitTest {
  private static final Instant AUG1 = Instant.parse("2025-08-01T00:00:00Z");
  private static final String SINCE_AUG1 = " WHERE session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
  private static final String FROM = "2025-07-31T23:59:59.999999";
  private static final String TO = "2025-09-01T12:05:00"; // now, and the clock margin
  private static final String ID_START = "[\"id\",\"session_start_time\"]";
  private static Db db;
  private static List<String> offsetIds;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
    // In the empty months before March 2025: four sessions, and one exactly at the upper bound that a
    // query below excludes but the API's inclusive to_date returns.
    offsetIds = new ArrayList<>();
    for (String t : List.of("2025-01-14T09:00:00Z", "2025-01-13T09:00:00Z", "2025-01-12T09:00:00Z",
        "2025-01-11T09:00:00Z")) {
      offsetIds.add(TestApi.sandbox().insights().data().addSession(Instant.parse(t)).get("id").asText());
    }
    TestApi.sandbox().insights().data().addSession(Instant.parse("2025-01-20T00:00:00Z"));
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static List<JsonNode> sinceAug1(Comparator<JsonNode> order) {
    List<JsonNode> docs = new ArrayList<>(Docs.between(AUG1, TestApi.NOW, d -> true));
    docs.sort(order);
    return docs;
  }

  private static Comparator<JsonNode> newestFirst() {
    return Comparator.comparing(Docs::start).reversed();
  }

  private static Comparator<JsonNode> byDurationDescThenId() {
    return Comparator.<JsonNode, Long>comparing(d -> d.path("channel_data").path("duration").isNumber()
            ? d.path("channel_data").path("duration").asLong() : null,
        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(d -> d.get("id").asText());
  }

  @Test
  void orderByStartWithLimitIsOnePageOfThatSize() throws SQLException {
    String sql = "SELECT id FROM insights.sessions" + SINCE_AUG1 + " ORDER BY session_start_time DESC LIMIT 5";
    assertThat(db.rows(sql)).isEqualTo(Docs.ids(sinceAug1(newestFirst()).subList(0, 5)));
    assertThat(TestApi.requests()).containsExactly(
        TestApi.search(FROM, TO, 0, 5, "session_start_time:desc,id:asc", null, ID_START));
    assertThat(db.explain(sql)).startsWith("EnumerableApiScan(").doesNotContain("Sort")
        .contains("sort=[[session_start_time DESC NULLS LAST]], fetch=[5]");
  }

  @Test
  void anOrderOnAnotherColumnMergesTheWindowsSortedStreams() throws SQLException {
    String sql = "SELECT id, duration_ms FROM insights.sessions ORDER BY duration_ms DESC, id LIMIT 5";
    List<JsonNode> lookback = new ArrayList<>(Docs.between(Docs.LOOKBACK, TestApi.NOW, d -> true));
    lookback.sort(byDurationDescThenId());
    List<String> expected = lookback.subList(0, 5).stream()
        .map(d -> d.get("id").asText() + "; " + d.path("channel_data").path("duration").asText()).toList();
    assertThat(db.rows(sql)).isEqualTo(expected);
    String sortBy = "channel_data.duration:desc,id:asc";
    String project = "[\"id\",\"session_start_time\",\"channel_data.duration\"]";
    // the merge needs every window's first page, so it requests them at once, in any order
    assertThat(TestApi.requests()).containsExactlyInAnyOrder(
        TestApi.search("2025-07-04T12:04:59.999999", TO, 0, 5, sortBy, null, project),
        TestApi.search("2025-07-03T11:59:59.999999", "2025-07-04T12:05:00", 0, 5, sortBy, null, project));
    assertThat(db.explain(sql)).contains("; 1 more window of at most 59 days merged by sort_by, the same"
        + " requests with from_date=2025-07-03T11:59:59.999999&to_date=2025-07-04T12:05:00;");
  }

  @Test
  void nullsFirstIsNotTheApisOrderAndStaysWithCalcite() throws SQLException {
    String sql = "SELECT duration_ms FROM insights.sessions" + SINCE_AUG1
        + " ORDER BY duration_ms DESC NULLS FIRST LIMIT 3";
    assertThat(db.rows(sql)).containsExactly("null", "null", "null");
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("sort_by")).isEqualTo(TestApi.UNORDERED))
        .allSatisfy(r -> assertThat(r.param("page_size")).isEqualTo("100"));
    assertThat(db.explain(sql)).contains("Sort");
    String ascending = "SELECT duration_ms FROM insights.sessions" + SINCE_AUG1 + " ORDER BY duration_ms LIMIT 3";
    assertThat(db.rows(ascending)).doesNotContain("null");
    assertThat(TestApi.requests()).containsExactly(TestApi.search(FROM, TO, 0, 3, "channel_data.duration:asc,id:asc",
        null, "[\"id\",\"session_start_time\",\"channel_data.duration\"]"));
  }

  @Test
  void ordersTheApiCannotGiveExactlyStayWithCalcite() throws SQLException {
    // The API orders start times by microseconds, which SQL's milliseconds tie: a key after it would
    // then see the API's order. Destination is a number in the document's model.
    for (String order : new String[] {"session_start_time DESC, id", "destination", "document"}) {
      String sql = "SELECT id FROM insights.sessions" + SINCE_AUG1 + " ORDER BY " + order + " LIMIT 3";
      assertThat(db.rows(sql)).hasSize(3);
      assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("sort_by")).isEqualTo(TestApi.UNORDERED));
      assertThat(db.explain(sql)).contains("Sort");
    }
  }

  @Test
  void severalKeysBecomeOneSortBy() throws SQLException {
    String sql = "SELECT agent_name FROM insights.sessions" + SINCE_AUG1
        + " ORDER BY agent_name, session_start_time DESC LIMIT 2";
    Comparator<JsonNode> order = Comparator.<JsonNode, String>comparing(
        d -> Docs.text(d, "agent_information.name")).thenComparing(newestFirst());
    assertThat(db.rows(sql)).isEqualTo(sinceAug1(order).subList(0, 2).stream()
        .map(d -> Docs.text(d, "agent_information.name")).toList());
    assertThat(TestApi.recorded()).singleElement().satisfies(r -> assertThat(r.param("sort_by"))
        .isEqualTo("agent_information.name:asc,session_start_time:desc,id:asc"));
  }

  @Test
  void anOrderThatHoldsTheIdIsAlreadyTotal() throws SQLException {
    String sql = "SELECT id FROM insights.sessions" + SINCE_AUG1 + " ORDER BY id DESC LIMIT 3";
    List<String> ids = new ArrayList<>(Docs.ids(sinceAug1(newestFirst())));
    ids.sort(Comparator.reverseOrder());
    assertThat(db.rows(sql)).isEqualTo(ids.subList(0, 3));
    assertThat(TestApi.requests()).containsExactly(TestApi.search(FROM, TO, 0, 3, "id:desc", null, ID_START));
    assertThat(db.explain(sql)).contains("&page_size=3&sort_by=id:desc&project_fields=");
  }

  @Test
  void offsetIsAPageNumberWhenTheHitsAreExactlyTheAnswer() throws SQLException {
    String sql = "SELECT id FROM insights.sessions" + SINCE_AUG1 + " ORDER BY session_start_time DESC LIMIT 10 OFFSET 30";
    assertThat(db.rows(sql)).isEqualTo(Docs.ids(sinceAug1(newestFirst()).subList(30, 40)));
    String edges = "{\"must_not\":[{\"term\":{\"session_start_time\":\"" + FROM + "\"}},"
        + "{\"term\":{\"session_start_time\":\"" + TO + "\"}}]}";
    assertThat(TestApi.requests()).containsExactly(
        TestApi.search(FROM, TO, 3, 10, "session_start_time:desc,id:asc", edges, ID_START));
    assertThat(db.explain(sql)).contains("page_number=3&page_size=10&sort_by=session_start_time:desc,id:asc&filter_by=" + edges);
  }

  @Test
  void anOffsetBetweenPagesSkipsTheRestOfItsFirstPage() throws SQLException {
    String sql = "SELECT id FROM insights.sessions" + SINCE_AUG1 + " ORDER BY session_start_time DESC LIMIT 10 OFFSET 35";
    assertThat(db.rows(sql)).isEqualTo(Docs.ids(sinceAug1(newestFirst()).subList(35, 45)));
    assertThat(TestApi.recorded()).extracting(r -> r.param("page_number") + "/" + r.param("page_size"))
        .containsExactly("3/10", "4/10");
    assertThat(db.explain(sql)).contains("page_number=3&page_size=10", ", skipping 5 hits");
  }

  @Test
  void hitsAtTheRequestedDatesDoNotShiftAnOffset() throws SQLException {
    // The API's to_date is inclusive: without the must_not on the edges, the session at exactly
    // 2025-01-20 00:00:00 would be the first hit and every page would shift by one.
    String sql = "SELECT id FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-01-10 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-01-20 00:00:00' ORDER BY session_start_time DESC LIMIT 2 OFFSET 1";
    assertThat(db.rows(sql)).isEqualTo(offsetIds.subList(1, 3));
    assertThat(TestApi.recorded()).extracting(r -> r.param("page_number") + "/" + r.param("page_size"))
        .containsExactly("0/2", "1/2");
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("filter_by")).isEqualTo(
        "{\"must_not\":[{\"term\":{\"session_start_time\":\"2025-01-09T23:59:59.999999\"}},"
            + "{\"term\":{\"session_start_time\":\"2025-01-20T00:00:00\"}}]}"));
  }

  @Test
  void anOffsetOverSeveralWindowsIsSkippedLocally() throws SQLException {
    String sql = "SELECT id FROM insights.sessions ORDER BY session_start_time DESC LIMIT 5 OFFSET 10";
    List<JsonNode> lookback = new ArrayList<>(Docs.between(Docs.LOOKBACK, TestApi.NOW, d -> true));
    lookback.sort(newestFirst());
    assertThat(db.rows(sql)).isEqualTo(Docs.ids(lookback.subList(10, 15)));
    assertThat(TestApi.requests()).containsExactly(TestApi.search("2025-07-04T12:04:59.999999", TO, 0, 15,
        "session_start_time:desc,id:asc", null, ID_START));
  }

  @Test
  void aResidualFilterOrAShouldListKeepsFullPages() throws SQLException {
    assertThat(db.rows("SELECT id FROM insights.sessions" + SINCE_AUG1
        + " AND agent_name LIKE 'Pizza%' ORDER BY session_start_time DESC LIMIT 5")).hasSize(5);
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("page_size")).isEqualTo("100"));
    // ElasticSearch reads should next to must (or a filter) as optional, so the hits may hold more than the answer.
    assertThat(db.rows("SELECT id FROM insights.sessions" + SINCE_AUG1 + " AND call_status = 'ended'"
        + " AND channel IN ('http', 'whatsapp') ORDER BY session_start_time DESC LIMIT 5")).hasSize(5);
    assertThat(TestApi.recorded()).singleElement()
        .satisfies(r -> assertThat(r.param("page_size")).isEqualTo("100"));
    String alone = "SELECT id FROM insights.sessions" + SINCE_AUG1
        + " AND channel IN ('http', 'whatsapp') ORDER BY session_start_time DESC LIMIT 5";
    assertThat(db.rows(alone)).isEqualTo(Docs.ids(sinceAug1(newestFirst()).stream()
        .filter(d -> !"voice".equals(Docs.text(d, "channel"))).limit(5).toList()));
    // A should list alone too: a service that merges filter_by with its date range reads it as optional
    // (InsightsOptionalShouldTest), so its hits do not bound the LIMIT.
    assertThat(TestApi.recorded()).singleElement()
        .satisfies(r -> assertThat(r.param("page_size")).isEqualTo("100"));
  }

  @Test
  void aLimitParameterSetsThePageSize() throws SQLException {
    String sql = "SELECT id FROM insights.sessions" + SINCE_AUG1 + " ORDER BY session_start_time DESC LIMIT ?";
    assertThat(db.rows(sql, 7)).isEqualTo(Docs.ids(sinceAug1(newestFirst()).subList(0, 7)));
    assertThat(TestApi.requests()).containsExactly(
        TestApi.search(FROM, TO, 0, 7, "session_start_time:desc,id:asc", null, ID_START));
    assertThat(db.explain(sql, 7)).contains("page_size=min(100, ?0)");
  }

  @Test
  void aLimitOverAPageReadsOnlyThePagesItNeeds() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-03-06 00:00:00'"
        + " ORDER BY session_start_time DESC LIMIT 150";
    List<JsonNode> docs = new ArrayList<>(Docs.between(Instant.parse("2025-03-06T00:00:00Z"), TestApi.NOW, d -> true));
    docs.sort(newestFirst());
    assertThat(db.rows(sql)).isEqualTo(Docs.ids(docs.subList(0, 150)));
    assertThat(TestApi.recorded()).extracting(r -> r.param("from_date") + " " + r.param("page_number"))
        .containsExactly("2025-07-04T12:04:59.999999 0", "2025-07-04T12:04:59.999999 1");
  }

  /**
   * language is free text the service may analyse into words (so its equalities are sent as match),
   * and ElasticSearch refuses to sort by an analysed field: ORDER BY language is sorted here. Before,
   * it was sent as sort_by=language:asc, which such a service answers with an error.
   */
  @Test
  void anOrderOnFreeTextIsSortedHere() throws SQLException {
    String sql = "SELECT id, \"language\" FROM insights.sessions" + SINCE_AUG1 + " ORDER BY \"language\", id LIMIT 3";
    List<String> expected = sinceAug1(Comparator.comparing((JsonNode d) -> Docs.text(d, "language"),
            Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(d -> Docs.text(d, "id")))
        .stream().limit(3).map(d -> Docs.text(d, "id") + "; " + Docs.text(d, "language")).toList();
    assertThat(db.rows(sql)).isEqualTo(expected);
    assertThat(TestApi.recorded()).isNotEmpty().allSatisfy(r -> assertThat(r.param("sort_by"))
        .isEqualTo(TestApi.UNORDERED));
  }
}
