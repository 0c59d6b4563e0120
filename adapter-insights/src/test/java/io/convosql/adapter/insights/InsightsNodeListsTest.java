package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * node_tags and execution_parameters come from lists inside each flow_path node: their step_no is
 * flow_path's, so the tables join on session_id and step_no; a search fetches the whole flow_path
 * (a projection of the inner list alone would drop the nodes where it is empty, and renumber the
 * rest). Also the two new columns of older tables, parameters.audio_url and flow_path.webhook_url.
 * The expected rows are read from the emulator's stored documents with plain Jackson.
 */
class InsightsNodeListsTest {
  private static final Instant AUG20 = Instant.parse("2025-08-20T00:00:00Z");
  private static final String SINCE = " session_start_time >= TIMESTAMP '2025-08-20 00:00:00'";
  private static final String FROM = "2025-08-19T23:59:59.999999";
  private static final String TO = "2025-09-01T12:05:00"; // now, and the clock margin
  private static final String FLOW_PATH = "[\"id\",\"session_start_time\",\"flow_path\"]";
  private static Db db;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static List<JsonNode> recent() {
    return List.copyOf(Docs.between(AUG20, TestApi.NOW, x -> true));
  }

  private static List<String> filters() {
    return TestApi.recorded().stream().map(r -> r.param("filter_by")).distinct().toList();
  }

