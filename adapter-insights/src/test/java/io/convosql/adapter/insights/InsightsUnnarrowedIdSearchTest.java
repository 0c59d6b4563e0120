package io.convosql.adapter.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service on ElasticSearch that reads {@code should} as optional ({@link InsightsOptionalShouldTest})
 * answers a search for a few ids with every session of the window: 1,000 here, ten pages. A search for
 * k ids can match at most k sessions, so a first page counting more ends it, the ids not yet found are
 * got by {@code GET /insights/sessions/search/{id}}, and the schema remembers that such searches do not
 * narrow. Before, {@code id IN ('s0', …, 's4')} with a bound of one window sent the ten pages where the
 * gets were five requests; a busy month (30,000 sessions, 300 pages) passed maxRequestsPerStatement.
 */
class InsightsUnnarrowedIdSearchTest {
  private static final String SINCE = " AND session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
  private static final String IDS = "id IN ('s0', 's1', 's2', 's3', 's4')";
  private static final int SESSIONS = 1000;
  private WireMockServer api;
  private InsightsSchema schema;
  private Connection connection;

  /** The session at place i of the window: s0 to s4 at 150, 350, …, 950, the others x{i}. */
  private static String id(int i) {
    return i % 200 == 150 ? "s" + i / 200 : "x" + i;
  }

  private static String doc(int i) {
    return "{\"id\":\"" + id(i) + "\",\"session_start_time\":\"2025-08-10T10:" + String.format("%02d:%02d", i / 60,
        i % 60) + "\",\"channel\":\"voice\"}";
  }

  private void pages(long total) {
    for (int page = 0; page * 100 < SESSIONS; page++) {
      String hits = java.util.stream.IntStream.range(page * 100, page * 100 + 100)
          .mapToObj(InsightsUnnarrowedIdSearchTest::doc).collect(Collectors.joining(","));
      api.stubFor(get(urlPathEqualTo("/insights/sessions")).withQueryParam("page_number", equalTo("" + page))
          .withQueryParam("page_size", equalTo("100"))
          .willReturn(okJson("{\"total\":" + total + ",\"hits\":[" + hits + "]}")));
    }
  }

  @BeforeEach
  void start() throws SQLException {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    pages(SESSIONS);
    api.stubFor(get(urlPathMatching("/insights/sessions/search/.*")).willReturn(notFound()));
    for (int i = 0; i < SESSIONS; i++) {
      api.stubFor(get(urlPathEqualTo("/insights/sessions/search/" + id(i))).willReturn(okJson(doc(i))));
    }
    schema = new InsightsSchema(HttpUrl.get("http://127.0.0.1:" + api.port()), "k",
        TestHttp.settings(Duration.ofSeconds(5)), true, 60, false, TestApi.CLOCK);
    connection = Sql.connect("insights", schema);
  }

  @AfterEach
  void stop() throws SQLException {
    connection.close();
    schema.close();
    api.stop();
  }

  /** The paths of the requests sent since the last call, in no particular order, and forgets them. */
  private List<String> sent() {
    List<String> out = new ArrayList<>();
    for (ServeEvent e : api.getAllServeEvents()) {
      String url = e.getRequest().getUrl();
      out.add(url.startsWith("/insights/sessions?") ? "search page "
          + HttpUrl.get("http://h" + url).queryParameter("page_number") : url);
    }
    api.resetRequests();
    return out;
  }

  private static final List<String> GETS = List.of("/insights/sessions/search/s0", "/insights/sessions/search/s1",
      "/insights/sessions/search/s2", "/insights/sessions/search/s3", "/insights/sessions/search/s4");

