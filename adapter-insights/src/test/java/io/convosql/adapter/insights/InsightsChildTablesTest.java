package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * transcript_lines, tags, flow_path and parameters come from the lists of the same search documents:
 * a filter on an element field finds the sessions holding a matching element ({@code must} term,
 * never {@code must_not}, which would drop their other elements), and every row is checked.
 */
class InsightsChildTablesTest {
  private static final Instant AUG20 = Instant.parse("2025-08-20T00:00:00Z");
  private static final String SINCE = " session_start_time >= TIMESTAMP '2025-08-20 00:00:00'";
  private static final String FROM = "2025-08-19T23:59:59.999999";
  private static final String TO = "2025-09-01T12:05:00"; // now, and the clock margin
  private static Db db;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  /** The rows the elements of one list of every document since Aug 20 give, by a row function. */
  private static List<String> rows(String list, BiFunction<JsonNode, JsonNode, String> row) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : Docs.between(AUG20, TestApi.NOW, x -> true)) {
      for (JsonNode e : d.path(list)) {
        String r = row.apply(d, e);
        if (r != null) {
          out.add(r);
        }
      }
    }
    return out;
  }

  private static List<String> filters() {
    return TestApi.recorded().stream().map(r -> r.param("filter_by")).distinct().toList();
  }

  @Test
  void transcriptLinesAreTheTurnsNumberedFromOne() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (JsonNode d : Docs.between(AUG20, TestApi.NOW, x -> true)) {
      int n = 0;
      for (JsonNode turn : d.path("transcription")) {
        Iterator<Map.Entry<String, JsonNode>> said = turn.fields();
        while (said.hasNext()) {
          Map.Entry<String, JsonNode> e = said.next();
          expected.add(d.get("id").asText() + "; " + ++n + "; " + e.getKey() + "; "
              + (e.getKey().equals("user") ? "user" : "agent") + "; " + e.getValue().asText());
        }
      }
    }
    assertThat(db.rows("SELECT session_id, line_no, speaker, role, text FROM insights.transcript_lines WHERE"
        + SINCE)).containsExactlyInAnyOrderElementsOf(expected);
    // pages after the first are requested together, so they arrive in any order
    assertThat(TestApi.requests()).containsExactlyInAnyOrderElementsOf(TestApi.pages(FROM, TO, 100, TestApi.UNORDERED, null,
        "[\"id\",\"session_start_time\",\"transcription\"]", Docs.between(AUG20, TestApi.NOW, d -> true).size()));
  }

  @Test
  void aTagEqualityIsATermOnTagsList() throws SQLException {
    String sql = "SELECT session_id, category, tag_count FROM insights.tags WHERE tag = 'complaint' AND" + SINCE;
    List<String> expected = rows("tags_list", (d, e) -> e.get("tag").asText().equals("complaint")
        ? d.get("id").asText() + "; " + e.get("category").asText() + "; " + e.get("count").asText() : null);
    assertThat(expected).isNotEmpty();
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(filters()).containsExactly("{\"must\":[{\"term\":{\"tags_list.tag\":\"complaint\"}}]}");
    assertThat(db.explain(sql)).contains("filter=[[tag = complaint, session_start_time >= ",
        "&filter_by={\"must\":[{\"term\":{\"tags_list.tag\":\"complaint\"}}]}"
            + "&project_fields=[\"id\",\"session_start_time\",\"tags_list\"]");
  }

  @Test
  void aTagInequalityStaysLocalSoTheSessionsOtherTagsRemain() throws SQLException {
    String sql = "SELECT session_id, tag FROM insights.tags WHERE tag <> 'resolved' AND" + SINCE;
    List<String> expected = rows("tags_list", (d, e) -> e.get("tag").asText().equals("resolved") ? null
        : d.get("id").asText() + "; " + e.get("tag").asText());
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(filters()).containsOnlyNulls();
  }

  @Test
  void parameterNameAndValueTogetherUseTheParametersShortcut() throws SQLException {
    JsonNode p = Docs.oneSince(AUG20, d -> d.path("params_list").size() > 0).get("params_list").get(0);
    String name = p.get("name").asText();
    String value = p.get("value").asText();
    String sql = "SELECT session_id, type, value_text, completed FROM insights.parameters WHERE name = ?"
        + " AND \"value\" = ? AND" + SINCE;
    List<String> expected = rows("params_list", (d, e) -> e.get("name").asText().equals(name)
        && e.get("value").asText().equals(value) ? d.get("id").asText() + "; " + e.get("type").asText() + "; "
        + e.get("value_text").asText() + "; " + e.get("completed").asText() : null);
    assertThat(db.rows(sql, name, value)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(filters()).containsExactly("{\"must\":[{\"term\":{\"parameters." + name + "\":\"" + value + "\"}}]}");
    assertThat(db.explain(sql, name, value)).contains("filter_by={\"must\":[{\"term\":{\"parameters.?0\":\"?1\"}}]}");
    assertThat(db.rows("SELECT COUNT(*) FROM insights.parameters WHERE name = ? AND" + SINCE, name))
        .containsExactly(Integer.toString(rows("params_list", (d, e) -> e.get("name").asText().equals(name)
            ? "x" : null).size()));
    assertThat(filters()).containsExactly("{\"must\":[{\"term\":{\"params_list.name\":\"" + name + "\"}}]}");
    assertThat(db.rows("SELECT session_id FROM insights.parameters WHERE name IN (?, 'no-such-name')"
        + " AND \"value\" = ? AND" + SINCE, name, value)).hasSameSizeAs(expected);
    assertThat(filters()).containsExactly("{\"must\":[{\"term\":{\"params_list.value\":\"" + value + "\"}}],"
        + "\"should\":[{\"term\":{\"params_list.name\":\"" + name + "\"}},"
        + "{\"term\":{\"params_list.name\":\"no-such-name\"}}]}");
  }

  @Test
  void flowPathStepsFilterOnTheirFieldsIncludingBooleans() throws SQLException {
    String sql = "SELECT session_id, step_no, request_url, response_code FROM insights.flow_path"
        + " WHERE type = 'webhook' AND request_verb = 'PUT' AND synchronized AND" + SINCE;
    List<String> expected = new ArrayList<>();
    for (JsonNode d : Docs.between(AUG20, TestApi.NOW, x -> true)) {
      for (int i = 0; i < d.path("flow_path").size(); i++) {
        JsonNode s = d.get("flow_path").get(i);
        if (s.get("type").asText().equals("webhook") && s.path("request").path("verb").asText().equals("PUT")
            && s.get("synchronized").asBoolean()) {
          expected.add(d.get("id").asText() + "; " + (i + 1) + "; " + s.path("request").path("url").asText()
              + "; " + s.path("response").path("code").asText());
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(filters()).containsExactly("{\"must\":[{\"term\":{\"flow_path.type\":\"webhook\"}},"
        + "{\"term\":{\"flow_path.request.verb\":\"PUT\"}},{\"term\":{\"flow_path.synchronized\":\"true\"}}]}");
  }

  @Test
  void aLimitOnAChildTableNeverShrinksThePages() throws SQLException {
    assertThat(db.rows("SELECT tag FROM insights.tags WHERE" + SINCE + " LIMIT 3")).hasSize(3);
    assertThat(TestApi.recorded()).singleElement().satisfies(r -> assertThat(r.param("page_size")).isEqualTo("100"));
  }
}
