package io.convosql.driver.differential;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of the Insights tables derived straight from the session documents, as the Insights API
 * document and the README's table reference define each column; written apart from the adapter (it
 * shares none of its code), to be the independent answer of {@link DocumentDifferentialTest}.
 * Values are Calcite's in-memory representation: TIMESTAMP as epoch milliseconds, INTEGER as int.
 */
final class DocumentRows {
  private DocumentRows() {}

  /** {@code insights.sessions}: one row per document. */
  static Object[] session(JsonNode d) {
    JsonNode agent = d.path("agent_information");
    JsonNode channel = d.path("channel_data");
    return new Object[] {text(d, "id"), start(d), text(d, "status"), text(d, "channel"),
        text(d, "source"), text(d, "destination"), text(d, "account_id"), text(d, "language"),
        text(agent, "id"), text(agent, "name"), text(agent, "version_id"), text(agent, "voice"),
        text(agent, "language"), text(channel, "call_status"), bigint(channel, "duration"),
        integer(channel, "status_code"), text(channel, "audio_url"), d.toString()};
  }

  /** {@code insights.transcript_lines}: one row per turn; the key is the speaker. */
  static List<Object[]> transcriptLines(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    int line = 0;
    for (JsonNode turn : d.path("transcription")) {
      Iterator<Map.Entry<String, JsonNode>> said = turn.fields();
      while (said.hasNext()) {
        Map.Entry<String, JsonNode> e = said.next();
        String speaker = e.getKey();
        out.add(new Object[] {text(d, "id"), start(d), ++line, speaker,
            speaker.equals("user") ? "user" : "agent", value(e.getValue())});
      }
    }
    return out;
  }

  /** {@code insights.tags}: one row per element of {@code tags_list}. */
  static List<Object[]> tags(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    for (JsonNode t : d.path("tags_list")) {
      out.add(new Object[] {text(d, "id"), start(d), text(t, "category"), text(t, "tag"), integer(t, "count")});
    }
    return out;
  }

  /** {@code insights.flow_path}: one row per step, numbered from 1. */
  static List<Object[]> flowPath(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    int step = 0;
    for (JsonNode s : d.path("flow_path")) {
      JsonNode request = s.path("request");
      JsonNode response = s.path("response");
      JsonNode context = s.path("context");
      out.add(new Object[] {text(d, "id"), start(d), ++step, text(s, "node_id"), text(s, "type"),
          text(s, "request_id"), bigint(s, "execution_time"), bool(s, "synchronized"),
          text(request, "verb"), text(request, "url"), json(request, "headers"), json(request, "payload"),
          integer(response, "code"), json(response, "payload"), text(context, "user_input"),
          integer(context.path("status"), "code"), json(context.path("status"), "message"), text(context, "url")});
    }
    return out;
  }

  /** {@code insights.parameters}: one row per element of {@code params_list}. */
  static List<Object[]> parameters(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    for (JsonNode p : d.path("params_list")) {
      // the entity type is "type" in answers and "entity" in the document's model
      Object type = p.hasNonNull("type") ? text(p, "type") : text(p, "entity");
      out.add(new Object[] {text(d, "id"), start(d), text(p, "name"), type, json(p, "value"),
          text(p, "value_text"), bool(p, "completed"), text(p, "audio_url")});
    }
    return out;
  }

  /** {@code insights.collected_tags}: one row per element of {@code flow_data.collected_tags}, numbered. */
  static List<Object[]> collectedTags(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    int n = 0;
    for (JsonNode t : d.path("flow_data").path("collected_tags")) {
      out.add(new Object[] {text(d, "id"), start(d), ++n, text(t, "tag"), text(t, "category")});
    }
    return out;
  }

  /** {@code insights.collected_parameters}: one row per element of {@code flow_data.collected_parameters}. */
  static List<Object[]> collectedParameters(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    int n = 0;
    for (JsonNode p : d.path("flow_data").path("collected_parameters")) {
      out.add(new Object[] {text(d, "id"), start(d), ++n, text(p, "name"), entityType(p), json(p, "value"),
          text(p, "value_text"), bool(p, "completed"), text(p, "audio_url")});
    }
    return out;
  }

  /** {@code insights.request_ids}: one row per element of {@code request_ids}, the id itself. */
  static List<Object[]> requestIds(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    for (JsonNode r : d.path("request_ids")) {
      out.add(new Object[] {text(d, "id"), start(d), value(r)});
    }
    return out;
  }

  /** {@code insights.node_tags}: one row per tag of each flow_path node, with the node's step number. */
  static List<Object[]> nodeTags(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    int step = 0;
    for (JsonNode s : d.path("flow_path")) {
      step++;
      for (JsonNode t : s.path("tags")) {
        out.add(new Object[] {text(d, "id"), start(d), step, text(t, "tag"), text(t, "category")});
      }
    }
    return out;
  }

  /** {@code insights.execution_parameters}: each node's {@code context.execution_parameters}. */
  static List<Object[]> executionParameters(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    int step = 0;
    for (JsonNode s : d.path("flow_path")) {
      step++;
      for (JsonNode p : s.path("context").path("execution_parameters")) {
        out.add(new Object[] {text(d, "id"), start(d), step, text(p, "name"), entityType(p), json(p, "value"),
            text(p, "value_text"), bool(p, "completed"), text(p, "audio_url")});
      }
    }
    return out;
  }

  /** {@code insights.altered_parameters}: each node's {@code context.altered_parameters}. */
  static List<Object[]> alteredParameters(JsonNode d) {
    List<Object[]> out = new ArrayList<>();
    int step = 0;
    for (JsonNode s : d.path("flow_path")) {
      step++;
      for (JsonNode a : s.path("context").path("altered_parameters")) {
        JsonNode duration = a.get("audio_duration");
        out.add(new Object[] {text(d, "id"), start(d), step, text(a, "alteration_source"), text(a, "name"),
            text(a, "entity"), json(a, "value"), text(a, "value_text"), text(a, "audio_url"),
            duration == null || duration.isNull() ? null : Double.valueOf(duration.asText())});
      }
    }
    return out;
  }

  /** The entity type is "type" in answers and "entity" in the document's model. */
  private static String entityType(JsonNode p) {
    return p.hasNonNull("type") ? text(p, "type") : text(p, "entity");
  }

  private static Long start(JsonNode d) {
    // the document's microseconds, cut to SQL's milliseconds
    return LocalDateTime.parse(d.path("session_start_time").asText()).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static String text(JsonNode n, String field) {
    return value(n.get(field));
  }

  private static String value(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode() ? null : v.isValueNode() ? v.asText() : v.toString();
  }

  /** Free-form payloads: a string as it is, an object or list as its JSON text. */
  private static String json(JsonNode n, String field) {
    return value(n.get(field));
  }

  private static Long bigint(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asLong();
  }

  private static Integer integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asInt();
  }

  private static Boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asBoolean();
  }
}
