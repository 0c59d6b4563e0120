package io.convosql.adapter.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.convosql.core.http.ApiException;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a user sees when Insights refuses or fails: 401 for a bad key told apart from 401 for an
 * invalid parameter (the server's detail quoted), never the key; a 404 on a get by id is no row.
 */
class InsightsErrorsTest {
  private static final String KEY = "vgai-SECRET-4711";
  private static final String SEARCH =
      "SELECT id FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
  private WireMockServer api;
  private InsightsSchema schema;
  private Connection connection;

  @BeforeEach
  void start() throws SQLException {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    schema = new InsightsSchema(HttpUrl.get("http://127.0.0.1:" + api.port()), KEY, TestHttp.settings(Duration.ofSeconds(5)),
        true, 60, false, TestApi.CLOCK);
    connection = Sql.connect("insights", schema);
  }

  @AfterEach
  void stop() throws SQLException {
    connection.close();
    schema.close();
    api.stop();
  }

  private Throwable failure(String sql) {
    try {
      Sql.rows(connection, sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("the query did not fail: " + sql);
  }

  private void searchAnswers(int status, String body) {
    api.stubFor(get(urlPathEqualTo("/insights/sessions")).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  private static ApiException apiException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiException) {
        return (ApiException) t;
      }
    }
    throw new AssertionError("no ApiException in " + e);
  }

  private static String fullText(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t).append('\n');
    }
    return b.toString();
  }

  @Test
  void aBadKeyIsNamedAsSuchAndTheKeyIsNeverShown() {
    searchAnswers(401, "{\"detail\":\"Invalid API key " + KEY + "\"}");
    Throwable e = failure(SEARCH);
    assertThat(e).hasMessageContaining("Insights API: Insights rejected the API key (GET /insights/sessions, HTTP 401)")
        .hasMessageContaining("Invalid API key ****").hasMessageContaining("Hint: check insights.apiKey");
    assertThat(apiException(e).sqlState()).isEqualTo("28000");
    assertThat(fullText(e)).doesNotContain(KEY);
    api.verify(getRequestedFor(urlPathEqualTo("/insights/sessions")).withHeader("X-Vgai-Key", equalTo(KEY)));
  }

  @Test
  void anInvalidParameterIsNotCalledAKeyProblem() {
    searchAnswers(401, "{\"detail\":\"Invalid date range: ranges over 60 days are not supported\"}");
    Throwable e = failure(SEARCH);
    assertThat(e).hasMessageContaining("Insights refused a parameter of the request (the API answers HTTP 401"
        + " for invalid parameters too; the key is not the problem)")
        .hasMessageContaining(": Invalid date range: ranges over 60 days are not supported")
        .hasMessageContaining("EXPLAIN PLAN FOR").hasMessageNotContaining("rejected the API key");
    assertThat(apiException(e).sqlState()).isEqualTo("22023");
  }

  @Test
  void aDetailThatDoesNotTellNamesBothCauses() {
    searchAnswers(401, "{\"detail\":\"Nope\"}");
    assertThat(failure(SEARCH)).hasMessageContaining("both for a bad API key and for invalid parameters")
        .hasMessageContaining(": Nope").hasMessageContaining("insights.apiKey");
  }

  @Test
  void theSandboxRefusesAWrongKey() throws SQLException {
    InsightsSchema wrong = new InsightsSchema(HttpUrl.get(TestApi.sandbox().insightsUrl()), "wrong-key",
        TestHttp.settings(Duration.ofSeconds(5)), true, 60, false, TestApi.CLOCK);
    try (Connection c = Sql.connect("insights", wrong)) {
      assertThatThrownBy(() -> Sql.rows(c, SEARCH)).hasMessageContaining("Insights rejected the API key")
          .hasMessageContaining("Invalid API key");
    } finally {
      wrong.close();
    }
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.hadInsightsKey()).isTrue());
    assertThat(Sandbox.INSIGHTS_KEY).isNotEqualTo("wrong-key");
  }

  @Test
  void aMissingSessionIsNoRow() throws SQLException {
    api.stubFor(get(urlPathEqualTo("/insights/sessions/search/gone")).willReturn(aResponse().withStatus(404)
        .withBody("{\"detail\":\"Session not found\"}")));
    assertThat(Sql.rows(connection, "SELECT id FROM insights.sessions WHERE id = 'gone'")).isEmpty();
  }

  @Test
  void serverFailuresAndBrokenBodiesNameTheEndpoint() {
    searchAnswers(503, "{\"detail\":\"elasticsearch is restarting\"}");
    assertThat(failure(SEARCH)).hasMessageContaining("GET /insights/sessions, HTTP 503")
        .hasMessageContaining("elasticsearch is restarting").hasMessageContaining("try again later");
    searchAnswers(200, "{\"total\": 1, \"hits\": [");
    assertThat(failure(SEARCH)).hasMessageContaining("not valid JSON");
    searchAnswers(200, "{\"total\":1,\"hits\":[{\"id\":\"s1\",\"session_start_time\":\"yesterday\"}]}");
    assertThat(failure(SEARCH)).hasMessageContaining("(GET /insights/sessions, HTTP 200): field"
        + " hits[0].session_start_time is \"yesterday\", expected an ISO date and time like");
    searchAnswers(200, "{\"total\":1,\"hits\":{\"oops\":1}}");
    assertThat(failure(SEARCH)).hasMessageContaining(
        "field hits is an object {\"oops\":1}, expected a list of session documents");
  }
}