  private static boolean nodeHas(JsonNode doc, String list, String field, String value) {
    for (JsonNode node : doc.path("flow_path")) {
      for (JsonNode e : node.at(list)) {
        if (value.equals(e.path(field).asText(null))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The sandbox's param_completion nodes record the parameter they completed, as the document's list. */
  @Test
  void alteredParametersAreTheChangesEachNodeMade() throws SQLException {
    String sql = "SELECT session_id, step_no, alteration_source, name, entity, \"value\", value_text, audio_url"
        + " FROM insights.altered_parameters WHERE name = 'address' AND" + SINCE;
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent()) {
      for (int i = 0; i < d.path("flow_path").size(); i++) {
        for (JsonNode a : d.get("flow_path").get(i).path("context").path("altered_parameters")) {
          if (a.get("name").asText().equals("address")) {
            expected.add(d.get("id").asText() + "; " + (i + 1) + "; " + a.get("alteration_source").asText()
                + "; address; " + a.get("entity").asText() + "; " + a.get("value").asText() + "; "
                + a.get("value_text").asText() + "; " + a.path("audio_url").asText(null));
          }
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(expected);
    String filter = "{\"must\":[{\"term\":{\"flow_path.context.altered_parameters.name\":\"address\"}}]}";
    assertThat(filters()).containsExactly(filter);
    try (Db local = Db.open(false, InsightsSchema.DEFAULT_LOOKBACK_DAYS, false)) {
      assertThat(local.rows(sql)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void nodeTagsAreNumberedByTheirNodesStep() throws SQLException {
    String sql = "SELECT session_id, step_no, tag, category FROM insights.node_tags WHERE tag = 'invalid' AND"
        + SINCE;
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent()) {
      for (int i = 0; i < d.path("flow_path").size(); i++) {
        for (JsonNode t : d.get("flow_path").get(i).path("tags")) {
          if (t.get("tag").asText().equals("invalid")) {
            expected.add(d.get("id").asText() + "; " + (i + 1) + "; invalid; " + t.get("category").asText());
          }
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(expected);
    String filter = "{\"must\":[{\"term\":{\"flow_path.tags.tag\":\"invalid\"}}]}";
    assertThat(TestApi.requests()).containsExactlyInAnyOrderElementsOf(TestApi.pages(FROM, TO, 100, TestApi.UNORDERED, filter,
        FLOW_PATH, Docs.between(AUG20, TestApi.NOW, d -> nodeHas(d, "/tags", "tag", "invalid")).size()));
    assertThat(db.explain(sql)).contains("&filter_by=" + filter + "&project_fields=" + FLOW_PATH);
  }

  @Test
  void nodeTagsJoinTheirFlowPathStep() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent()) {
      for (JsonNode node : d.path("flow_path")) {
        for (JsonNode t : node.path("tags")) {
          if (t.get("tag").asText().equals("resolved")) {
            expected.add(d.get("id").asText() + "; " + node.get("type").asText() + "; " + node.get("node_id").asText());
          }
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(db.rows("SELECT t.session_id, f.type, f.node_id FROM insights.node_tags t JOIN insights.flow_path f"
        + " ON f.session_id = t.session_id AND f.step_no = t.step_no WHERE t.tag = 'resolved' AND t." + SINCE.strip()
        + " AND f." + SINCE.strip())).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void executionParametersAreEachNodesParameters() throws SQLException {
    JsonNode p = Docs.oneSince(AUG20, d -> d.path("params_list").size() > 0).get("params_list").get(0);
    String name = p.get("name").asText();
    String sql = "SELECT session_id, step_no, name, type, \"value\", value_text, completed, audio_url"
        + " FROM insights.execution_parameters WHERE name = ? AND completed AND" + SINCE;
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent()) {
      for (int i = 0; i < d.path("flow_path").size(); i++) {
        for (JsonNode e : d.get("flow_path").get(i).path("context").path("execution_parameters")) {
          if (e.get("name").asText().equals(name) && e.get("completed").asBoolean()) {
            expected.add(d.get("id").asText() + "; " + (i + 1) + "; " + name + "; " + e.get("type").asText() + "; "
                + e.get("value").asText() + "; " + e.get("value_text").asText() + "; true; null");
          }
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(db.rows(sql, name)).containsExactlyInAnyOrderElementsOf(expected);
    String filter = "{\"must\":[{\"term\":{\"flow_path.context.execution_parameters.name\":\"" + name + "\"}},"
        + "{\"term\":{\"flow_path.context.execution_parameters.completed\":\"true\"}}]}";
    // each term finds the sessions where some node's parameter has the value, as ElasticSearch flattens lists
    assertThat(TestApi.requests()).containsExactlyInAnyOrderElementsOf(TestApi.pages(FROM, TO, 100, TestApi.UNORDERED, filter,
        FLOW_PATH, Docs.between(AUG20, TestApi.NOW, d -> nodeHas(d, "/context/execution_parameters", "name", name)
            && nodeHas(d, "/context/execution_parameters", "completed", "true")).size()));

    String value = p.get("value").asText();
    assertThat(db.rows("SELECT DISTINCT session_id FROM insights.execution_parameters WHERE \"value\" = ? AND"
        + SINCE, value)).containsExactlyInAnyOrderElementsOf(Docs.ids(Docs.between(AUG20, TestApi.NOW,
            d -> nodeHas(d, "/context/execution_parameters", "value", value))));
    // no ID field: the service may analyse it into words, which a term would not find
    assertThat(filters()).containsExactly(
        "{\"must\":[{\"match\":{\"flow_path.context.execution_parameters.value\":\"" + value + "\"}}]}");
  }

  @Test
  void theWebhookUrlOfAFlowPathNodeIsATerm() throws SQLException {
    String url = "https://outages.citypower.example/report";
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent()) {
      for (int i = 0; i < d.path("flow_path").size(); i++) {
        JsonNode node = d.get("flow_path").get(i);
        if (url.equals(node.path("context").path("url").asText())) {
          expected.add(d.get("id").asText() + "; " + (i + 1) + "; " + node.get("type").asText());
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(db.rows("SELECT session_id, step_no, type FROM insights.flow_path WHERE webhook_url = ? AND" + SINCE,
        url)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(filters()).containsExactly("{\"must\":[{\"term\":{\"flow_path.context.url\":\"" + url + "\"}}]}");
  }

  @Test
  void theRecordingOfAParameterIsATerm() throws SQLException {
    JsonNode doc = Docs.oneSince(AUG20, d -> d.path("params_list").path(0).has("audio_url"));
    JsonNode p = doc.get("params_list").get(0);
    String url = p.get("audio_url").asText();
    assertThat(db.rows("SELECT session_id, name, audio_url FROM insights.parameters WHERE audio_url = ? AND" + SINCE,
        url)).containsExactly(doc.get("id").asText() + "; " + p.get("name").asText() + "; " + url);
    assertThat(TestApi.requests()).containsExactly(TestApi.search(FROM, TO, 0, 100, TestApi.UNORDERED,
        "{\"must\":[{\"term\":{\"params_list.audio_url\":\"" + url + "\"}}]}",
        "[\"id\",\"session_start_time\",\"params_list\"]"));
  }
}
