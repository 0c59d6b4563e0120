package io.convosql.adapter.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service on ElasticSearch that merges {@code filter_by} into the bool query holding its date range
 * reads {@code should} as optional (it only scores next to a filter clause): every session of the
 * window comes back whatever the {@code should} list says. The answers of IN lists, id lists and
 * their COUNT(*) and LIMIT are still exact, since a {@code should} list never bounds the rows read.
 */
class InsightsOptionalShouldTest {
  private static final String RANGE = " session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
  private WireMockServer api;
  private InsightsSchema schema;
  private Connection connection;

  private static String doc(String id, String channel, int ms) {
    return "{\"id\":\"" + id + "\",\"session_start_time\":\"2025-08-10T10:00:00." + String.format("%03d", ms)
        + "\",\"channel\":\"" + channel + "\"}";
  }

  @BeforeEach
  void start() throws SQLException {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    // the window's four sessions, oldest first, for any filter_by and any page size
    String all = doc("s1", "http", 1) + "," + doc("s2", "voice", 2) + "," + doc("s3", "whatsapp", 3) + ","
        + doc("s4", "voice", 4);
    String[] hits = all.split(",(?=\\{\"id)");
    for (int size = 1; size <= 100; size++) {
      StringBuilder page = new StringBuilder();
      for (int i = 0; i < Math.min(size, hits.length); i++) {
        page.append(i == 0 ? "" : ",").append(hits[i]);
      }
      api.stubFor(get(urlPathEqualTo("/insights/sessions")).withQueryParam("page_number", equalTo("0"))
          .withQueryParam("page_size", equalTo(Integer.toString(size)))
          .willReturn(okJson("{\"total\":4,\"hits\":[" + page + "]}")));
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

  @Test
  void anInListUnderALimitReadsOnUntilItHasTheRows() throws SQLException {
    // before: page_size=2 and a stop after two hits, of which s1 fails the check: [s2]
    assertThat(Sql.rows(connection, "SELECT id FROM insights.sessions WHERE channel IN ('voice', 'whatsapp') AND"
        + RANGE + " LIMIT 2")).containsExactly("s2", "s3");
    api.verify(1, getRequestedFor(urlPathEqualTo("/insights/sessions")).withQueryParam("page_size", equalTo("100")));
  }

  @Test
  void theCountOfAnInListIsNotTheTotal() throws SQLException {
    // before: the total of the page_size=1 request, 4
    assertThat(Sql.rows(connection, "SELECT COUNT(*) FROM insights.sessions WHERE channel IN ('voice', 'whatsapp')"
        + " AND" + RANGE)).containsExactly("3");
  }

  @Test
  void anIdListSearchedInAWindowKeepsItsLimit() throws SQLException {
    // before: page_size=1 read s1 alone, which the check drops: no row
    assertThat(Sql.rows(connection, "SELECT id FROM insights.sessions WHERE id IN ('s2', 's3') AND" + RANGE
        + " LIMIT 1")).containsExactly("s2");
    assertThat(Sql.rows(connection, "SELECT id FROM insights.sessions WHERE id IN ('s3', 's4') AND" + RANGE
        + " LIMIT 1 OFFSET 1")).containsExactly("s4");
  }
}
