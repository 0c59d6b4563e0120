package io.convosql.sandbox.pathsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The Jackson mapper, the envelopes and the time formats every PathSim answer is written with. */
final class Wire {
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** The Test History "Time" column: {@code 08/08/2025 18:00}, UTC. */
  static final DateTimeFormatter TABLE_TIME =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm").withZone(ZoneOffset.UTC);
  /** Workspace timestamps: ISO-8601 with milliseconds, {@code 2025-01-01T00:00:00.000Z}. */
  static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Wire() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code {"success":true,"data":...}}, as a node so a caller can add more fields. */
  static ObjectNode success(JsonNode data) {
    ObjectNode body = object().put("success", true);
    body.set("data", data);
    return body;
  }

  /** {@code {"success":false,"error":message}} as JSON text. */
  static String error(String message) {
    return write(object().put("success", false).put("error", message));
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
