package io.convosql.sandbox.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed {@code project_fields}: each hit keeps only the listed dotted paths, nesting preserved. A path
 * naming an object or array keeps it whole; a path through an array keeps, in each element, the rest of
 * the path; objects and arrays left empty by that, and paths the document lacks, are left out. A field
 * the API document does not define is ignored.
 */
final class Projection {
  private final Node root;

  /** A node of the path tree: kept whole, or kept through some of its fields. */
  private static final class Node {
    boolean whole;
    final Map<String, Node> children = new HashMap<>();
  }

  private Projection(Node root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /**
   * Parses a JSON list of dotted paths. An empty list projects nothing away (the hits are whole), as
   * an empty include list does in ElasticSearch.
   */
  static Projection parse(String text) {
    JsonNode list;
    try {
      list = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid("not valid JSON");
    }
    if (list == null || !list.isArray()) {
      throw invalid("expected a JSON list of field names");
    }
    Node root = new Node();
    root.whole = list.isEmpty();
    for (JsonNode path : list) {
      if (!path.isTextual() || !path.asText().matches("[^.]+(\\.[^.]+)*")) {
        throw invalid("each field must be a dotted path such as \"agent_information.name\"");
      }
      if (!DocumentedFields.contains(path.asText())) {
        continue;
      }
      Node node = root;
      for (String segment : path.asText().split("\\.")) {
        node = node.children.computeIfAbsent(segment, s -> new Node());
      }
      node.whole = true;
    }
    return new Projection(root);
  }

  private static InvalidRequest invalid(String why) {
    return new InvalidRequest("Invalid project_fields: " + why);
  }

  /** The hit's JSON text: the whole document when nothing is projected away, else the kept tree. */
  String render(StoredSession session) {
    return root.whole ? session.json() : Json.write(object(session.document(), root));
  }

  /** The kept part of an object; it shares the stored nodes, so it is only written, never changed. */
  private static ObjectNode object(JsonNode source, Node node) {
    ObjectNode out = Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Node child = node.children.get(field.getKey());
      if (child == null) {
        continue;
      }
      JsonNode kept = child.whole ? field.getValue() : through(field.getValue(), child);
      if (kept != null) {
        out.set(field.getKey(), kept);
      }
    }
    return out;
  }

  /** What a path continuing below {@code value} keeps of it, or null for nothing. */
  private static JsonNode through(JsonNode value, Node node) {
    if (value.isObject()) {
      ObjectNode kept = object(value, node);
      return kept.isEmpty() ? null : kept;
    }
    if (value.isArray()) {
      ArrayNode kept = Json.NODES.arrayNode();
      for (JsonNode element : value) {
        JsonNode part = through(element, node);
        if (part != null) {
          kept.add(part);
        }
      }
      return kept.isEmpty() ? null : kept;
    }
    return null;
  }
}
