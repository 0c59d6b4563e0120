package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimMalformedValuesTest.assertBad;
import static io.convosql.adapter.pathsim.PathSimStub.detail;
import static io.convosql.adapter.pathsim.PathSimStub.envelope;
import static io.convosql.adapter.pathsim.PathSimStub.onePage;
import static io.convosql.adapter.pathsim.PathSimStub.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.core.http.ApiException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Missing and null fields in PathSim answers: an optional field that is absent or null is NULL in
 * its column; a missing or null structure (the data, a list's element,
     an id) is an error naming it,
 * never a row of NULLs and never an exception without a message.
 */
class PathSimMalformedNullsTest {
  private static final String LACKS = "the answer lacks a required field";
  private static final String BAD = "the answer has a bad value";
  private static final String LIST = "SELECT id, test_id, workspace_id, started_at, test_type,"
      + " objective, connected, virtual_customer, target, source FROM pathsim.sessions"
      + " WHERE workspace_id = 'w1'";
  private static final String DETAIL_COLUMNS = "SELECT id, duration_seconds, summary,"
      + " call_successful, to_number, latency_avg_ms, latency_measurements, target_url,"
      + " recording_url, transcript FROM pathsim.sessions WHERE ";
  private static final String NULL_DETAIL = "s1" + "; null".repeat(9);
  private PathSimStub stub;

  @BeforeEach
  void start() throws SQLException {
    stub = new PathSimStub();
  }

  @AfterEach
  void stop() throws SQLException {
    stub.close();
  }

