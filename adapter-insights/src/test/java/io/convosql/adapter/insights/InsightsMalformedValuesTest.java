package io.convosql.adapter.insights;

import static io.convosql.adapter.insights.InsightsStub.BY_ID;
import static io.convosql.adapter.insights.InsightsStub.SEARCH;
import static io.convosql.adapter.insights.InsightsStub.SINCE;
import static io.convosql.adapter.insights.InsightsStub.assertBadValue;
import static io.convosql.adapter.insights.InsightsStub.doc;
import static io.convosql.adapter.insights.InsightsStub.hits;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values of the wrong kind in Insights answers: in the search envelope (hits, total), in a hit, in
 * a session document's fields and in its lists. Each is an error naming the endpoint and the field
 * (and the session), with SQLState 22000, never a wrong value; the readings the document justifies
 * (numbers as text, an agent's number as a JSON number, ElasticSearch's envelope) still read.
 */
class InsightsMalformedValuesTest {
  private static final String SESSIONS = "SELECT id, session_start_time, status, destination,"
      + " agent_name, duration_ms, status_code, call_status FROM insights.sessions WHERE" + SINCE;
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
      "{\"total\":1,\"hits\":{}} | field hits is an object {}, expected a list of session"
          + " documents",
      "{\"total\":1,\"hits\":\"s1\"} | field hits is \"s1\", expected a list of session documents",
      "{\"total\":\"abc\",\"hits\":[]} | field total is \"abc\", expected a whole number of at"
          + " least 0",
      "{\"total\":-5,\"hits\":[]} | field total is -5, expected a whole number of at least 0",
      "{\"total\":1.5,\"hits\":[]} | field total is 1.5, expected a whole number of at least 0",
      "{\"total\":{\"value\":\"x\"},\"hits\":[]} | field total.value is \"x\", expected a whole"
          + " number of at least 0",
      "{\"total\":{\"value\":3,\"relation\":\"maybe\"},\"hits\":[]} | field total.relation is"
          + " \"maybe\", expected \"eq\" or \"gte\"",
      "{\"hits\":{\"total\":\"abc\",\"hits\":[]}} | field hits.total is \"abc\", expected a whole"
          + " number of at least 0",
      "{\"hits\":{\"hits\":{}}} | field hits.hits is an object {}, expected a list of session"
          + " documents",
      "\"sessions\" | the answer is \"sessions\", expected an object with hits and total"})
  void aSearchEnvelopeOfTheWrongKindIsAnError(String body, String detail) {
    stub.answer(SEARCH, body);
    assertBadValue(stub.failure(SESSIONS), SEARCH, detail);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\"s2\" | field hits[1] is \"s2\", expected a session document",
      "{\"_source\":\"s2\"} | field hits[1]._source is \"s2\", expected a session document",
      "{\"id\":{\"x\":2}} | field hits[1].id is an object {\"x\":2}, expected text",
      "{\"id\":\"s2\",\"session_start_time\":12345} | field hits[1].session_start_time is 12345,"
          + " expected an ISO date and time like \"2020-10-08T17:09:27.758983\"",
      "{\"id\":\"s2\",\"session_start_time\":\"+999999999-12-31T23:59:59\"} | field"
          + " hits[1].session_start_time is \"+999999999-12-31T23:59:59\", expected an ISO date and"
          + " time like \"2020-10-08T17:09:27.758983\""})
  void aHitOfTheWrongKindIsAnError(String hit, String detail) {
    stub.answer(SEARCH, hits(doc("s1", ""), hit));
    assertBadValue(stub.failure(SESSIONS), SEARCH, detail);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\"channel_data\":\"abc\" | field channel_data of session \"s2\" is \"abc\", expected an"
          + " object",
      "\"channel_data\":{\"duration\":\"abc\"} | field channel_data.duration of session \"s2\" is"
          + " \"abc\", expected a whole number",
      "\"channel_data\":{\"duration\":1.5} | field channel_data.duration of session \"s2\" is 1.5,"
          + " expected a whole number",
      "\"channel_data\":{\"duration\":\"1e999999999\"} | field channel_data.duration of session"
          + " \"s2\" is \"1e999999999\", expected a whole number",
      "\"channel_data\":{\"duration\":1e30} | field channel_data.duration of session \"s2\" is"
          + " 1.0E30, expected a whole number from -9223372036854775808 to 9223372036854775807",
      "\"channel_data\":{\"status_code\":99999999999} | field channel_data.status_code of session"
          + " \"s2\" is 99999999999, expected a whole number from -2147483648 to 2147483647",
      "\"channel_data\":{\"call_status\":[\"ended\"]} | field channel_data.call_status of session"
          + " \"s2\" is a list [\"ended\"], expected text",
      "\"agent_information\":\"oriprod2\" | field agent_information of session \"s2\" is"
          + " \"oriprod2\", expected an object",
      "\"agent_information\":{\"name\":{\"first\":\"ori\"}} | field agent_information.name of"
          + " session \"s2\" is an object {\"first\":\"ori\"}, expected text",
      "\"status\":true,\"channel_data\":{\"duration\":1e400} | field channel_data.duration of"
          + " session \"s2\" is \"Infinity\", expected a whole number"})
  void aSessionFieldOfTheWrongKindIsAnError(String fields, String detail) {
    stub.answer(SEARCH, hits(doc("s1", ""), doc("s2", fields)));
    assertBadValue(stub.failure(SESSIONS), SEARCH, detail);
  }

  @Test
  void theDocumentsLooseTypingStillReadsAndEachValueStaysInItsColumn() throws SQLException {
    stub.answer(SEARCH, "{\"total\":\"1\",\"page_size\":\"10\",\"page_number\":\"abc\",\"hits\":["
        + doc("s1", "\"status\":\"ended\",\"destination\":972523656841,\"agent_information\":null,"
        + "\"channel_data\":{\"duration\":\"27000\",\"status_code\":200.0,\"call_status\":null}")
        + "]}");
    assertThat(stub.rows(SESSIONS)).containsExactly(
        "s1; 2025-08-10 10:00:00.000; ended; 972523656841; null; 27000; 200; null");
  }

  @Test
  void aGetByIdNamesItsOwnEndpoint() {
    stub.answer(BY_ID, doc("s1", "\"channel_data\":{\"duration\":\"long\"}"));
    assertBadValue(stub.failure("SELECT id, duration_ms FROM insights.sessions WHERE id = 's1'"),
        BY_ID, "field channel_data.duration of session \"s1\" is \"long\", expected a whole"
            + " number");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "tags | \"tags_list\":{\"a\":{\"tag\":\"x\"}} | field tags_list of session \"s1\" is an"
          + " object {\"a\":{\"tag\":\"x\"}}, expected a list",
      "tags | \"tags_list\":[\"x\"] | field tags_list[0] of session \"s1\" is \"x\", expected an"
          + " object",
      "tags | \"tags_list\":[{\"tag\":\"a\",\"count\":1},{\"tag\":\"b\",\"count\":\"many\"}] |"
          + " field tags_list[1].count of session \"s1\" is \"many\", expected a whole number",
      "flow_path | \"flow_path\":[{\"synchronized\":\"yes\"}] | field flow_path[0].synchronized of"
          + " session \"s1\" is \"yes\", expected true or false",
      "flow_path | \"flow_path\":[{\"request\":\"POST\"}] | field flow_path[0].request of session"
          + " \"s1\" is \"POST\", expected an object",
      "flow_path | \"flow_path\":[{\"context\":{\"user_input\":[\"hi\"]}}] | field"
          + " flow_path[0].context.user_input of session \"s1\" is a list [\"hi\"], expected text",
      "transcript_lines | \"transcription\":{\"user\":\"hi\"} | field transcription of session"
          + " \"s1\" is an object {\"user\":\"hi\"}, expected a list",
      "transcript_lines | \"transcription\":[{\"user\":\"hi\"},\"bye\"] | field transcription[1] of"
          + " session \"s1\" is \"bye\", expected an object",
      "transcript_lines | \"transcription\":[{\"user\":{\"text\":\"hi\"}}] | field"
          + " transcription[0].user of session \"s1\" is an object {\"text\":\"hi\"}, expected"
          + " text",
      "parameters | \"params_list\":[{\"name\":\"n\",\"completed\":\"yes\"}] | field"
          + " params_list[0].completed of session \"s1\" is \"yes\", expected true or false",
      "parameters | \"params_list\":[{\"name\":\"n\",\"entity\":{\"x\":1}}] | field"
          + " params_list[0].entity of session \"s1\" is an object {\"x\":1}, expected text"})
  void aListOfTheWrongKindIsAnError(String table, String fields, String detail) {
    stub.answer(SEARCH, hits(doc("s1", fields)));
    assertBadValue(stub.failure("SELECT * FROM insights." + table + " WHERE" + SINCE), SEARCH,
        detail);
  }

  @Test
  void payloadsAndParameterValuesMayBeJson() throws SQLException {
    stub.answer(SEARCH, hits(doc("s1", "\"flow_path\":[{\"request\":{\"headers\":{\"a\":\"b\"},"
        + "\"payload\":[1,2]},\"response\":{\"payload\":{\"ok\":true}},"
        + "\"context\":{\"status\":{\"message\":{\"m\":\"x\"}}}}],"
        + "\"params_list\":[{\"name\":\"when\",\"value\":{\"date\":\"2025-08-10\"}}]")));
    assertThat(stub.rows("SELECT request_headers, request_payload, response_payload, status_message"
        + " FROM insights.flow_path WHERE" + SINCE))
        .containsExactly("{\"a\":\"b\"}; [1,2]; {\"ok\":true}; {\"m\":\"x\"}");
    assertThat(stub.rows("SELECT name, \"value\" FROM insights.parameters WHERE" + SINCE))
        .containsExactly("when; {\"date\":\"2025-08-10\"}");
  }
}
