package io.convosql.driver;

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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On a service that reads a search's {@code should} ids as optional (real-apis.md "should lists"), the
 * ids of a statement are got by id: {@code maxRequestsPerStatement} counts those gets before they are
 * sent, so a statement that needs more fails with 54000 having sent none of them.
 */
class UnnarrowedIdBudgetTest {
  private static final int SESSIONS = 300;
  private WireMockServer api;
  private String day;

  private static String id(int i) {
    return i % 60 == 30 ? "s" + i / 60 : "x" + i;
  }

  private String doc(int i) {
    return "{\"id\":\"" + id(i) + "\",\"session_start_time\":\"" + day + "T10:" + String.format("%02d:%02d",
        i / 60, i % 60) + "\",\"channel\":\"voice\"}";
  }

  @BeforeEach
  void start() {
    day = LocalDateTime.ofInstant(Instant.now().minus(10, ChronoUnit.DAYS), ZoneOffset.UTC).toLocalDate().toString();
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    for (int page = 0; page * 100 < SESSIONS; page++) {
      String hits = IntStream.range(page * 100, page * 100 + 100).mapToObj(this::doc)
          .collect(Collectors.joining(","));
      api.stubFor(get(urlPathEqualTo("/insights/sessions")).withQueryParam("page_number", equalTo("" + page))
          .willReturn(okJson("{\"total\":" + SESSIONS + ",\"hits\":[" + hits + "]}")));
    }
    api.stubFor(get(urlPathMatching("/insights/sessions/search/.*")).willReturn(notFound()));
    for (int i = 0; i < SESSIONS; i++) {
      api.stubFor(get(urlPathEqualTo("/insights/sessions/search/" + id(i))).willReturn(okJson(doc(i))));
    }
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  private List<String> sent() {
    List<String> out = new ArrayList<>();
    for (ServeEvent e : api.getAllServeEvents()) {
      String url = e.getRequest().getUrl();
      out.add(url.startsWith("/insights/sessions?") ? "search" : url);
    }
    api.resetRequests();
    return out;
  }

  private static final String SINCE = " WHERE s.session_start_time >= CURRENT_TIMESTAMP - INTERVAL '30' DAY";

  private static String join(String... keys) {
    return "SELECT v.k, s.channel FROM (VALUES " + java.util.Arrays.stream(keys).map(k -> "('" + k + "')")
        .collect(Collectors.joining(", ")) + ") AS v(k) JOIN insights.sessions s ON s.id = v.k" + SINCE;
  }

  private static SQLException failure(Connection c, String sql) {
    try {
      DriverFixture.rows(c, sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("no failure: " + sql);
  }

  @Test
  void theGetsOfABatchAreCountedBeforeTheyAreSent() throws SQLException {
    String url = ConvoSqlDriver.PREFIX + "insights.url=http://127.0.0.1:" + api.port() + ";insights.apiKey=k"
        + ";maxRequestsPerStatement=3";
    try (Connection c = DriverManager.getConnection(url)) {
      // the first batch's search shows the service does not narrow by ids: its five keys would be got,
      // which with the search pass 3; before, three requests were sent and the fourth failed
      SQLException first = failure(c, join("s0", "s1", "s2", "s3", "s4"));
      assertThat(first.getSQLState()).isEqualTo("54000");
      assertThat(first.getMessage()).contains("the service does not narrow a search by ids (its first page"
          + " counted more sessions than ids): getting the 5 ids not yet found would take 5 requests: the"
          + " statement needs 6, more than maxRequestsPerStatement=3 allows");
      assertThat(sent()).containsExactly("search");
      // known now: the next statement's gets, and a query's ids, are counted before anything is sent
      SQLException second = failure(c, join("s0", "s1", "s2", "s3", "s4"));
      assertThat(second.getSQLState()).isEqualTo("54000");
      assertThat(second.getMessage()).contains("the statement needs 5 requests, more than"
          + " maxRequestsPerStatement=3 allows; nothing of it was sent (GET /insights/sessions/search/{id})");
      SQLException third = failure(c, "SELECT id FROM insights.sessions s WHERE id IN ('s0', 's1', 's2', 's3',"
          + " 's4') AND" + SINCE.substring(6));
      assertThat(third.getMessage()).contains("the statement needs 5 requests");
      assertThat(sent()).isEmpty();
    }
  }
}
