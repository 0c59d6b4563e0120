package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The list tables on shapes the generated sessions lack, in two sessions of Feb 12 built here: a
 * node's {@code altered_parameters} (which no generated session has), nodes without the list or with
 * it empty (their steps still count), a parameter's entity type as the model names it
 * ({@code entity}), a value that is a JSON object, a request id written as a number, and an
 * audio_duration written as text. Each query gives the exact rows, the same with pushdown off, and
 * the filter_by and project_fields sent.
 */
class InsightsListShapesTest {
  private static final String DAY = " session_start_time >= TIMESTAMP '2025-02-12 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2025-02-13 00:00:00'";
  private static final String ORDER = "{\"size\":\"large\",\"crust\":\"thin\"}";
  private static Db pushed;
  private static Db local;

  @BeforeAll
  static void open() throws SQLException {
    pushed = Db.open();
    local = Db.open(false, InsightsSchema.DEFAULT_LOOKBACK_DAYS, false);
    TestApi.sandbox().insights().data().add(modelShaped());
    TestApi.sandbox().insights().data().add(answerShaped());
  }

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    local.close();
  }

  /** Four nodes: no altered_parameters, one change, an empty list, two changes. */
  private static ObjectNode modelShaped() {
    ObjectNode d = base("lists-a", "2025-02-12T10:00:00.000001");
    d.putArray("request_ids").add(22).add("44");
    ObjectNode flowData = d.putObject("flow_data");
    ArrayNode tags = flowData.putArray("collected_tags");
    tags.addObject().put("tag", "cat").put("category", "animals");
    tags.addObject().put("tag", "dog").put("category", "animals");
    tags.addObject().put("tag", "cat").put("category", "animals");
    ArrayNode collected = flowData.putArray("collected_parameters");
    collected.add(dish());
    ObjectNode order = collected.addObject().put("name", "order").put("type", "@order");
    order.set("value", order());
    order.put("value_text", "a large thin one").put("completed", true).put("audio_url", "v1/r1/order.mp3");
    ArrayNode path = d.putArray("flow_path");
    ObjectNode start = node(path, "n1", "start");
    start.putObject("context").putArray("execution_parameters");
    ObjectNode collect = node(path, "n2", "collect_input");
    ((ArrayNode) collect.get("tags")).addObject().put("tag", "cat").put("category", "animals");
    ObjectNode context = collect.putObject("context");
    context.putArray("execution_parameters").add(dish());
    context.putArray("altered_parameters").addObject().put("alteration_source", "completed").put("name", "dish")
        .put("entity", "sys.food").put("value", "pizza").put("value_text", "Pizza please")
        .put("audio_url", "v1/r1/dish.mp3").put("audio_duration", 2.5);
    node(path, "n3", "webhook").putObject("context").put("url", "https://hooks.example/order")
        .putArray("altered_parameters");
    ObjectNode classify = node(path, "n4", "classification");
    ((ArrayNode) classify.get("tags")).addObject().put("tag", "dog").put("category", "animals");
    ((ArrayNode) classify.get("tags")).addObject().put("tag", "cat").put("category", "animals");
    ArrayNode altered = classify.putObject("context").putArray("altered_parameters");
    ObjectNode classified = altered.addObject().put("alteration_source", "classified").put("name", "order")
        .put("entity", "@order");
    classified.set("value", order());
    classified.put("value_text", "a large thin one").put("audio_url", "v1/r1/order.mp3").put("audio_duration", 3);
    altered.addObject().put("alteration_source", "injected").put("name", "caller_number")
        .put("entity", "sys.phone_number").put("value", "447700900123");
    return d;
  }

  /** One node whose change gives its audio_duration as text; no flow_data lists. */
  private static ObjectNode answerShaped() {
    ObjectNode d = base("lists-b", "2025-02-12T11:30:00");
    d.putArray("request_ids").add("r-b-1");
    d.putObject("flow_data");
    node(d.putArray("flow_path"), "m1", "start").putObject("context").putArray("altered_parameters").addObject()
        .put("alteration_source", "injected").put("name", "dish").put("entity", "sys.food").put("value", "pasta")
        .put("value_text", "").put("audio_duration", "1.25");
    return d;
  }

  private static ObjectNode base(String id, String start) {
    ObjectNode d = (ObjectNode) Docs.all().get(0).deepCopy();
    return d.put("id", id).put("session_start_time", start);
  }

  private static ObjectNode node(ArrayNode path, String id, String type) {
    ObjectNode n = path.addObject().put("node_id", id).put("type", type);
    n.putArray("tags");
    return n;
  }

  /** The parameter as the document's model writes it: entity, not type. */
  private static ObjectNode dish() {
    return Docs.all().get(0).objectNode().put("name", "dish").put("entity", "sys.food").put("value", "pizza")
        .put("value_text", "Pizza please").put("completed", true);
  }

  private static ObjectNode order() {
    return Docs.all().get(0).objectNode().put("size", "large").put("crust", "thin");
  }

  /**
   * The rows of the query (its WHERE narrowed to Feb 12) with pushdown, after checking that they are those without it, that
   * one filter_by (or none) was sent and that every search projected {@code list}.
   */
  private static List<String> rows(String sql, String filter, String list) throws SQLException {
    String onTheDay = sql.replaceFirst(" WHERE ", " WHERE" + DAY + " AND ");
    List<String> without = local.rows(onTheDay);
    List<String> with = pushed.rows(onTheDay);
    assertThat(with).as(sql).containsExactlyInAnyOrderElementsOf(without);
    assertThat(TestApi.recorded()).as(sql).isNotEmpty().allSatisfy(r -> {
      assertThat(r.param("filter_by")).isEqualTo(filter);
      assertThat(r.param("project_fields")).isEqualTo("[\"id\",\"session_start_time\",\"" + list + "\"]");
    });
    return with;
  }

  private static String term(String field, String value) {
    return "{\"term\":{\"" + field + "\":\"" + value + "\"}}";
  }

  @Test
  void alteredParametersCountEveryNodeForTheirStep() throws SQLException {
    assertThat(rows("SELECT session_id, step_no, alteration_source, name, entity, \"value\", value_text, audio_url,"
        + " audio_duration FROM insights.altered_parameters WHERE TRUE", null, "flow_path")).containsExactlyInAnyOrder(
            "lists-a; 2; completed; dish; sys.food; pizza; Pizza please; v1/r1/dish.mp3; 2.5",
            "lists-a; 4; classified; order; @order; " + ORDER + "; a large thin one; v1/r1/order.mp3; 3.0",
            "lists-a; 4; injected; caller_number; sys.phone_number; 447700900123; null; null; null",
            "lists-b; 1; injected; dish; sys.food; pasta; ; null; 1.25");
  }

  @Test
  void alteredParameterFieldsAreTermsButForJsonValuesAndTheDuration() throws SQLException {
    String p = "flow_path.context.altered_parameters.";
    assertThat(rows("SELECT session_id, step_no FROM insights.altered_parameters WHERE name = 'dish'",
        "{\"must\":[" + term(p + "name", "dish") + "]}", "flow_path")).containsExactlyInAnyOrder("lists-a; 2",
            "lists-b; 1");
    assertThat(rows("SELECT session_id, name FROM insights.altered_parameters"
        + " WHERE alteration_source IN ('injected', 'classified') AND entity <> 'sys.food'",
        "{\"should\":[" + term(p + "alteration_source", "classified") + "," + term(p + "alteration_source", "injected")
            + "]}", "flow_path")).containsExactlyInAnyOrder("lists-a; order", "lists-a; caller_number");
    assertThat(rows("SELECT name FROM insights.altered_parameters WHERE value_text = 'Pizza please'",
        "{\"must\":[" + term(p + "value_text", "Pizza please") + "]}", "flow_path")).containsExactly("dish");
    assertThat(rows("SELECT name FROM insights.altered_parameters WHERE audio_url = 'v1/r1/order.mp3'",
        "{\"must\":[" + term(p + "audio_url", "v1/r1/order.mp3") + "]}", "flow_path")).containsExactly("order");
    // an object reads as its JSON text, which no term finds; a number's text is not one term
    assertThat(rows("SELECT step_no FROM insights.altered_parameters WHERE \"value\" = '" + ORDER + "'", null,
        "flow_path")).containsExactly("4");
    assertThat(rows("SELECT name FROM insights.altered_parameters WHERE audio_duration > 2", null, "flow_path"))
        .containsExactlyInAnyOrder("dish", "order");
  }

  @Test
  void nodeTagsAndExecutionParametersCountTheNodesWithoutThem() throws SQLException {
    assertThat(rows("SELECT session_id, step_no, tag FROM insights.node_tags WHERE category = 'animals'",
        "{\"must\":[" + term("flow_path.tags.category", "animals") + "]}", "flow_path")).containsExactlyInAnyOrder(
            "lists-a; 2; cat", "lists-a; 4; dog", "lists-a; 4; cat");
    // the entity type is type in answers and entity in the model: checked locally
    assertThat(rows("SELECT session_id, step_no, name, type, \"value\" FROM insights.execution_parameters"
        + " WHERE type = 'sys.food'", null, "flow_path")).containsExactly("lists-a; 2; dish; sys.food; pizza");
    assertThat(rows("SELECT session_id, step_no, webhook_url FROM insights.flow_path"
        + " WHERE webhook_url = 'https://hooks.example/order'",
        "{\"must\":[" + term("flow_path.context.url", "https://hooks.example/order") + "]}", "flow_path"))
        .containsExactly("lists-a; 3; https://hooks.example/order");
  }

  @Test
  void collectedListsKeepTheirOrderAndDuplicates() throws SQLException {
    assertThat(rows("SELECT session_id, collect_no, tag, category FROM insights.collected_tags WHERE TRUE", null,
        "flow_data.collected_tags")).containsExactlyInAnyOrder("lists-a; 1; cat; animals", "lists-a; 2; dog; animals",
            "lists-a; 3; cat; animals");
    assertThat(rows("SELECT session_id, COUNT(*) FROM insights.collected_tags WHERE tag IN ('cat', 'dog')"
        + " GROUP BY session_id HAVING COUNT(DISTINCT tag) = 2",
        "{\"should\":[" + term("flow_data.collected_tags.tag", "cat") + ","
            + term("flow_data.collected_tags.tag", "dog") + "]}", "flow_data.collected_tags"))
        .containsExactly("lists-a; 3");
    assertThat(rows("SELECT session_id, collect_no, name, type, \"value\", value_text, completed, audio_url"
        + " FROM insights.collected_parameters WHERE TRUE", null, "flow_data.collected_parameters"))
        .containsExactlyInAnyOrder("lists-a; 1; dish; sys.food; pizza; Pizza please; true; null",
            "lists-a; 2; order; @order; " + ORDER + "; a large thin one; true; v1/r1/order.mp3");
    assertThat(rows("SELECT name FROM insights.collected_parameters WHERE type = 'sys.food'", null,
        "flow_data.collected_parameters")).containsExactly("dish");
    // an object's JSON text is not its words to the service: no match is sent for it
    assertThat(rows("SELECT name FROM insights.collected_parameters WHERE \"value\" = '" + ORDER + "'", null,
        "flow_data.collected_parameters")).containsExactly("order");
  }

  @Test
  void aRequestIdWrittenAsANumberIsItsText() throws SQLException {
    assertThat(rows("SELECT session_id, request_id FROM insights.request_ids WHERE TRUE", null, "request_ids"))
        .containsExactlyInAnyOrder("lists-a; 22", "lists-a; 44", "lists-b; r-b-1");
    // the document's example: request id "22" or "44"
    assertThat(rows("SELECT session_id, request_id FROM insights.request_ids WHERE request_id IN ('22', '44')",
        "{\"should\":[" + term("request_ids", "22") + "," + term("request_ids", "44") + "]}", "request_ids"))
        .containsExactlyInAnyOrder("lists-a; 22", "lists-a; 44");
  }
}
