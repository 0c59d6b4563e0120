package io.convosql.adapter.pathsim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

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
 * A PathSim schema on a WireMock server whose answers a test sets per endpoint, with well-formed
 * answers to start from and helpers that run SQL and return the rows or the {@link ApiException}.
 */
final class PathSimStub implements AutoCloseable {
  static final String WORKSPACE = "{\"id\":\"w1\",\"name\":\"W\",\"description\":\"d\","
      + "\"organizationId\":\"o1\",\"createdAt\":\"2025-01-01T00:00:00.000Z\",\"isActive\":true,"
      + "\"isDefault\":false}";
  static final String SESSION_FIELDS = "\"Time\":\"08/08/2025 18:00\",\"Test Type\":\"Voice\","
      + "\"Objective\":\"Achieved\",\"Connected\":\"Connected\",\"Virtual Customer\":\"VC\","
      + "\"Target\":\"+1831\",\"Source\":\"Campaign\",\"test_id\":\"call_1\"";
  static final String DETAIL_FIELDS = "\"duration\":\"4m 28s\",\"summary\":\"ok\","
      + "\"call_successful\":true,"
      + "\"far_end_latency_stats\":{\"average_ms\":180,\"min_ms\":120,\"max_ms\":320,"
      + "\"valid_measurements\":18},\"transcript\":\"user: hi\\nagent: hello\","
      + "\"steps\":[{\"step_number\":1,\"action\":\"navigate\",\"status\":\"completed\","
      + "\"timestamp\":1754585255365}]";

  final WireMockServer api;
  private final PathSimSchema schema;
  private final Connection connection;

  PathSimStub() throws SQLException {
    this(null);
  }

  /** @param timeFormat the schema's pathsim.timeFormat, or null for the default (auto) */
  PathSimStub(String timeFormat) throws SQLException {
    api = new WireMockServer(
        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    schema = new PathSimSchema(HttpUrl.get("http://127.0.0.1:" + api.port() + "/v1"),
        "test-key-4711",
        TestHttp.settings(Duration.ofSeconds(5)), true, timeFormat);
    connection = Sql.connect("pathsim", schema);
  }

  /** A session of the list (Test History fields) with the given id. */
  static String session(String id) {
    return "{\"_id\":\"" + id + "\"," + SESSION_FIELDS + "}";
  }

  /** {@code {"success":true,"data":<data>}}. */
  static String envelope(String data) {
    return "{\"success\":true,\"data\":" + data + "}";
  }

  /** A sessions page: the sessions and a pagination object. */
  static String page(String data, String pagination) {
    return "{\"success\":true,\"data\":" + data + ",\"pagination\":" + pagination + "}";
  }

  /** The one page of a list of {@code n} sessions. */
  static String onePage(String data, int n) {
    return page(data, "{\"total\":" + n + ",\"limit\":100,\"offset\":0,\"hasMore\":false}");
  }

  /** The session detail of {@code s1} with the given extra fields. */
  static String detail(String fields) {
    String more = fields.isEmpty() ? "" : "," + fields;
    return envelope("{\"_id\":\"s1\"," + SESSION_FIELDS + more + "}");
  }

  /** Endpoint {@code path} (below /v1, any query) answers 200 with this body. */
  void answer(String path, String body) {
    answer(path, json(body));
  }

  void answer(String path, ResponseDefinitionBuilder response) {
    api.stubFor(get(urlPathEqualTo("/v1" + path)).willReturn(response));
  }

  /** The sessions page of workspace w1 at {@code offset} answers 200 with this body. */
  void answerPage(int offset, String body) {
    answerPage(offset, json(body));
  }

  void answerPage(int offset, ResponseDefinitionBuilder response) {
    api.stubFor(get(urlPathEqualTo("/v1/workspaces/w1/sessions"))
        .withQueryParam("offset", equalTo(Integer.toString(offset))).willReturn(response));
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type",
        "application/json").withBody(body);
  }

  Connection connection() {
    return connection;
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

  @Override
  public void close() throws SQLException {
    connection.close();
    schema.close();
    api.stop();
  }
}
