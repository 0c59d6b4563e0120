package io.convosql.adapter.pathsim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.convosql.adapter.pathsim.PathSimStub.DETAIL_FIELDS;
import static io.convosql.adapter.pathsim.PathSimStub.WORKSPACE;
import static io.convosql.adapter.pathsim.PathSimStub.detail;
import static io.convosql.adapter.pathsim.PathSimStub.envelope;
import static io.convosql.adapter.pathsim.PathSimStub.onePage;
import static io.convosql.adapter.pathsim.PathSimStub.page;
import static io.convosql.adapter.pathsim.PathSimStub.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.convosql.core.http.ApiException;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies that are not JSON the driver can parse, on every PathSim endpoint the adapter reads: cut
 * short, an HTML page with status 200, a connection dropped mid-body,
     huge strings and deep nesting.
 * Each is an error naming the API and endpoint (SQLState 22000 for the body itself),
     never a partial
 * answer, a hang, a StackOverflowError or an OutOfMemoryError (the tests run with -Xmx1g).
 */
class PathSimMalformedBodyTest {
  private static final String HTML =
      "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";
  private PathSimStub stub;

  @BeforeEach
  void start() throws SQLException {
    stub = new PathSimStub();
  }

  @AfterEach
  void stop() throws SQLException {
    stub.close();
  }

  /** Each endpoint the adapter reads, a query that reads it, and a well-formed answer of it. */
  static Stream<Arguments> endpoints() {
    String recording = "{\"file_type\":\"audio/wav\",\"download_url\":\"http://127.0.0.1:1/x\"}";
    return Stream.of(
        Arguments.of("/workspaces", "SELECT name FROM pathsim.workspaces",
            envelope("[" + WORKSPACE + "]")),
        Arguments.of("/workspaces/w1/sessions",
            "SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1'",
            onePage("[" + session("s1") + "]", 1)),
        Arguments.of("/sessions/s1", "SELECT summary FROM pathsim.sessions WHERE id = 's1'",
            detail(DETAIL_FIELDS)),
        Arguments.of("/sessions/s1",
            "SELECT text FROM pathsim.transcript_lines WHERE session_id = 's1'",
            detail(DETAIL_FIELDS)),
        Arguments.of("/sessions/s1/recording",
            "SELECT file_type FROM pathsim.recordings WHERE session_id = 's1'",
            envelope(recording)));
  }