  @Test
  void aSearchCountingMoreSessionsThanIdsEndsAtItsFirstPageAndTheIdsAreGot() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE " + IDS + SINCE;
    assertThat(Sql.explain(connection, sql)).contains("at most 1 request, fewer than a GET"
        + " /insights/sessions/search/{id} per id; a first page counting more sessions than ids (a service that"
        + " reads should as optional) ends the searches, and the ids not yet found are got by GET"
        + " /insights/sessions/search/{id}, as in every statement after it");
    assertThat(Sql.rows(connection, sql)).containsExactlyInAnyOrder("s0", "s1", "s2", "s3", "s4");
    // before: search pages 0 to 9 and no get
    List<String> first = sent();
    assertThat(first).hasSize(6).contains("search page 0").containsAll(GETS);
    // the schema remembers: the next statement, and its EXPLAIN, go straight to the gets
    assertThat(Sql.rows(connection, sql)).containsExactlyInAnyOrder("s0", "s1", "s2", "s3", "s4");
    assertThat(sent()).containsExactlyInAnyOrderElementsOf(GETS);
    assertThat(Sql.explain(connection, sql)).contains("GET /insights/sessions/search/{id} for id in")
        .doesNotContain("fewer than a GET");
  }

  /** A busy month: the first page counts 30,000, which is neither paged through nor read in halves. */
  @Test
  void aBusyWindowCostsOnePageNotThreeHundred() throws SQLException {
    pages(30_000);
    assertThat(Sql.rows(connection, "SELECT id, channel FROM insights.sessions WHERE " + IDS + SINCE))
        .containsExactlyInAnyOrder("s0; voice", "s1; voice", "s2; voice", "s3; voice", "s4; voice");
    // before: the window was halved and each half paged (more than a hundred requests)
    List<String> sent = sent();
    assertThat(sent).hasSize(6).contains("search page 0").containsAll(GETS);
  }

  /**
   * Ids the search by id answers 404 for, on a service known not to narrow by them: each window of the
   * bounds is read once whole for all of them, whatever their groups.
   */
  @Test
  void idsNotFoundByIdAreLookedForInEachWindowReadOnce() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE " + IDS + SINCE;
    Sql.rows(connection, sql);
    sent();
    assertThat(Sql.rows(connection, "SELECT id FROM insights.sessions WHERE id IN ('s0', 's1', 'z1', 'z2')"
        + SINCE)).containsExactlyInAnyOrder("s0", "s1");
    List<String> sent = sent();
    assertThat(sent).hasSize(4 + 10).contains("/insights/sessions/search/z1", "/insights/sessions/search/z2")
        .containsAll(java.util.stream.IntStream.range(0, 10).mapToObj(p -> "search page " + p).toList());
  }

  /**
   * The search for an id that the search by id answered 404 for shows the service does not narrow: it is
   * read on (the whole window, as it always was), and the schema remembers, so a query's ids are then got.
   */
  @Test
  void aSearchForAnIdNotFoundShowsItAndIsReadOn() throws SQLException {
    // three windows since 2025-05-01: more than the two gets
    assertThat(Sql.rows(connection, "SELECT id FROM insights.sessions WHERE id IN ('s0', 'z1')"
        + " AND session_start_time >= TIMESTAMP '2025-05-01 00:00:00'")).containsExactly("s0");
    List<String> sent = sent();
    assertThat(sent).hasSize(2 + 3 * 10).contains("/insights/sessions/search/s0", "/insights/sessions/search/z1");
    // before: the five ids searched, ten pages
    assertThat(Sql.rows(connection, "SELECT id FROM insights.sessions WHERE " + IDS + SINCE))
        .containsExactlyInAnyOrder("s0", "s1", "s2", "s3", "s4");
    assertThat(sent()).containsExactlyInAnyOrderElementsOf(GETS);
  }

  /** A join of these keys with the sessions that started since {@code since}: a batch of the keys. */
  private static String join(String since, String... keys) {
    return "SELECT v.k, s.channel FROM (VALUES " + java.util.Arrays.stream(keys).map(k -> "('" + k + "')")
        .collect(Collectors.joining(", ")) + ") AS v(k) JOIN insights.sessions s ON s.id = v.k"
        + " WHERE s.session_start_time >= TIMESTAMP '" + since + " 00:00:00'";
  }

  private static final List<String> FIVE = List.of("s0; voice", "s1; voice", "s2; voice", "s3; voice", "s4; voice");

  /**
   * A join's batch of keys is searched in the windows with the keys as should terms: its first page
   * counting more sessions than keys ends the batch's searches, and its keys are got by id; the schema
   * remembers, so the next batch goes straight to the gets.
   */
  @Test
  void aJoinsBatchCountingMoreSessionsThanKeysEndsAtItsFirstPageAndTheKeysAreGot() throws SQLException {
    String sql = join("2025-08-01", "s0", "s1", "s2", "s3", "s4");
    assertThat(Sql.explain(connection, sql)).contains("EnumerableBatchNestedLoopJoin")
        .contains("filter_by={\"should\":[{\"term\":{\"id\":\"$cor0.1\"}}")
        .contains("; the keys as many per search as the URL's 8000 bytes take, at most 100"
            + "; no window more once every key is found; a first page counting more sessions than keys (a"
            + " service that reads should as optional) ends the batch's searches, and its keys not yet found are"
            + " got by GET /insights/sessions/search/{id}, as in every batch after it");
    assertThat(Sql.rows(connection, sql)).containsExactlyInAnyOrderElementsOf(FIVE);
    // before: search pages 0 to 9 and no get
    List<String> first = sent();
    assertThat(first).hasSize(6).contains("search page 0").containsAll(GETS);
    // the schema remembers: the next statement, and its EXPLAIN, go straight to the gets
    assertThat(Sql.rows(connection, sql)).containsExactlyInAnyOrderElementsOf(FIVE);
    assertThat(sent()).containsExactlyInAnyOrderElementsOf(GETS);
    assertThat(Sql.explain(connection, sql)).contains("GET /insights/sessions/search/{id} for id in [$cor0.1 …"
        + " $cor99.1 (a batch of 100 outer keys)]; for an id it does not find (404)").doesNotContain("should")
        .doesNotContain("instead, when the statement runs");
  }

  /**
   * In three windows the first page of the newest ends the batch's searches: no other window is
   * searched for the keys. A key the search by id answers 404 for is then looked for by reading each
   * window once whole, as the ids of a query are.
   */
  @Test
  void aJoinsBatchOverSeveralWindowsEndsAtTheFirstPageOfTheNewest() throws SQLException {
    assertThat(Sql.rows(connection, join("2025-05-01", "s0", "s1", "s2", "s3", "s4")))
        .containsExactlyInAnyOrderElementsOf(FIVE);
    // before: the three windows paged through, 30 requests
    assertThat(sent()).hasSize(6).contains("search page 0").containsAll(GETS);
    assertThat(Sql.rows(connection, join("2025-08-01", "s0", "s1", "z1")))
        .containsExactlyInAnyOrder("s0; voice", "s1; voice");
    List<String> sent = sent();
    assertThat(sent).hasSize(3 + 10).contains("/insights/sessions/search/s0", "/insights/sessions/search/s1",
        "/insights/sessions/search/z1")
        .containsAll(java.util.stream.IntStream.range(0, 10).mapToObj(p -> "search page " + p).toList());
  }
}
