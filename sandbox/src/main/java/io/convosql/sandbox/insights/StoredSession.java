package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One stored session: its document (never mutated once stored, never handed out, possibly sharing
 * subtrees with other stored documents) and the analysed words of each field a {@code match} has asked
 * about.
 */
final class StoredSession {
  private final String id;
  private final long startMicros;
  private final ObjectNode document;
  private final Map<String, Set<String>> words = new ConcurrentHashMap<>();

  /** Takes ownership of {@code document}, which needs a text {@code id} and a {@code session_start_time}. */
  StoredSession(ObjectNode document) {
    this.document = Objects.requireNonNull(document, "document");
    JsonNode id = document.get("id");
    JsonNode start = document.get("session_start_time");
    if (id == null || !id.isTextual() || start == null || !start.isTextual()) {
      throw new IllegalArgumentException("a session needs a text id and session_start_time");
    }
    this.id = id.asText();
    try {
      this.startMicros = IsoTime.parse(start.asText()).micros();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unparseable session_start_time: " + start.asText(), e);
    }
  }

  String id() {
    return id;
  }

  long startMicros() {
    return startMicros;
  }

  LocalDate day() {
    return IsoTime.day(startMicros);
  }

  /** The stored tree; callers must not modify it. */
  JsonNode document() {
    return document;
  }

  String json() {
    return Json.write(document);
  }

  ObjectNode copy() {
    return document.deepCopy();
  }

  /** The words {@code match} sees in a field, analysed once per field. */
  Set<String> words(String field) {
    return words.computeIfAbsent(field, f -> {
      Set<String> all = new HashSet<>();
      for (JsonNode value : FieldValues.forFilter(document, f)) {
        all.addAll(TextWords.of(value.asText()));
      }
      return Set.copyOf(all);
    });
  }
}