  private static void assertUnparsable(ApiException e, String path) {
    assertThat(e).hasMessageStartingWith(
        "PathSim API: the answer is not valid JSON (GET " + path + ", HTTP 200)");
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

  /** Page 1 of w1's sessions: two sessions, and a third on the page at offset 2. */
  private void firstOfTwoPages() {
    stub.answerPage(0, page("[" + session("s1") + "," + session("s2") + "]",
        "{\"total\":3,\"limit\":2,\"offset\":0,\"hasMore\":true}"));
  }

  @Test
  void aSecondPageCutShortFailsTheQueryRatherThanEndTheListing() throws SQLException {
    firstOfTwoPages();
    String second = page("[" + session("s3") + "]",
        "{\"total\":3,\"limit\":2,\"offset\":2,\"hasMore\":false}");
    stub.answerPage(2, second);
    String sql = "SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1'";
    assertThat(stub.rows(sql)).containsExactly("s1", "s2", "s3");
    stub.answerPage(2, second.substring(0, 40));
    assertUnparsable(stub.failure(sql), "/workspaces/w1/sessions");
    stub.answerPage(2, HTML);
    assertUnparsable(stub.failure(sql), "/workspaces/w1/sessions");
  }

  @Test
  void aConnectionDroppedMidBodyFailsTheQueryWithoutAHang() {
    firstOfTwoPages();
    stub.answerPage(2, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    long started = System.nanoTime();
    ApiException e = stub.failure("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1'");
    assertThat(e).hasMessageContaining("(GET /workspaces/w1/sessions)")
        .hasMessageContaining("Hint:");
    assertThat(e.status()).isZero();
    assertThat(e.sqlState()).startsWith("08");
    assertThat(System.nanoTime() - started).isLessThan(4_000_000_000L); // under the 5 s timeout
  }

  private static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  @Test
  void aHugeTranscriptIsReturnedIntact() throws SQLException {
    String line = "user: " + repeat('a', 8_000_000);
    String transcript = line + "\\nagent: " + repeat('b', 3_000_000);
    stub.answer("/sessions/s1", detail("\"transcript\":\"" + transcript + "\""));
    assertThat(stub.rows("SELECT CHAR_LENGTH(transcript), SUBSTRING(transcript FROM 8000005 FOR 10)"
        + " FROM pathsim.sessions WHERE id = 's1'"))
        .containsExactly((line.length() + 1 + 7 + 3_000_000) + "; aa\nagent: ");
    assertThat(stub.rows("SELECT line_no, speaker, CHAR_LENGTH(text) FROM pathsim.transcript_lines"
        + " WHERE session_id = 's1'")).containsExactly("1; user; 8000000", "2; agent; 3000000");
  }

  @Test
  void aHugeNameInTheWorkspacesListIsReturnedIntact() throws SQLException {
    String name = repeat('n', 6_000_000);
    stub.answer("/workspaces", envelope("[{\"id\":\"w1\",\"name\":\"" + name + "\"}]"));
    assertThat(stub.rows("SELECT id, CHAR_LENGTH(name) FROM pathsim.workspaces"))
        .containsExactly("w1; 6000000");
  }

  @Test
  void aStringOverTheReadersLimitIsAClearError() {
    stub.answer("/sessions/s1", detail("\"summary\":\"" + repeat('x', 21_000_000) + "\""));
    ApiException e = stub.failure("SELECT summary FROM pathsim.sessions WHERE id = 's1'");
    assertThat(e).hasMessageContaining("(GET /sessions/s1, HTTP 200)")
        .hasMessageContaining("String value length (")
        .hasMessageContaining(") exceeds the maximum allowed (20000000");
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  @Test
  void aHugeStringWhereATimeBelongsIsShownAbbreviated() {
    String time = repeat('9', 6_000_000);
    stub.answer("/workspaces/w1/sessions",
        onePage("[{\"_id\":\"s1\",\"Time\":\"" + time + "\"}]", 1));
    ApiException e = stub.failure("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1'");
    assertThat(e).hasMessage("PathSim API: the answer has a bad value"
        + " (GET /workspaces/w1/sessions, HTTP 200): field Time of session \"s1\" in data is"
        + " \"" + repeat('9', 60) + "\"… (6000000 characters), expected a time like"
        + " \"08/08/2025 18:00\"" + PathSimMalformedValuesTest.HINT);
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  private static String nested(int depth, String inside) {
    return repeat('[', depth) + inside + repeat(']', depth);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("endpoints")
  void deepNestingIsAClearErrorNotAStackOverflow(String path, String sql, String body) {
    UnaryOperator<String> deep =
        data -> "{\"success\":true,\"data\":" + nested(100_000, data) + "}";
    stub.answer(path, deep.apply("1"));
    ApiException e = stub.failure(sql);
    assertThat(e).hasMessageStartingWith("PathSim API: the answer is beyond the JSON parser's limits (GET "
        + path + ", HTTP 200)");
    assertThat(e.sqlState()).isEqualTo("22000");
    assertThat(e).hasMessageContaining("nesting depth (1001) exceeds the maximum allowed (1000");
  }

  @Test
  void nestingTheReaderAllowsInATextFieldIsABadValue() {
    stub.answer("/sessions/s1", detail("\"summary\":" + nested(900, "\"deep\"")));
    ApiException e = stub.failure("SELECT summary FROM pathsim.sessions WHERE id = 's1'");
    assertThat(e)
        .hasMessageContaining("(GET /sessions/s1, HTTP 200): field data.summary is a list [[[[")
        .hasMessageContaining(", expected text.");
  }
}
