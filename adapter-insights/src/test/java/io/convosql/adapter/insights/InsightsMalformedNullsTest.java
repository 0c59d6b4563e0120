package io.convosql.adapter.insights;

import static io.convosql.adapter.insights.InsightsStub.BY_DAY;
import static io.convosql.adapter.insights.InsightsStub.BY_ID;
import static io.convosql.adapter.insights.InsightsStub.ON_THE_DAY;
import static io.convosql.adapter.insights.InsightsStub.SEARCH;
import static io.convosql.adapter.insights.InsightsStub.SINCE;
import static io.convosql.adapter.insights.InsightsStub.assertBadValue;
import static io.convosql.adapter.insights.InsightsStub.assertLacks;
import static io.convosql.adapter.insights.InsightsStub.doc;
import static io.convosql.adapter.insights.InsightsStub.hits;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Missing and null fields in Insights answers: a session field that is absent or null is NULL in
 * its column and an absent or null list has no rows; missing or null structure (the hits, a hit,
 * a session's id or start time, a list's element) is an error naming it, never a row of NULLs, a
 * silently dropped session or an exception without a message.
 */
class InsightsMalformedNullsTest {
  private static final String SESSIONS = "SELECT id, session_start_time, status, channel, source,"
      + " destination, account_id, \"language\", agent_id, agent_name, agent_version_id,"
      + " agent_voice, agent_language, call_status, duration_ms, status_code, audio_url"
      + " FROM insights.sessions WHERE";
  private static final String NULL_ROW = "s1; 2025-08-10 10:00:00.000" + "; null".repeat(15);
  private InsightsStub stub;

  @BeforeEach
  void start() throws SQLException {
    stub = new InsightsStub();
  }

  @AfterEach
  void stop() throws SQLException {
    stub.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{} | field hits is missing, expected a list of session documents",
      "{\"total\":null,\"hits\":null} | field hits is null, expected a list of session documents",
      "{\"total\":3,\"hits\":[null]} | field hits[0] is null, expected a session document",
      "{\"hits\":[{\"session_start_time\":\"2025-08-10\"}]} | field hits[0].id is missing, expected"
          + " the session id",
      "{\"hits\":[{\"id\":null,\"session_start_time\":\"2025-08-10\"}]} | field hits[0].id is null,"
          + " expected the session id",
      "{\"hits\":[{\"id\":\"s1\"}]} | field hits[0].session_start_time is missing, expected an ISO"
          + " date and time like \"2020-10-08T17:09:27.758983\"",
      "{\"hits\":[{\"_source\":{\"id\":\"s1\",\"session_start_time\":null}}]} | field"
          + " hits[0]._source.session_start_time is null, expected an ISO date and time like"
          + " \"2020-10-08T17:09:27.758983\"",
      "{\"total\":{\"relation\":\"eq\"},\"hits\":[]} | field total.value is missing, expected a"
          + " whole number of at least 0"})
  void missingOrNullStructureInASearchIsAnError(String body, String detail) {
    stub.answer(SEARCH, body);
    assertLacks(stub.failure(SESSIONS + SINCE), SEARCH, detail);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\"status\":null,\"channel\":null,\"source\":null,"
      + "\"destination\":null,\"account_id\":null,\"language\":null,\"agent_information\":null,"
      + "\"channel_data\":null,\"tags_list\":null,\"flow_path\":null,\"transcription\":null,"
      + "\"params_list\":null",
      "\"agent_information\":{\"id\":null,\"name\":null,\"version_id\":null,\"voice\":null,"
      + "\"language\":null},\"channel_data\":{\"duration\":null,\"status_code\":null,"
      + "\"call_status\":null,\"audio_url\":null}"})
  void absentOrNullFieldsAreNullAndAbsentListsHaveNoRows(String fields) throws SQLException {
    stub.answer(SEARCH, "{\"total\":null,\"hits\":[" + doc("s1", fields) + "]}");
    assertThat(stub.rows(SESSIONS + SINCE)).containsExactly(NULL_ROW);
    for (String table : new String[] {"tags", "flow_path", "transcript_lines", "parameters"}) {
      assertThat(stub.rows("SELECT * FROM insights." + table + " WHERE" + SINCE)).isEmpty();
    }
  }

  @Test
  void elementsOfNullsAreRowsOfNulls() throws SQLException {
    stub.answer(SEARCH, hits(doc("s1", "\"tags_list\":[{\"tag\":null,\"category\":null,"
        + "\"count\":null},{}],\"transcription\":[{\"user\":null},{}],"
        + "\"params_list\":[{\"name\":null,\"type\":null,\"entity\":null,\"value\":null}]")));
    assertThat(stub.rows("SELECT session_id, category, tag, tag_count FROM insights.tags WHERE"
        + SINCE)).containsExactly("s1; null; null; null", "s1; null; null; null");
    assertThat(stub.rows("SELECT line_no, speaker, role, text FROM insights.transcript_lines"
        + " WHERE" + SINCE)).containsExactly("1; user; user; null");
    assertThat(stub.rows("SELECT name, type, \"value\", completed FROM insights.parameters WHERE"
        + SINCE)).containsExactly("null; null; null; null");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "tags | \"tags_list\":[{\"tag\":\"a\"},null] | field tags_list[1] of session \"s1\" is null,"
          + " expected an object",
      "flow_path | \"flow_path\":[null] | field flow_path[0] of session \"s1\" is null, expected an"
          + " object",
      "transcript_lines | \"transcription\":[null] | field transcription[0] of session \"s1\" is"
          + " null, expected an object",
      "parameters | \"params_list\":[null] | field params_list[0] of session \"s1\" is null,"
          + " expected an object"})
  void aNullElementOfAListIsAnError(String table, String fields, String detail) {
    stub.answer(SEARCH, hits(doc("s1", fields)));
    assertLacks(stub.failure("SELECT * FROM insights." + table + " WHERE" + SINCE), SEARCH, detail);
  }

  @Test
  void aGetByIdAnswersNullOrEmptyIsAnErrorNotNoSession() {
    String byId = "SELECT id, status FROM insights.sessions WHERE id = 's1'";
    stub.answer(BY_ID, "null");
    assertLacks(stub.failure(byId), BY_ID, "the answer is null, expected a session document");
    stub.answer(BY_ID, "{}");
    assertLacks(stub.failure(byId), BY_ID, "field id is missing, expected the session id");
    stub.answer(BY_ID, "{\"hits\":null}");
    assertLacks(stub.failure(byId), BY_ID, "field hits is null, expected a list of session"
        + " documents");
    stub.answer(BY_DAY, "{\"id\":\"s1\",\"session_start_time\":null}");
    assertLacks(stub.failure(byId + " AND" + ON_THE_DAY), BY_DAY, "field session_start_time is"
        + " null, expected an ISO date and time like \"2020-10-08T17:09:27.758983\"");
    stub.answer(BY_DAY, "[{\"id\":\"s1\",\"session_start_time\":\"2025-08-10T10:00:00\"},7]");
    assertBadValue(stub.failure(byId + " AND" + ON_THE_DAY), BY_DAY,
        "field [1] is 7, expected a session document");
  }

  @Test
  void anExplicitlyEmptyGetByIdIsNoSession() throws SQLException {
    stub.answer(BY_ID, "{\"total\":0,\"hits\":[]}");
    assertThat(stub.rows("SELECT id FROM insights.sessions WHERE id = 's1'")).isEmpty();
    stub.answer(BY_ID, "[]");
    assertThat(stub.rows("SELECT id FROM insights.sessions WHERE id = 's1'")).isEmpty();
  }
}
