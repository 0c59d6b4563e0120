package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.DateRangeTest.assertRefused;
import static io.convosql.sandbox.insights.InsightsHttp.MAPPER;
import static io.convosql.sandbox.insights.InsightsHttp.search;
import static io.convosql.sandbox.insights.PagingTest.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** project_fields: a JSON list of dotted paths; hits keep only those subtrees, nesting preserved. */
class ProjectionTest {
  private static JsonNode full(String id) {
    return InsightsHttp.shared().insights().data().document(id).orElseThrow();
  }

  @Test
  void dottedPathsKeepNestingAndWalkArrays() {
    var a = search(window("project_fields", "[\"session_start_time\",\"agent_information.name\",\"flow_path.node_id\"]",
        "page_size", "20"));
    List<String> ids = search(window("page_size", "20")).ids();
    assertThat(a.hits()).hasSize(20);
    for (int i = 0; i < 20; i++) {
      JsonNode doc = full(ids.get(i));
      ObjectNode expected = MAPPER.createObjectNode();
      expected.putObject("agent_information").set("name", doc.get("agent_information").get("name"));
      expected.set("session_start_time", doc.get("session_start_time"));
      ArrayNode steps = expected.putArray("flow_path");
      doc.get("flow_path").forEach(s -> steps.addObject().set("node_id", s.get("node_id")));
      assertThat(a.hits().get(i)).isEqualTo(expected);
      assertThat(a.hits().get(i).fieldNames()).toIterable()
          .containsExactly("agent_information", "session_start_time", "flow_path");
    }
  }

  @Test
  void aPathNamingAnObjectKeepsItWhole() {
    var a = search(window("project_fields", "[\"agent_information\",\"flow_data\",\"agent_information.name\"]"));
    List<String> ids = search(window()).ids();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode doc = full(ids.get(i));
      ObjectNode expected = MAPPER.createObjectNode();
      expected.set("agent_information", doc.get("agent_information"));
      expected.set("flow_data", doc.get("flow_data"));
      assertThat(a.hits().get(i)).isEqualTo(expected);
    }
  }

  @Test
  void missingFieldsAreLeftOut() {
    var a = search(window("project_fields", "[\"agent_id\",\"channel_data.duration\",\"id\"]", "page_size", "100",
        "filter_by", "{\"must\":[{\"term\":{\"status\":\"in_progress\"}}]}"));
    assertThat(a.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.fieldNames()).toIterable().containsExactly("id"));
    var ended = search(window("project_fields", "[\"agent_id\",\"channel_data.duration\"]",
        "filter_by", "{\"must\":[{\"term\":{\"status\":\"ended\"}}]}"));
    assertThat(ended.hits()).allSatisfy(h -> {
      assertThat(h.fieldNames()).toIterable().containsExactly("channel_data");
      assertThat(h.get("channel_data").fieldNames()).toIterable().containsExactly("duration");
    });
  }

  /** A field the document does not define is ignored, as ElasticSearch does for an unmapped field. */
  @Test
  void undocumentedFieldsAreIgnored() {
    var a = search(window("project_fields", "[\"transcription.user\",\"flow_data.injected_parameters.name\",\"id\"]",
        "page_size", "100"));
    assertThat(a.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.fieldNames()).toIterable().containsExactly("id"));
    var turns = search(window("project_fields", "[\"transcription\"]", "page_size", "3"));
    List<String> ids = search(window("page_size", "3")).ids();
    for (int i = 0; i < 3; i++) {
      assertThat(turns.hits().get(i).get("transcription")).isEqualTo(full(ids.get(i)).get("transcription"));
    }
  }

  @Test
  void anEmptyListKeepsWholeDocuments() {
    var a = search(window("project_fields", "[]", "page_size", "3"));
    List<String> ids = search(window("page_size", "3")).ids();
    for (int i = 0; i < 3; i++) {
      assertThat(a.hits().get(i)).isEqualTo(full(ids.get(i)));
    }
  }

  @Test
  void malformedListsAreRefused() {
    assertRefused(search(window("project_fields", "session_start_time")), "Invalid project_fields: not valid JSON");
    assertRefused(search(window("project_fields", "[\"id\"")), "Invalid project_fields: not valid JSON");
    assertRefused(search(window("project_fields", "{\"id\":1}")),
        "Invalid project_fields: expected a JSON list of field names");
    assertRefused(search(window("project_fields", "[\"id\", 3]")),
        "Invalid project_fields: each field must be a dotted path such as \"agent_information.name\"");
    assertRefused(search(window("project_fields", "[\"a..b\"]")),
        "Invalid project_fields: each field must be a dotted path such as \"agent_information.name\"");
  }
}
