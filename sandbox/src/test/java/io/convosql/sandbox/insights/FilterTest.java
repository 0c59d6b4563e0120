package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.DateRangeTest.assertRefused;
import static io.convosql.sandbox.insights.InsightsHttp.docs;
import static io.convosql.sandbox.insights.InsightsHttp.newestFirst;
import static io.convosql.sandbox.insights.InsightsHttp.search;
import static io.convosql.sandbox.insights.PagingTest.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** filter_by term clauses and the must / must_not / should logic. */
class FilterTest {
  static final Instant FROM = Instant.parse("2025-07-03T00:00:00Z");
  static final Instant TO = Instant.parse("2025-08-31T23:59:59.999999Z");

  /** Every id the filter finds in the test window, newest first. */
  static List<String> found(String filter) {
    List<String> ids = new ArrayList<>();
    for (int page = 0; ; page++) {
      var a = search(window("filter_by", filter, "page_size", "100", "page_number", String.valueOf(page)));
      assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
      if (a.hits().isEmpty()) {
        return ids;
      }
      ids.addAll(a.ids());
    }
  }

  static List<String> expected(Predicate<JsonNode> keep) {
    return newestFirst(docs(FROM, TO, keep));
  }

  static boolean anyText(JsonNode values, String value) {
    for (JsonNode v : values) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  static List<String> texts(JsonNode doc, String arrayField, String field) {
    List<String> out = new ArrayList<>();
    doc.path(arrayField).forEach(e -> out.add(e.path(field).asText()));
    return out;
  }

  /** A term on a field the document does not define matches nothing, though documents hold values there. */
  @Test
  void termOnAnUndocumentedFieldMatchesNothing() {
    List<String> injected = expected(d -> d.path("flow_data").path("injected_parameters").size() > 0);
    assertThat(injected).isNotEmpty();
    String name = "{\"must\":[{\"term\":{\"flow_data.injected_parameters.name\":\"caller_number\"}}]}";
    assertThat(found(name)).isEmpty();
    assertThat(found("{\"must_not\":[{\"term\":{\"flow_data.injected_parameters.name\":\"caller_number\"}}]}"))
        .isEqualTo(expected(d -> true));
  }

  @Test
  void termIsExactAndCaseSensitive() {
    List<String> inProgress = expected(d -> d.get("status").asText().equals("in_progress"));
    assertThat(inProgress).isNotEmpty();
    assertThat(found("{\"must\":[{\"term\":{\"status\":\"in_progress\"}}]}")).isEqualTo(inProgress);
    assertThat(found("{\"must\":[{\"term\":{\"status\":\"In_Progress\"}}]}")).isEmpty();
    assertThat(found("{\"must\":[{\"term\":{\"status\":\"progress\"}}]}")).isEmpty();
    String agentId = InsightsHttp.shared().insights().data().agents().get(1).id();
    assertThat(found("{\"must\":[{\"term\":{\"agent_information.id\":\"" + agentId + "\"}}]}"))
        .isEqualTo(expected(d -> d.get("agent_information").get("id").asText().equals(agentId))).isNotEmpty();
  }

  @Test
  void termOnNumbersAndBooleansComparesTheirText() {
    List<String> erroneous = expected(d -> d.get("channel_data").get("status_code").asInt() == 200);
    assertThat(erroneous).isNotEmpty();
    assertThat(found("{\"must\":[{\"term\":{\"channel_data.status_code\":200}}]}")).isEqualTo(erroneous);
    assertThat(found("{\"must\":[{\"term\":{\"channel_data.status_code\":\"200\"}}]}")).isEqualTo(erroneous);
    assertThat(found("{\"must\":[{\"term\":{\"channel_data.status_code\":200.0}}]}")).isEmpty();
    assertThat(found("{\"must_not\":[{\"term\":{\"flow_path.synchronized\":true}}]}")).isEmpty();
  }

  @Test
  void termOnArraysMatchesAnyElement() {
    JsonNode doc = InsightsHttp.shared().insights().data().document(expected(d -> true).get(5)).orElseThrow();
    String requestId = doc.get("request_ids").get(1).asText();
    assertThat(found("{\"must\":[{\"term\":{\"request_ids\":\"" + requestId + "\"}}]}"))
        .containsExactly(doc.get("id").asText());
    String node = doc.get("flow_path").get(2).get("node_id").asText();
    assertThat(found("{\"must\":[{\"term\":{\"flow_path.node_id\":\"" + node + "\"}}]}"))
        .isEqualTo(expected(d -> texts(d, "flow_path", "node_id").contains(node))).contains(doc.get("id").asText());
    assertThat(found("{\"must\":[{\"term\":{\"flow_data.collected_tags.tag\":\"invalid\"}}]}"))
        .isEqualTo(expected(d -> texts(d.get("flow_data"), "collected_tags", "tag").contains("invalid")))
        .isNotEmpty();
  }

  @Test
  void mustNotKeepsDocumentsMissingTheField() {
    List<String> kept = found("{\"must_not\":[{\"term\":{\"tags_list.tag\":\"invalid\"}}]}");
    assertThat(kept).isEqualTo(expected(d -> !texts(d, "tags_list", "tag").contains("invalid")));
    List<String> lacking = expected(d -> !d.has("tags_list"));
    assertThat(lacking).isNotEmpty();
    assertThat(kept).containsAll(lacking);
    assertThat(found("{\"must_not\":[{\"term\":{\"channel_data.duration\":\"0\"}}]}")).isEqualTo(expected(d -> true));
  }

  @Test
  void shouldNeedsOneMatchEvenNextToMust() {
    var agents = InsightsHttp.shared().insights().data().agents();
    String a = agents.get(0).id();
    String b = agents.get(3).id();
    String either = "{\"should\":[{\"term\":{\"agent_information.id\":\"" + a + "\"}},"
        + "{\"term\":{\"agent_information.id\":\"" + b + "\"}}]}";
    Predicate<JsonNode> ab = d -> List.of(a, b).contains(d.get("agent_information").get("id").asText());
    assertThat(found(either)).isEqualTo(expected(ab)).isNotEmpty();
    String withMust = "{\"must\":[{\"term\":{\"channel\":\"whatsapp\"}}],"
        + "\"should\":[{\"term\":{\"agent_information.id\":\""
        + a + "\"}},{\"term\":{\"agent_information.id\":\"" + b + "\"}}]}";
    assertThat(found(withMust)).isEqualTo(expected(ab.and(d -> d.get("channel").asText().equals("whatsapp"))))
        .isNotEmpty();
    assertThat(found("{\"should\":[]}")).isEqualTo(expected(d -> true));
    assertThat(found("{}")).isEqualTo(expected(d -> true));
    assertThat(found("{\"should\":[{\"term\":{\"agent_id\":\"" + a + "\"}}]}")).isEmpty();
  }

  @Test
  void allMustClausesMustMatch() {
    String filter = "{\"must\":[{\"term\":{\"channel\":\"voice\"}},{\"term\":{\"status\":\"ended\"}},"
        + "{\"term\":{\"tags_list.tag\":\"resolved\"}}],\"must_not\":[{\"term\":{\"channel_data.status_code\":0}}]}";
    assertThat(found(filter)).isEqualTo(expected(d -> d.get("channel").asText().equals("voice")
        && d.get("status").asText().equals("ended")
        && texts(d, "tags_list", "tag").contains("resolved")
        && d.get("channel_data").get("status_code").asInt() != 0)).isNotEmpty();
  }

  @Test
  void malformedFiltersAreRefusedWithTheReason() {
    assertRefused(search(window("filter_by", "must: status")), "Invalid filter_by: not valid JSON");
    assertRefused(search(window("filter_by", "[]")),
        "Invalid filter_by: expected a JSON object with must, must_not or should");
    assertRefused(search(window("filter_by", "{\"filter\":[]}")),
        "Invalid filter_by: unknown key 'filter' (expected must, must_not or should)");
    assertRefused(search(window("filter_by", "{\"must\":{\"term\":{\"status\":\"ended\"}}}")),
        "Invalid filter_by: 'must' must be a list of query components");
    assertRefused(search(window("filter_by", "{\"must\":[{\"range\":{\"channel_data.duration\":{\"gte\":1}}}]}")),
        "Invalid filter_by: unsupported query component 'range' (only term and match are supported)");
    assertRefused(search(window("filter_by", "{\"must\":[{\"term\":{\"status\":\"ended\",\"channel\":\"voice\"}}]}")),
        "Invalid filter_by: 'term' must name exactly one field");
    assertRefused(search(window("filter_by", "{\"must\":[{\"term\":{\"status\":{\"value\":\"ended\"}}}]}")),
        "Invalid filter_by: the value of term 'status' must be a string, number or boolean");
    assertRefused(search(window("filter_by", "{\"must\":[]} trailing")), "Invalid filter_by: not valid JSON");
    assertRefused(search(window("filter_by", "{\"must\":[],\"must\":[]}")), "Invalid filter_by: not valid JSON");
  }
}