  @Test
  void absentOrNullWorkspacesDataIsAnError() {
    stub.answer("/workspaces", "{\"success\":true}");
    ApiException e = stub.failure("SELECT * FROM pathsim.workspaces");
    assertThat(e).hasMessageContaining("(GET /workspaces, HTTP 200)").hasMessageContaining("'data'"
        + " is missing");
    assertThat(e.sqlState()).isEqualTo("22000");
    stub.answer("/workspaces", "{\"success\":null,\"data\":null}");
    assertThat(stub.failure("SELECT * FROM pathsim.workspaces")).hasMessageContaining("(GET"
        + " /workspaces, HTTP 200)")
        .hasMessageContaining("'data' is not a list");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\":\"w1\"}", "{\"id\":\"w1\",\"name\":null,\"description\":null,"
      + "\"organizationId\":null,\"createdAt\":null,\"isActive\":null,\"isDefault\":null}",
      "{\"id\":\"w1\",\"createdAt\":\"\"}"})
  void aWorkspacesAbsentOrNullFieldsAreNull(String workspace) throws SQLException {
    stub.answer("/workspaces", envelope("[" + workspace + "]"));
    assertThat(stub.rows("SELECT * FROM pathsim.workspaces")).containsExactly("w1; null; null;"
        + " null; null; null; null");
  }

  @Test
  void aWorkspaceWithoutAnIdIsAnError() {
    stub.answer("/workspaces", envelope("[{\"id\":\"w1\"},{\"name\":\"W\"}]"));
    assertBad(stub.failure("SELECT name FROM pathsim.workspaces"), LACKS, "/workspaces",
        "field data[1].id is missing, expected the workspace id");
    stub.answer("/workspaces", envelope("[{\"id\":null}]"));
    assertBad(stub.failure("SELECT id FROM pathsim.sessions"), LACKS, "/workspaces",
        "field data[0].id is null, expected the workspace id");
    stub.answer("/workspaces", envelope("[{\"id\":\" \"}]"));
    assertBad(stub.failure("SELECT session_id FROM pathsim.steps"), BAD, "/workspaces",
        "field data[0].id is \" \", expected the workspace id");
  }

  @Test
  void aNullWorkspaceIsAnError() {
    stub.answer("/workspaces", envelope("[null]"));
    assertBad(stub.failure("SELECT * FROM pathsim.workspaces"), LACKS, "/workspaces",
        "field data[0] is null, expected a workspace object");
    assertBad(stub.failure("SELECT id FROM pathsim.sessions"), LACKS, "/workspaces",
        "field data[0] is null, expected a workspace object");
  }

  @Test
  void aSessionsAbsentOrNullListFieldsAreNull() throws SQLException {
    stub.answer("/workspaces/w1/sessions",
        onePage("[{\"_id\":\"s1\"},{\"_id\":\"s2\",\"Time\":null,"
        + "\"Test Type\":null,\"Objective\":null,\"Connected\":null,\"Virtual Customer\":null,"
        + "\"Target\":null,\"Source\":null,\"test_id\":null}]", 2));
    assertThat(stub.rows(LIST)).containsExactly("s1; null; w1; null; null; null; null; null; null;"
        + " null",
        "s2; null; w1; null; null; null; null; null; null; null");
  }

  @Test
  void aSessionWithoutAnIdIsAnError() {
    stub.answer("/workspaces/w1/sessions", onePage("[" + session("s1") + ",{\"Time\":\"08/08/2025"
        + " 18:00\"}]", 2));
    assertBad(stub.failure(LIST), LACKS, "/workspaces/w1/sessions",
        "field _id of a session in data is missing, expected the session id");
    stub.answer("/workspaces/w1/sessions", onePage("[{\"_id\":null}]", 1));
    assertBad(stub.failure(LIST), LACKS, "/workspaces/w1/sessions",
        "field _id of a session in data is null, expected the session id");
  }

  @Test
  void aNullSessionInTheListIsAnError() {
    stub.answer("/workspaces/w1/sessions", onePage("[" + session("s1") + ",null]", 2));
    assertBad(stub.failure(LIST), LACKS, "/workspaces/w1/sessions",
        "a session in data is null, expected a session object");
    stub.answer("/workspaces/w1/sessions", onePage("[\"s1\"]", 1));
    assertBad(stub.failure(LIST), BAD, "/workspaces/w1/sessions",
        "a session in data is \"s1\", expected a session object");
  }

  @Test
  void nullSessionsDataIsAnError() {
    stub.answer("/workspaces/w1/sessions", "{\"success\":true,\"data\":null,\"pagination\":null}");
    // SessionPages' own message until it calls SessionsPageShape.check, then the check's
    assertThat(stub.failure(LIST)).hasMessageContaining("(GET /workspaces/w1/sessions, HTTP 200)")
        .hasMessageMatching("(?s).*(field 'data' is not a list|field data is null, expected a list"
            + " of sessions).*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"_id\":\"s1\"}", "{\"_id\":\"s1\",\"duration\":null,\"summary\":null,"
      + "\"call_successful\":null,\"to_number\":null,\"far_end_latency_stats\":null,"
      + "\"target_url\":null,\"recording_url\":null,\"transcript\":null,\"steps\":null}",
      "{\"_id\":\"s1\",\"duration\":\"\",\"far_end_latency_stats\":{\"average_ms\":null}}"})
  void aDetailsAbsentOrNullFieldsAreNull(String data) throws SQLException {
    stub.answer("/sessions/s1", envelope(data));
    stub.answer("/workspaces/w1/sessions", onePage("[{\"_id\":\"s1\"}]", 1));
    assertThat(stub.rows(DETAIL_COLUMNS + "id = 's1'")).containsExactly(NULL_DETAIL);
    assertThat(stub.rows(DETAIL_COLUMNS + "workspace_id = 'w1'")).containsExactly(NULL_DETAIL);
    assertThat(stub.rows("SELECT * FROM pathsim.steps WHERE session_id = 's1'")).isEmpty();
    assertThat(stub.rows("SELECT * FROM pathsim.transcript_lines WHERE session_id ="
        + " 's1'")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      DETAIL_COLUMNS + "id = 's1'",
      DETAIL_COLUMNS + "workspace_id = 'w1'",
      "SELECT * FROM pathsim.steps WHERE session_id = 's1'",
      "SELECT * FROM pathsim.transcript_lines WHERE session_id = 's1'"})
  void nullDetailDataIsAnErrorNotARowOfNulls(String sql) {
    stub.answer("/workspaces/w1/sessions", onePage("[" + session("s1") + "]", 1));
    stub.answer("/sessions/s1", "{\"success\":true,\"data\":null}");
    assertBad(stub.failure(sql), LACKS, "/sessions/s1", "field data is null, expected the session"
        + " object");
    stub.answer("/sessions/s1", "{\"success\":true,\"data\":\"s1\"}");
    assertBad(stub.failure(sql), BAD, "/sessions/s1", "field data is \"s1\", expected the session"
        + " object");
  }

  @Test
  void absentDetailDataOrIdIsAnError() {
    stub.answer("/sessions/s1", "{\"success\":true}");
    assertThat(stub.failure(DETAIL_COLUMNS + "id = 's1'")).hasMessageContaining("(GET"
        + " /sessions/s1, HTTP 200)")
        .hasMessageContaining("'data' is missing");
    stub.answer("/sessions/s1", envelope("{\"summary\":\"ok\"}"));
    assertBad(stub.failure(DETAIL_COLUMNS + "id = 's1'"), LACKS, "/sessions/s1",
        "field data._id is missing, expected the session id");
  }

  @Test
  void aNullStepIsAnErrorAndAStepOfNullsIsARowOfNulls() throws SQLException {
    String sql = "SELECT session_id, step_number, action, target, \"value\", status, \"at\" FROM"
        + " pathsim.steps WHERE session_id = 's1'";
    stub.answer("/sessions/s1",
        detail("\"steps\":[{\"step_number\":null,\"action\":null,\"target\":null,"
        + "\"value\":null,\"status\":null,\"timestamp\":null},{}]"));
    assertThat(stub.rows(sql)).containsExactly("s1; null; null; null; null; null; null",
        "s1; null; null; null; null; null; null");
    stub.answer("/sessions/s1", detail("\"steps\":[{\"step_number\":1},null]"));
    assertBad(stub.failure(sql), LACKS, "/sessions/s1", "field data.steps[1] is null, expected a"
        + " step object");
  }

  @Test
  void recordingInformationWithoutFieldsIsNullsButNullDataIsAnError() throws SQLException {
    String sql = "SELECT session_id, file_type, download_url FROM pathsim.recordings WHERE"
        + " session_id = 's1'";
    stub.answer("/sessions/s1/recording", envelope("{}"));
    assertThat(stub.rows(sql)).containsExactly("s1; null; null");
    stub.answer("/sessions/s1/recording", envelope("{\"file_type\":null,\"download_url\":null}"));
    assertThat(stub.rows("SELECT session_id, file_type, content FROM pathsim.recordings WHERE"
        + " session_id = 's1'"))
        .containsExactly("s1; null; null");
    stub.answer("/sessions/s1/recording", envelope("null"));
    assertBad(stub.failure(sql), LACKS, "/sessions/s1/recording",
        "field data is null, expected the recording information");
  }
}
