package io.convosql.driver.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.Sandbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored sessions with {@code flow_path[].context.altered_parameters}, which the generator never
 * writes, so that {@code insights.altered_parameters} has rows to query: copies of a few stored
 * sessions (new ids, one second later) whose nodes record each parameter they completed, as the
 * API document's ID fields describe the list.
 */
final class AlteredSessions {
  private static final int COPIES = 3;

  private AlteredSessions() {}

  static void addTo(Sandbox sandbox) {
    List<ObjectNode> sources = sandbox.insights().data().documents().stream()
        .filter(d -> d.path("params_list").size() > 0).limit(COPIES).toList();
    for (ObjectNode d : sources) {
      ObjectNode copy = d.deepCopy();
      String start = d.get("session_start_time").asText();
      copy.put("id", "a17e0000-0000-4000-8000-" + d.get("id").asText().substring(24));
      copy.put("session_start_time", start.substring(0, 17) + (start.charAt(17) == '5' ? "0" : "5")
          + start.substring(18));
      Map<String, String> before = new HashMap<>();
      int step = 0;
      for (JsonNode node : copy.path("flow_path")) {
        step++;
        ArrayNode altered = null;
        for (JsonNode p : node.path("context").path("execution_parameters")) {
          String value = p.path("value").asText();
          if (p.path("completed").asBoolean() && !value.equals(before.put(p.path("name").asText(), value))) {
            if (altered == null) {
              altered = ((ObjectNode) node.get("context")).putArray("altered_parameters");
            }
            ObjectNode a = altered.addObject().put("alteration_source", "completed")
                .put("name", p.path("name").asText()).put("entity", p.path("type").asText()).put("value", value)
                .put("value_text", p.path("value_text").asText());
            if (step % 2 == 0) {
              a.put("audio_url", "altered/" + p.path("name").asText() + ".mp3").put("audio_duration", 0.5 * step);
            }
          }
        }
      }
      sandbox.insights().data().add(copy);
    }
  }
}
