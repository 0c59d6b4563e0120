package io.convosql.adapter.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers the API document leaves open are read under every reading: page fields as text or numbers,
 * no {@code total}, ElasticSearch's {@code {value, relation}} total and {@code _source} hits, pages
 * shorter than asked, and bare or enveloped documents from the gets by id.
 */
class InsightsAnswerShapesTest {
  private static final String SQL = "SELECT id, duration_ms FROM insights.sessions"
      + " WHERE session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
  private WireMockServer api;
  private InsightsSchema schema;
  private Connection connection;

  @BeforeEach
  void start() throws SQLException {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    schema = new InsightsSchema(HttpUrl.get("http://127.0.0.1:" + api.port()), "k", TestHttp.settings(Duration.ofSeconds(5)),
        true, 60, false, TestApi.CLOCK);
    connection = Sql.connect("insights", schema);
  }

  @AfterEach
  void stop() throws SQLException {
    connection.close();
    schema.close();
    api.stop();
  }

  private static String doc(int i) {
    return "{\"id\":\"s" + i + "\",\"session_start_time\":\"2025-08-10T10:00:00.000" + String.format("%03d", i)
        + "\",\"channel_data\":{\"duration\":\"" + (1000 + i) + "\"}}";
  }

  private static String docs(int from, int to) {
    return String.join(",", IntStream.range(from, to).mapToObj(InsightsAnswerShapesTest::doc).toList());
  }

  private static List<String> rows(int from, int to) {
    List<String> out = new ArrayList<>();
    IntStream.range(from, to).forEach(i -> out.add("s" + i + "; " + (1000 + i)));
    return out;
  }

  private MappingBuilder page(int number, int size) {
    return get(urlPathEqualTo("/insights/sessions")).withQueryParam("page_number", equalTo(Integer.toString(number)))
        .withQueryParam("page_size", equalTo(Integer.toString(size)));
  }

  @Test
  void withoutATotalAShortPageIsTheLast() throws SQLException {
    api.stubFor(page(0, 100).willReturn(okJson("{\"hits\":[" + docs(0, 100) + "],\"page_size\":100,\"page_number\":0}")));
    api.stubFor(page(1, 100).willReturn(okJson("{\"hits\":[" + docs(100, 103) + "],\"page_size\":\"100\"}")));
    assertThat(Sql.rows(connection, SQL)).containsExactlyInAnyOrderElementsOf(rows(0, 103));
    api.verify(2, getRequestedFor(urlPathEqualTo("/insights/sessions")));
  }

  @Test
  void elasticsearchShapedAnswersAreRead() throws SQLException {
    api.stubFor(page(0, 100).willReturn(okJson("{\"hits\":{\"total\":{\"value\":2,\"relation\":\"eq\"},"
        + "\"hits\":[{\"_source\":" + doc(1) + "},{\"_source\":" + doc(2) + "}]}}")));
    assertThat(Sql.rows(connection, SQL)).containsExactlyInAnyOrderElementsOf(rows(1, 3));
    api.verify(1, getRequestedFor(urlPathEqualTo("/insights/sessions")));
  }

  @Test
  void aServerThatPagesByFewerHitsIsFollowedAtItsPageSize() throws SQLException {
    api.stubFor(page(0, 100).willReturn(okJson("{\"total\":\"90\",\"hits\":[" + docs(0, 40) + "]}")));
    api.stubFor(page(1, 40).willReturn(okJson("{\"total\":90,\"hits\":[" + docs(40, 80) + "]}")));
    api.stubFor(page(2, 40).willReturn(okJson("{\"total\":90,\"hits\":[" + docs(80, 90) + "]}")));
    assertThat(Sql.rows(connection, SQL)).containsExactlyInAnyOrderElementsOf(rows(0, 90));
    api.verify(3, getRequestedFor(urlPathEqualTo("/insights/sessions")));
  }

  @Test
  void aSessionStoredBetweenPagesShiftsTheNextPageAndIsNotReadTwice() throws SQLException {
    // 150 sessions; one that started before them is stored after page 0 is answered, before page
    // 1: every session moves down a place, so page 1 starts with page 0's last (s99), total 151
    api.stubFor(page(0, 100).willReturn(okJson("{\"total\":150,\"hits\":[" + docs(0, 100) + "]}")));
    api.stubFor(page(1, 100).willReturn(okJson("{\"total\":151,\"hits\":[" + docs(99, 150) + "]}")));
    assertThat(Sql.rows(connection, SQL)).containsExactlyInAnyOrderElementsOf(rows(0, 150));
    api.verify(2, getRequestedFor(urlPathEqualTo("/insights/sessions"))
        .withQueryParam("sort_by", equalTo("session_start_time:asc,id:asc")));
  }

  @Test
  void moreHitsThanAskedForIsAnError() {
    api.stubFor(page(0, 5).willReturn(okJson("{\"total\":9,\"hits\":[" + docs(0, 9) + "]}")));
    assertThatThrownBy(() -> Sql.rows(connection, SQL + " ORDER BY session_start_time LIMIT 5"))
        .hasMessageContaining("field 'hits' holds 9 sessions, more than the page_size 5 asked for");
  }

  @Test
  void anApiThatIgnoresThePageNumberFailsInsteadOfLooping() {
    api.stubFor(get(urlPathEqualTo("/insights/sessions")).willReturn(okJson("{\"hits\":[" + docs(0, 100) + "]}")));
    assertThatThrownBy(() -> Sql.rows(connection, SQL))
        .hasMessageContaining("repeats the previous page (page_number 1 starts with the same session)");
    api.verify(2, getRequestedFor(urlPathEqualTo("/insights/sessions")));
  }

  @Test
  void aGetByIdAnswersABareDocumentOrAnEnvelope() throws SQLException {
    api.stubFor(get(urlPathEqualTo("/insights/sessions/search/s1")).willReturn(okJson(doc(1))));
    api.stubFor(get(urlPathEqualTo("/insights/sessions/search/s2")).willReturn(okJson("{\"hits\":[" + doc(2) + "]}")));
    assertThat(Sql.rows(connection, "SELECT id, duration_ms FROM insights.sessions WHERE id IN ('s1', 's2')"))
        .containsExactlyInAnyOrderElementsOf(rows(1, 3));
  }
}
