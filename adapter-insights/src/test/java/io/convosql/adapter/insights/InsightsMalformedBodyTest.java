package io.convosql.adapter.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.convosql.adapter.insights.InsightsStub.BY_DAY;
import static io.convosql.adapter.insights.InsightsStub.BY_ID;
import static io.convosql.adapter.insights.InsightsStub.ON_THE_DAY;
import static io.convosql.adapter.insights.InsightsStub.SEARCH;
import static io.convosql.adapter.insights.InsightsStub.SINCE;
import static io.convosql.adapter.insights.InsightsStub.assertBadValue;
import static io.convosql.adapter.insights.InsightsStub.doc;
import static io.convosql.adapter.insights.InsightsStub.hits;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.convosql.core.http.ApiException;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies that are not JSON the driver can parse, on every Insights endpoint the adapter reads (the
 * search and both gets by id): cut short, an HTML page with status 200, a connection dropped
 * mid-body, huge strings and deep nesting. Each is an error naming the API and endpoint (SQLState
 * 22000 for the body itself), never a partial answer, a hang, a StackOverflowError or an
 * OutOfMemoryError (the tests run with -Xmx1g).
 */
class InsightsMalformedBodyTest {
  private static final String HTML =
      "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";
  private static final String LINES = "SELECT line_no, speaker, role, CHAR_LENGTH(text)"
      + " FROM insights.transcript_lines WHERE" + SINCE;
  private InsightsStub stub;

  @BeforeEach
  void start() throws SQLException {
    stub = new InsightsStub();
  }

  @AfterEach
  void stop() throws SQLException {
    stub.close();
  }

  /** Each endpoint the adapter reads, a query that reads it, and a well-formed answer of it. */
  static Stream<Arguments> endpoints() {
    String turns = "\"transcription\":[{\"user\":\"hi\"},{\"a1\":\"hello\"}]";
    return Stream.of(
        Arguments.of(SEARCH, "SELECT id, duration_ms FROM insights.sessions WHERE" + SINCE,
            hits(doc("s1", "\"channel_data\":{\"duration\":27000}"))),
        Arguments.of(SEARCH, "SELECT text FROM insights.transcript_lines WHERE" + SINCE,
            hits(doc("s1", turns))),
        Arguments.of(BY_DAY, "SELECT id FROM insights.sessions WHERE id = 's1' AND" + ON_THE_DAY,
            doc("s1", "")),
        Arguments.of(BY_ID, "SELECT id, document FROM insights.sessions WHERE id = 's1'",
            doc("s1", "")));
  }

