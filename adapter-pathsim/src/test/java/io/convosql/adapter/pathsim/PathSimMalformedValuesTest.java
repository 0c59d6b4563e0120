package io.convosql.adapter.pathsim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.convosql.adapter.pathsim.PathSimStub.WORKSPACE;
import static io.convosql.adapter.pathsim.PathSimStub.detail;
import static io.convosql.adapter.pathsim.PathSimStub.envelope;
import static io.convosql.adapter.pathsim.PathSimStub.onePage;
import static io.convosql.adapter.pathsim.PathSimStub.page;
import static io.convosql.adapter.pathsim.PathSimStub.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.core.http.ApiException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values of the wrong kind in PathSim answers (a number where a time belongs, an object where text
 * or a list belongs, text where a boolean or number belongs): each is an error naming the endpoint
 * and the field, with SQLState 22000, never a wrong value. Readings the document justifies (a
 * boolean or number as text, an ISO time) still read.
 */
class PathSimMalformedValuesTest {
  static final String HINT = ". Hint: the API sent an answer the driver cannot read, so the query"
      + " stops rather than return a wrong value; report it with the endpoint and field";
  private static final String LIST = "SELECT id, test_id, workspace_id, started_at, test_type,"
      + " objective, connected, virtual_customer, target, source FROM pathsim.sessions"
      + " WHERE workspace_id = 'w1'";
  private static final String DETAIL = "SELECT id, duration_seconds, summary, call_successful,"
      + " latency_avg_ms, latency_max_ms, transcript FROM pathsim.sessions WHERE id = 's1'";
  private PathSimStub stub;

  @BeforeEach
  void start() throws SQLException {
    stub = new PathSimStub();
  }

  @AfterEach
  void stop() throws SQLException {
    stub.close();
  }

  /** Asserts the whole message of a data error and its SQLState. */
  static void assertBad(ApiException e, String summary, String path, String detail) {
    assertThat(e).hasMessage("PathSim API: " + summary + " (GET " + path + ", HTTP 200):"
        + " " + detail + HINT);
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  static void assertBadValue(ApiException e, String path, String detail) {
    assertBad(e, "the answer has a bad value", path, detail);
  }

  @Test
  void workspacesDataThatIsNotAListIsAnError() {
    stub.answer("/workspaces", envelope("{}"));
    ApiException e = stub.failure("SELECT name FROM pathsim.workspaces");
    assertThat(e).hasMessageContaining("(GET /workspaces, HTTP 200)").hasMessageContaining("'data'"
        + " is not a list");
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\"id\":\"w2\",\"isActive\":\"yes\" | field data[1].isActive is \"yes\", expected true or"
          + " false",
      "\"id\":\"w2\",\"isDefault\":1        | field data[1].isDefault is 1, expected true or false",
      "\"id\":\"w2\",\"createdAt\":12345 | field data[1].createdAt is 12345, expected a time like"
          + " \"2025-01-01T00:00:00.000Z\"",
      "\"id\":\"w2\",\"createdAt\":\"soon\" | field data[1].createdAt is \"soon\", expected a time"
          + " like \"2025-01-01T00:00:00.000Z\"",
      "\"id\":\"w2\",\"name\":{\"first\":1} | field data[1].name is an object {\"first\":1},"
          + " expected text",
      "\"id\":[\"w2\"]                      | field data[1].id is a list [\"w2\"], expected text"})
  void aWorkspaceFieldOfTheWrongKindIsAnError(String fields, String detail) {
    stub.answer("/workspaces", envelope("[" + WORKSPACE + ",{" + fields + "}]"));
    assertBadValue(stub.failure("SELECT * FROM pathsim.workspaces"), "/workspaces", detail);
  }

