package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sandbox's stored documents, read directly (not through the adapter), as the independent answer
 * the adapter's rows are checked against.
 */
final class Docs {
  /** The start of the 60-day lookback window before the tests' "now". */
  static final Instant LOOKBACK = TestApi.NOW.minusSeconds(60L * 86_400);

  private Docs() {}

  static List<ObjectNode> all() {
    return TestApi.sandbox().insights().data().documents();
  }

  /** The documents that started in {@code [from, to)} and pass the test, by start time. */
  static List<ObjectNode> between(Instant from, Instant to, Predicate<JsonNode> test) {
    return all().stream().filter(d -> {
      Instant s = start(d);
      return !s.isBefore(from) && s.isBefore(to) && test.test(d);
    }).toList();
  }

  static Instant start(JsonNode doc) {
    return LocalDateTime.parse(doc.get("session_start_time").asText()).toInstant(ZoneOffset.UTC);
  }

  /** The start time as JDBC renders a TIMESTAMP(3): {@code 2025-08-01 10:15:00.250}, UTC wall clock. */
  static String jdbcStart(JsonNode doc) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .format(LocalDateTime.ofInstant(start(doc), ZoneOffset.UTC));
  }

  /** A document of the lookback window with the given property, the same one on every run. */
  static JsonNode oneSince(Instant from, Predicate<JsonNode> test) {
    return between(from, TestApi.NOW, test).get(0);
  }

  /** The text at a dotted path, or null when absent or null. */
  static String text(JsonNode doc, String path) {
    JsonNode n = doc;
    for (String step : path.split("\\.")) {
      n = n.path(step);
    }
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  static List<String> ids(List<? extends JsonNode> docs) {
    return docs.stream().map(d -> d.get("id").asText()).toList();
  }
}
