package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The scalar values a dotted field path reaches in a document: arrays on the way are walked element by
 * element (as ElasticSearch flattens them), objects and nulls at the end count as no value, the
 * filter-only shortcuts ({@code parameters.<name>}, {@code tags.<name>}, {@code transcription.client})
 * are resolved here, and a field the document does not define has no value.
 */
final class FieldValues {
  static final String PARAMETERS_PREFIX = "parameters.";
  static final String TAGS_PREFIX = "tags.";
  private static final String USER = "user";
  private static final String TRANSCRIPTION = "transcription";
  private static final String CLIENT_TURNS = "transcription.client";

  private FieldValues() {}

  /** The values of a plain document path, as sorting and projection see the document. */
  static List<JsonNode> path(JsonNode document, String path) {
    List<JsonNode> out = new ArrayList<>();
    collect(document, path.split("\\.", -1), 0, out);
    return out;
  }

  /** The values a {@code term} or {@code match} on {@code field} compares with. */
  static List<JsonNode> forFilter(JsonNode document, String field) {
    if (field.equals(CLIENT_TURNS)) {
      return turns(document, USER::equals);
    }
    if (!DocumentedFields.contains(field) || field.startsWith(TRANSCRIPTION)) {
      return List.of(); // unmapped, or the turns as a whole, keyed by speaker
    }
    if (field.startsWith(PARAMETERS_PREFIX)) {
      List<JsonNode> out = new ArrayList<>();
      JsonNode value = document.path("params").path(field.substring(PARAMETERS_PREFIX.length())).get("value");
      collect(value, new String[0], 0, out);
      return out;
    }
    String tag = field.startsWith(TAGS_PREFIX) ? field.substring(TAGS_PREFIX.length()) : "";
    if (!tag.isEmpty() && tag.indexOf('.') < 0) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode category : document.path("tags")) {
        collect(category.get(tag), new String[0], 0, out);
      }
      return out;
    }
    return path(document, field);
  }

  /** The texts of the transcription's turns whose speaker ("user" or the agent's id) is picked. */
  private static List<JsonNode> turns(JsonNode document, Predicate<String> speaker) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode turn : document.path(TRANSCRIPTION)) {
      Iterator<Map.Entry<String, JsonNode>> fields = turn.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (speaker.test(field.getKey())) {
          collect(field.getValue(), new String[0], 0, out);
        }
      }
    }
    return out;
  }

  private static void collect(JsonNode node, String[] segments, int index, List<JsonNode> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, segments, index, out);
      }
    } else if (index == segments.length) {
      if (node.isValueNode()) {
        out.add(node);
      }
    } else if (node.isObject()) {
      collect(node.get(segments[index]), segments, index + 1, out);
    }
  }
}