  @Test
  void readingsTheDocumentJustifiesStillRead() throws SQLException {
    stub.answer("/workspaces",
        envelope("[{\"id\":7,\"name\":18316561725,\"createdAt\":\"2025-01-01T01:02:03Z\","
        + "\"isActive\":\"true\",\"isDefault\":\"FALSE\"}]"));
    assertThat(stub.rows("SELECT * FROM pathsim.workspaces"))
        .containsExactly("7; 18316561725; null; null; 2025-01-01 01:02:03.000; true; false");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\"_id\":\"s2\",\"Time\":12345 | field Time of session \"s2\" in data is 12345, expected a"
          + " time like \"08/08/2025 18:00\"",
      "\"_id\":\"s2\",\"Time\":\"yesterday\" | field Time of session \"s2\" in data is"
          + " \"yesterday\", expected a time like \"08/08/2025 18:00\"",
      "\"_id\":\"s2\",\"Test Type\":{\"v\":1} | field Test Type of session \"s2\" in data is an"
          + " object {\"v\":1}, expected text",
      "\"_id\":\"s2\",\"Target\":[\"+1\",\"+2\"] | field Target of session \"s2\" in data is a list"
          + " [\"+1\",\"+2\"], expected text",
      "\"_id\":{\"$oid\":\"s2\"} | field _id of a session in data is an object {\"$oid\":\"s2\"},"
          + " expected text"})
  void aSessionFieldOfTheWrongKindFailsTheListing(String fields, String detail) {
    stub.answer("/workspaces/w1/sessions", onePage("[" + session("s1") + ",{" + fields + "}]", 2));
    assertBadValue(stub.failure(LIST), "/workspaces/w1/sessions", detail);
  }

  @Test
  void eachValueStaysInItsColumn() throws SQLException {
    stub.answer("/workspaces/w1/sessions",
        onePage("[{\"_id\":\"s1\",\"Time\":\"2025-08-08T18:00:00Z\",\"Test Type\":\"Voice\","
            + "\"Connected\":\"Failed\",\"Target\":18316561725,\"Source\":null}]", 1));
    assertThat(stub.rows(LIST))
        .containsExactly("s1; null; w1; 2025-08-08 18:00:00.000; Voice; null; Failed; null;"
            + " 18316561725; null");
  }

  @Test
  void sessionsDataThatIsNotAListIsAnError() {
    stub.answer("/workspaces/w1/sessions", page("{}",
        "{\"total\":0,\"limit\":100,\"offset\":0,\"hasMore\":false}"));
    ApiException e = stub.failure(LIST);
    // SessionPages' own message until it calls SessionsPageShape.check, then the check's
    assertThat(e).hasMessageContaining("(GET /workspaces/w1/sessions, HTTP 200)")
        .hasMessageMatching("(?s).*(field 'data' is not a list|field data is an object \\{},"
            + " expected a list of sessions).*");
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"total\":3,\"limit\":2,\"offset\":0,\"hasMore\":\"yes\"} | field pagination.hasMore is"
          + " \"yes\", expected true or false",
      "{\"total\":\"abc\",\"limit\":2,\"offset\":0} | field pagination.total is \"abc\","
          + " expected a whole number of at least 0",
      "{\"total\":3,\"limit\":\"two\",\"hasMore\":true} | field pagination.limit is \"two\","
          + " expected a whole number of at least 0",
      "{\"total\":3,\"limit\":2,\"hasMore\":null} | field pagination.hasMore is null,"
          + " expected true or false",
      "[]                                                        | field pagination is a list [],"
          + " expected an object with total, limit, offset and hasMore"})
  void paginationOfTheWrongKindIsAnErrorNotTheLastPage(String pagination, String detail) {
    stub.answerPage(0, page("[" + session("s1") + "," + session("s2") + "]", pagination));
    stub.answerPage(2, onePage("[" + session("s3") + "]", 3));
    ApiException e = stub.failure(LIST);
    assertThat(e).hasMessageContaining("(GET /workspaces/w1/sessions, HTTP 200): " + detail);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\"duration\":268 | field data.duration is 268, expected a duration like \"4m 28s\"",
      "\"duration\":\"99999999999999999999s\" | field data.duration is \"99999999999999999999s\","
          + " expected a duration like \"4m 28s\"",
      "\"call_successful\":\"yes\" | field data.call_successful is \"yes\", expected true or false",
      "\"summary\":{\"text\":\"ok\"} | field data.summary is an object {\"text\":\"ok\"}, expected"
          + " text",
      "\"transcript\":[\"user: hi\"] | field data.transcript is a list [\"user: hi\"], expected"
          + " text",
      "\"far_end_latency_stats\":\"fast\" | field data.far_end_latency_stats is \"fast\", expected"
          + " an object with average_ms, min_ms, max_ms and valid_measurements",
      "\"far_end_latency_stats\":{\"average_ms\":\"abc\"} | field"
          + " data.far_end_latency_stats.average_ms is \"abc\", expected a whole number",
      "\"far_end_latency_stats\":{\"max_ms\":180.5} | field data.far_end_latency_stats.max_ms is"
          + " 180.5, expected a whole number",
      "\"far_end_latency_stats\":{\"max_ms\":99999999999} | field"
          + " data.far_end_latency_stats.max_ms is 99999999999, expected a whole number"})
  void aDetailFieldOfTheWrongKindIsAnError(String fields, String detail) {
    stub.answer("/sessions/s1", detail(fields));
    assertBadValue(stub.failure(DETAIL), "/sessions/s1", detail);
  }

  @Test
  void theDetailOfAnotherSessionIsNeverMergedIntoARow() {
    stub.answer("/workspaces/w1/sessions", onePage("[" + session("s1") + "]", 1));
    stub.answer("/sessions/s1", envelope("{\"_id\":\"s2\",\"summary\":\"not s1's\"}"));
    assertBadValue(stub.failure("SELECT id, summary FROM pathsim.sessions WHERE workspace_id ="
        + " 'w1'"),
        "/sessions/s1", "field data._id is \"s2\", expected \"s1\", the session asked for");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{} | field data.steps is an object {}, expected a list of steps",
      "[\"navigate\"] | field data.steps[0] is \"navigate\", expected a step object",
      "[{\"step_number\":1},{\"timestamp\":\"yesterday\"}] | field data.steps[1].timestamp is"
          + " \"yesterday\", expected epoch milliseconds like 1754585255365",
      "[{\"step_number\":\"one\"}] | field data.steps[0].step_number is \"one\", expected a whole"
          + " number",
      "[{\"action\":{\"type\":\"click\"}}] | field data.steps[0].action is an object"
          + " {\"type\":\"click\"}, expected text"})
  void aStepOfTheWrongKindIsAnError(String steps, String detail) {
    stub.answer("/sessions/s1", detail("\"steps\":" + steps));
    assertBadValue(stub.failure("SELECT step_number, action, status, \"at\" FROM pathsim.steps"
        + " WHERE session_id = 's1'"), "/sessions/s1", detail);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[] | field data is a list [], expected the recording information",
      "{\"file_type\":[\"audio/wav\"]} | field data.file_type is a list [\"audio/wav\"], expected"
          + " text",
      "{\"download_url\":{\"href\":\"x\"}} | field data.download_url is an object {\"href\":\"x\"},"
          + " expected text"})
  void recordingInformationOfTheWrongKindIsAnError(String data, String detail) {
    stub.answer("/sessions/s1/recording", envelope(data));
    assertBadValue(stub.failure("SELECT session_id, file_type, download_url FROM pathsim.recordings"
        + " WHERE session_id = 's1'"), "/sessions/s1/recording", detail);
  }

  @Test
  void aDownloadUrlThatIsNoUrlIsAnErrorWhenTheContentIsSelected() throws SQLException {
    stub.answer("/sessions/s1/recording",
        envelope("{\"file_type\":\"audio/wav\",\"download_url\":\"not a url\"}"));
    String sql = "SELECT session_id, file_type, download_url FROM pathsim.recordings WHERE"
        + " session_id = 's1'";
    assertThat(stub.rows(sql)).containsExactly("s1; audio/wav; not a url");
    assertBadValue(stub.failure("SELECT content FROM pathsim.recordings WHERE session_id = 's1'"),
        "/sessions/s1/recording", "field data.download_url is \"not a url\", expected an http(s)"
            + " URL");
  }

  @Test
  void aWorkspaceThatVanishesAfterItsFirstPageFailsTheScanRatherThanEndIt() {
    stub.answerPage(0, page("[" + session("s1") + "," + session("s2") + "]",
        "{\"total\":3,\"limit\":2,\"offset\":0,\"hasMore\":true}"));
    stub.answerPage(2, aResponse().withStatus(404).withBody("{\"error\":\"Workspace not found\"}"));
    ApiException e = stub.failure(LIST);
    assertThat(e).hasMessageStartingWith("PathSim API: the workspace's sessions vanished after 1 pages"
        + " were read (GET /workspaces/w1/sessions, HTTP 404)");
    assertThat(e.sqlState()).isEqualTo("08006");
  }
}