  private static void assertUnparsable(ApiException e, String path) {
    assertThat(e).hasMessageStartingWith(
        "Insights API: the answer is not valid JSON (GET " + path + ", HTTP 200)");
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("endpoints")
  void aBodyCutShortIsNotValidJson(String path, String sql, String body) {
    stub.answer(path, body.substring(0, body.length() * 2 / 3));
    assertUnparsable(stub.failure(sql), path);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("endpoints")
  void anHtmlPageWithStatus200IsNotValidJson(String path, String sql, String body) {
    stub.answer(path, HTML);
    assertUnparsable(stub.failure(sql), path);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("endpoints")
  void theWellFormedAnswersRead(String path, String sql, String body) throws SQLException {
    stub.answer(path, body);
    assertThat(stub.rows(sql)).isNotEmpty();
  }

  /** Page 0: two of three sessions, so the next page is asked at size 2. */
  private void firstOfTwoPages() {
    stub.answerPage(0, "{\"total\":3,\"hits\":[" + doc("s1", "") + "," + doc("s2", "") + "]}");
  }

  @Test
  void aSecondPageCutShortFailsTheQueryRatherThanEndTheSearch() throws SQLException {
    firstOfTwoPages();
    String second = "{\"total\":3,\"hits\":[" + doc("s3", "") + "]}";
    stub.answerPage(1, second);
    String sql = "SELECT id FROM insights.sessions WHERE" + SINCE;
    assertThat(stub.rows(sql)).containsExactlyInAnyOrder("s1", "s2", "s3");
    stub.answerPage(1, second.substring(0, 30));
    assertUnparsable(stub.failure(sql), SEARCH);
    stub.answerPage(1, HTML);
    assertUnparsable(stub.failure(sql), SEARCH);
  }

  @Test
  void aConnectionDroppedMidBodyFailsTheQueryWithoutAHang() {
    firstOfTwoPages();
    stub.answerPage(1, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    long started = System.nanoTime();
    ApiException e = stub.failure("SELECT id FROM insights.sessions WHERE" + SINCE);
    assertThat(e).hasMessageContaining("(GET /insights/sessions)").hasMessageContaining("Hint:");
    assertThat(e.status()).isZero();
    assertThat(e.sqlState()).startsWith("08");
    assertThat(System.nanoTime() - started).isLessThan(4_000_000_000L); // under the 5 s timeout
  }

  private static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  @Test
  void hugeTranscriptTurnsAreReturnedIntact() throws SQLException {
    String turns = "\"transcription\":[{\"user\":\"" + repeat('u', 8_000_000) + "\"},{\"a1\":\""
        + repeat('a', 3_000_000) + "\"}]";
    stub.answer(SEARCH, hits(doc("s1", turns)));
    assertThat(stub.rows(LINES)).containsExactly("1; user; user; 8000000", "2; a1; agent; 3000000");
  }

  @Test
  void aHugeDocumentIsReturnedIntact() throws SQLException {
    String doc = doc("s1", "\"channel_data\":{\"audio_url\":\"" + repeat('x', 9_000_000) + "\"}");
    stub.answer(BY_ID, doc);
    assertThat(stub.rows("SELECT CHAR_LENGTH(document), CHAR_LENGTH(audio_url)"
        + " FROM insights.sessions WHERE id = 's1'")).containsExactly(doc.length() + "; 9000000");
  }

  @Test
  void aStringOverTheReadersLimitIsAClearError() {
    stub.answer(SEARCH, hits(doc("s1", "\"status\":\"" + repeat('x', 21_000_000) + "\"")));
    ApiException e = stub.failure("SELECT status FROM insights.sessions WHERE" + SINCE);
    assertThat(e).hasMessageContaining("(GET /insights/sessions, HTTP 200)")
        .hasMessageContaining("String value length (")
        .hasMessageContaining(") exceeds the maximum allowed (20000000");
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  @Test
  void aHugeStringWhereATimeBelongsIsShownAbbreviated() {
    String time = repeat('9', 6_000_000);
    stub.answer(SEARCH, hits("{\"id\":\"s1\",\"session_start_time\":\"" + time + "\"}"));
    assertBadValue(stub.failure("SELECT id FROM insights.sessions WHERE" + SINCE), SEARCH,
        "field hits[0].session_start_time is \"" + repeat('9', 60) + "\"… (6000000 characters),"
            + " expected an ISO date and time like \"2020-10-08T17:09:27.758983\"");
  }

  private static String nested(int depth, String inside) {
    return repeat('[', depth) + inside + repeat(']', depth);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("endpoints")
  void deepNestingIsAClearErrorNotAStackOverflow(String path, String sql, String body) {
    stub.answer(path, "{\"total\":1,\"hits\":" + nested(100_000, "1") + "}");
    ApiException e = stub.failure(sql);
    assertThat(e).hasMessageStartingWith("Insights API: the answer is beyond the JSON parser's limits (GET "
        + path + ", HTTP 200)");
    assertThat(e.sqlState()).isEqualTo("22000");
    assertThat(e).hasMessageContaining("nesting depth (1001) exceeds the maximum allowed (1000");
  }

  @Test
  void nestingTheReaderAllowsIsJsonInAPayloadAndAnErrorWhereTextBelongs() throws SQLException {
    String deep = nested(900, "\"deep\"");
    String flowPath = "\"flow_path\":[{\"request\":{\"payload\":" + deep + "}}]";
    stub.answer(SEARCH, hits(doc("s1", flowPath)));
    assertThat(stub.rows("SELECT request_payload FROM insights.flow_path WHERE" + SINCE))
        .containsExactly(deep);
    stub.answer(SEARCH, hits(doc("s1", "\"agent_information\":{\"name\":" + deep + "}")));
    ApiException e = stub.failure("SELECT agent_name FROM insights.sessions WHERE" + SINCE);
    assertThat(e).hasMessageContaining("(GET /insights/sessions, HTTP 200): field"
        + " agent_information.name of session \"s1\" is a list [[[[").hasMessageEndingWith(
        "…, expected text" + InsightsStub.HINT);
  }
}
