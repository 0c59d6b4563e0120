package io.convosql.adapter.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.convosql.core.http.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * An Insights schema on a WireMock server whose answers a test sets per endpoint, with well-formed
 * documents to start from and helpers that run SQL and return the rows or the {@link ApiException}.
 */
final class InsightsStub implements AutoCloseable {
  static final String SEARCH = "/insights/sessions";
  static final String BY_DAY = "/insights/sessions/s1/parameters";
  static final String BY_ID = "/insights/sessions/search/s1";
  /** A range inside the tests' 60 days before "now": one search window. */
  static final String SINCE = " session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
  /** A one-day range, so that an id is got by its day. */
  static final String ON_THE_DAY = " session_start_time >= TIMESTAMP '2025-08-10 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2025-08-11 00:00:00'";
  static final String START = "\"session_start_time\":\"2025-08-10T10:00:00.000123\"";
  static final String HINT = ". Hint: the API sent an answer the driver cannot read, so the query"
      + " stops rather than return a wrong value; report it with the endpoint and field";

  private final WireMockServer api;
  private final InsightsSchema schema;
  private final Connection connection;

  InsightsStub() throws SQLException {
    api = new WireMockServer(
        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    schema = new InsightsSchema(HttpUrl.get("http://127.0.0.1:" + api.port()), "test-key-4711",
        TestHttp.settings(Duration.ofSeconds(5)), true, 60, false, TestApi.CLOCK);
    connection = Sql.connect("insights", schema);
  }

  /** A session document: its id, the start time and the given further fields. */
  static String doc(String id, String fields) {
    return "{\"id\":\"" + id + "\"," + START + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  /** A search answer with these hits and their number as the total. */
  static String hits(String... docs) {
    return "{\"total\":" + docs.length + ",\"hits\":[" + String.join(",", docs) + "]}";
  }

  /** Endpoint {@code path} (any query) answers 200 with this body. */
  void answer(String path, String body) {
    answer(path, json(body));
  }

  void answer(String path, ResponseDefinitionBuilder response) {
    api.stubFor(get(urlPathEqualTo(path)).willReturn(response));
  }

  /** The search page {@code number} (of any size) answers 200 with this body. */
  void answerPage(int number, String body) {
    answerPage(number, json(body));
  }

  void answerPage(int number, ResponseDefinitionBuilder response) {
    api.stubFor(get(urlPathEqualTo(SEARCH))
        .withQueryParam("page_number", equalTo(Integer.toString(number))).willReturn(response));
  }

  /** Searches with this {@code page_size} answer 200 with this body. */
  void answerPageSize(int size, String body) {
    api.stubFor(get(urlPathEqualTo(SEARCH))
        .withQueryParam("page_size", equalTo(Integer.toString(size))).willReturn(json(body)));
  }

  /** The server, for stubs and checks the helpers here do not make. */
  WireMockServer server() {
    return api;
  }

  /** How many requests the server received. */
  int requestCount() {
    return api.getAllServeEvents().size();
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  List<String> rows(String sql) throws SQLException {
    return Sql.rows(connection, sql);
  }

  /**
   * The ApiException a query fails with; an AssertionError when it does not fail so. Calcite wraps
   * an error of its first rows in an SQLException; an error while paging further leaves
   * {@code ResultSet.next()} as it is (the driver, not the adapter, makes it an SQLException).
   */
  ApiException failure(String sql) {
    try {
      List<String> rows = Sql.rows(connection, sql);
      throw new AssertionError("the query did not fail but returned " + rows + ": " + sql);
    } catch (SQLException | ApiException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ApiException) {
          return (ApiException) t;
        }
      }
      throw new AssertionError("no ApiException in " + e, e);
    }
  }

  /** Asserts the whole message of a data error and its SQLState. */
  static void assertBad(ApiException e, String summary, String path, String detail) {
    assertThat(e).hasMessage("Insights API: " + summary + " (GET " + path + ", HTTP 200): " + detail
        + HINT);
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  /** A value of the wrong kind. */
  static void assertBadValue(ApiException e, String path, String detail) {
    assertBad(e, "the answer has a bad value", path, detail);
  }

  /** A required field that is missing or null. */
  static void assertLacks(ApiException e, String path, String detail) {
    assertBad(e, "the answer lacks a required field", path, detail);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    schema.close();
    api.stop();
  }
}
