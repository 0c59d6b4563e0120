package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Shares equal subtrees between stored documents (the many identical requests, statuses and parameter
 * lists of flow paths), which is safe because stored documents are never modified; it about halves the
 * generated data's memory.
 */
final class NodeInterner {
  private final Map<Shape, JsonNode> canonical = new HashMap<>();

  /**
   * A container's identity once its children are canonical: its field names and the very child nodes,
   * so equal subtrees are found without comparing them deeply again.
   */
  private record Shape(boolean object, List<String> names, List<Identity> children) {}

  /** A child: a canonical container compared by reference, or a scalar compared by value. */
  private record Identity(JsonNode node) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity that
          && (that.node == node || !node.isContainerNode() && node.equals(that.node));
    }

    @Override
    public int hashCode() {
      return node.isContainerNode() ? System.identityHashCode(node) : node.hashCode();
    }
  }

  /** An equal tree whose containers are canonical; the argument is left as it was. */
  JsonNode intern(JsonNode node) {
    if (!node.isContainerNode()) {
      return node;
    }
    List<String> names = new ArrayList<>();
    List<Identity> children = new ArrayList<>();
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        names.add(field.getKey());
        children.add(new Identity(intern(field.getValue())));
      }
    } else {
      for (JsonNode element : node) {
        children.add(new Identity(intern(element)));
      }
    }
    Shape shape = new Shape(node.isObject(), names, children);
    return canonical.computeIfAbsent(shape, s -> build(node, names, children));
  }

  private static JsonNode build(JsonNode like, List<String> names, List<Identity> children) {
    if (like.isObject()) {
      ObjectNode object = Json.object();
      for (int i = 0; i < names.size(); i++) {
        object.set(names.get(i), children.get(i).node());
      }
      return object;
    }
    ArrayNode array = Json.NODES.arrayNode(children.size());
    children.forEach(child -> array.add(child.node()));
    return array;
  }
}
