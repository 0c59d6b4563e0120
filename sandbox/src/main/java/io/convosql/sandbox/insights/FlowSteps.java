package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Builds the {@code flow_path} steps of one session, shaped like the API document's example. */
final class FlowSteps {
  private static final String SPEAK_URL = "http://telephony-connector.ai.vonage.com/api/actions/speak";
  private static final String MESSAGE_URL = "http://messaging-connector.ai.vonage.com/api/actions/send_message";
  private static final String JSON_HEADERS = "{\"Content-Type\": \"application/json\"}";

  private final String sessionId;
  private final InsightsAgent agent;
  private final String channel;

  FlowSteps(String sessionId, InsightsAgent agent, String channel) {
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.agent = Objects.requireNonNull(agent, "agent");
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  /** The agent speaks (voice) or sends a message (whatsapp, http); questions wait for input. */
  ObjectNode say(String nodeId, String requestId, String text, boolean question, ArrayNode params, int time) {
    boolean voice = channel.equals("voice");
    String type = voice ? "speak" : "send_message";
    if (channel.equals("http")) {
      return step(type, nodeId, requestId, params, time, "", "", "", 200, "", 200, "");
    }
    Map<String, Object> fields = new TreeMap<>(Map.of(
        "session_id", sessionId, "action_id", nodeId, "is_collect_input", question, "type", type,
        "text", text, "language_code", agent.language()));
    if (voice) {
      fields.put("voice_id", agent.voice());
    }
    String payload = pythonJson(fields);
    String answer = "{\"message\": \"Successfully registered " + type.toUpperCase(Locale.ROOT)
        + " action for session_id: " + sessionId + "\"}";
    String url = voice ? SPEAK_URL : MESSAGE_URL;
    return step(type, nodeId, requestId, params, time, JSON_HEADERS, payload, url, 201, answer, 201, answer);
  }

  /** A node that runs inside the platform: start, collect_input, param_completion, end_call. */
  ObjectNode internal(String type, String nodeId, String requestId, String userInput, ArrayNode params,
      int time) {
    ObjectNode step = step(type, nodeId, requestId, params, time, "", "", "", 200, "", 200, "");
    ((ObjectNode) step.get("context")).put("user_input", userInput);
    return step;
  }

  /** A webhook call to the agent's back end, failing with a 500 when {@code ok} is false. */
  ObjectNode webhook(String nodeId, String requestId, Scenario.Webhook hook, String payload, boolean ok,
      ArrayNode params, int time) {
    int code = ok ? 200 : 500;
    String answer = ok ? "{\"status\": \"ok\"}" : "{\"error\": \"Internal Server Error\"}";
    ObjectNode step = step("webhook", nodeId, requestId, params, time, JSON_HEADERS, payload, hook.url(), code,
        answer, code, answer);
    ((ObjectNode) step.get("request")).put("verb", hook.verb());
    ((ObjectNode) step.get("context")).put("output", answer);
    return step;
  }

  /**
   * Records in a step's {@code context.altered_parameters} (the fields the document's ID list gives
   * it) that the step changed a parameter: its name, entity, new value and the caller's words, and
   * the recording when there is one.
   */
  static void altered(ObjectNode step, String source, ObjectNode parameter) {
    ObjectNode change = ((ObjectNode) step.get("context")).withArray("altered_parameters").addObject()
        .put("alteration_source", source).put("name", parameter.path("name").asText())
        .put("entity", parameter.path("type").asText());
    change.set("value", parameter.get("value").deepCopy());
    change.put("value_text", parameter.path("value_text").asText());
    if (parameter.has("audio_url")) {
      change.put("audio_url", parameter.get("audio_url").asText());
    }
  }

  /** Adds a collected tag to a step's {@code tags}. */
  static void tag(ObjectNode step, String tag, String category) {
    ((ArrayNode) step.get("tags")).addObject().put("tag", tag).put("category", category);
  }

  private static ObjectNode step(String type, String nodeId, String requestId, ArrayNode params, int time,
      String headers, String payload, String url, int responseCode, String responsePayload, int statusCode,
      String statusMessage) {
    ObjectNode step = Json.object();
    step.put("synchronized", true);
    step.putObject("request").put("headers", headers).put("payload", payload).put("verb", "POST").put("url", url);
    step.putObject("response").put("code", responseCode).put("payload", responsePayload);
    ObjectNode context = step.putObject("context");
    context.putNull("output");
    context.put("user_input", "");
    context.set("execution_parameters", params.deepCopy());
    context.put("url", url);
    context.putObject("status").put("code", statusCode).put("message", statusMessage);
    step.put("type", type);
    step.put("request_id", requestId);
    step.put("node_id", nodeId);
    step.putArray("tags");
    step.put("execution_time", time);
    return step;
  }

  /** JSON text as Python's {@code json.dumps} writes it (", " and ": "), in the map's key order. */
  static String pythonJson(Map<String, ?> fields) {
    StringJoiner out = new StringJoiner(", ", "{", "}");
    fields.forEach((key, value) -> out.add(Json.quote(key) + ": " + scalar(value)));
    return out.toString();
  }

  private static String scalar(Object value) {
    return value instanceof String s ? Json.quote(s) : String.valueOf(value);
  }

  /** The execution parameter entry of a slot, empty until the caller has given it. */
  static ObjectNode parameter(Scenario.Slot slot, Scenario.Answer answer) {
    ObjectNode p = Json.object();
    p.put("value_text", answer == null ? "" : answer.valueText());
    p.put("name", slot.name());
    p.put("completed", answer != null);
    p.put("type", slot.type());
    p.put("value", answer == null ? "" : answer.value());
    return p;
  }
}
