package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The columns a query uses become {@code project_fields} (sent URL-encoded: unencoded braces make the
 * API answer nothing); {@code document} fetches the whole session as JSON for Calcite's JSON functions.
 */
class InsightsProjectionTest {
  private static final Instant AUG25 = Instant.parse("2025-08-25T00:00:00Z");
  private static final String SINCE = " WHERE session_start_time >= TIMESTAMP '2025-08-25 00:00:00'";
  private static Db db;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static List<String> projections() {
    return TestApi.recorded().stream().map(r -> r.param("project_fields")).distinct().toList();
  }

  @Test
  void onlyTheFieldsOfUsedColumnsAreFetched() throws SQLException {
    List<String> rows = db.rows("SELECT agent_name, call_status FROM insights.sessions" + SINCE);
    assertThat(rows).containsExactlyInAnyOrderElementsOf(Docs.between(AUG25, TestApi.NOW, d -> true).stream()
        .map(d -> Docs.text(d, "agent_information.name") + "; " + Docs.text(d, "channel_data.call_status"))
        .toList());
    assertThat(projections()).containsExactly(
        "[\"id\",\"session_start_time\",\"agent_information.name\",\"channel_data.call_status\"]");
    assertThat(db.explain("SELECT agent_name, call_status FROM insights.sessions" + SINCE))
        .contains("&project_fields=[\"id\",\"session_start_time\",\"agent_information.name\","
            + "\"channel_data.call_status\"]");
  }

  @Test
  void aCountFetchesOnlyIdAndStartAndAFilterFetchesItsColumnForTheCheck() throws SQLException {
    assertThat(db.rows("SELECT COUNT(*) FROM insights.sessions" + SINCE))
        .containsExactly(Integer.toString(Docs.between(AUG25, TestApi.NOW, d -> true).size()));
    assertThat(projections()).containsExactly("[\"id\",\"session_start_time\"]");
    String voice = Docs.text(Docs.oneSince(AUG25, d -> Docs.text(d, "agent_information.voice") != null),
        "agent_information.voice");
    assertThat(db.rows("SELECT id FROM insights.sessions" + SINCE + " AND agent_voice = ?", voice)).isNotEmpty();
    assertThat(projections()).containsExactly("[\"id\",\"session_start_time\",\"agent_information.voice\"]");
  }

  @Test
  void theDocumentColumnIsTheWholeSessionForJsonFunctions() throws SQLException {
    String sql = "SELECT id, JSON_VALUE(document, '$.request_ids[0]'),"
        + " JSON_VALUE(document, '$.flow_data.collected_tags[0].tag') FROM insights.sessions" + SINCE;
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(Docs.between(AUG25, TestApi.NOW, d -> true)
        .stream().map(d -> d.get("id").asText() + "; " + d.path("request_ids").path(0).asText(null) + "; "
            + d.path("flow_data").path("collected_tags").path(0).path("tag").asText(null)).toList());
    assertThat(TestApi.recorded()).isNotEmpty().allSatisfy(r -> assertThat(r.param("project_fields")).isNull());
  }

  @Test
  void bracesAndQuotesInParametersAreEncoded() throws SQLException {
    // The sandbox answers nothing to a raw query holding { } [ ] or ", as the API document warns.
    String sql = "SELECT id FROM insights.sessions" + SINCE + " AND channel = 'whatsapp'";
    assertThat(db.rows(sql)).isNotEmpty().containsExactlyInAnyOrderElementsOf(Docs.ids(
        Docs.between(AUG25, TestApi.NOW, d -> "whatsapp".equals(Docs.text(d, "channel")))));
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("filter_by"))
        .isEqualTo("{\"must\":[{\"term\":{\"channel\":\"whatsapp\"}}]}"));
  }

  @Test
  void startTimesAreUtcWallClockMillisecondsWhateverTheJvmZone() throws SQLException {
    JsonNode doc = Docs.oneSince(AUG25, d -> d.get("session_start_time").asText().length() == 26);
    assertThat(db.rows("SELECT session_start_time, EXTRACT(HOUR FROM session_start_time) FROM insights.sessions"
        + " WHERE id = ?", doc.get("id").asText())).containsExactly(Docs.jdbcStart(doc) + "; "
            + doc.get("session_start_time").asText().substring(11, 13).replaceFirst("^0", ""));
  }

  @Test
  void childTablesFetchOnlyTheirList() throws SQLException {
    for (String[] t : new String[][] {{"transcript_lines", "transcription"}, {"tags", "tags_list"},
        {"flow_path", "flow_path"}, {"parameters", "params_list"}}) {
      assertThat(db.rows("SELECT COUNT(*) FROM insights." + t[0] + SINCE)).hasSize(1);
      assertThat(projections()).containsExactly("[\"id\",\"session_start_time\",\"" + t[1] + "\"]");
    }
  }
}
