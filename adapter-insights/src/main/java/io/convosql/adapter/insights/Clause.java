package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One query component of {@code filter_by}: {@code {"term": {field: value}}} or
 * {@code {"match": {field: words}}}. Values are text, as the API compares them; a value known only
 * when the statement runs is a parameter, shown as {@code ?N}.
 */
record Clause(String kind, String field, Object value) {
  Clause {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
  }

  static Clause term(String field, Object value) {
    return new Clause("term", field, value);
  }

  static Clause match(String field, Object words) {
    return new Clause("match", field, words);
  }

  ObjectNode json() {
    ObjectNode inner = JsonNodeFactory.instance.objectNode().put(field, value.toString());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set(kind, inner);
    return out;
  }

  /** The {@code filter_by} JSON of the three lists (empty ones left out), or null when all are empty. */
  static @Nullable String filterBy(List<Clause> must, List<Clause> mustNot, List<Clause> should) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    add(root, "must", must);
    add(root, "must_not", mustNot);
    add(root, "should", should);
    return root.isEmpty() ? null : root.toString();
  }

  private static void add(ObjectNode root, String key, List<Clause> clauses) {
    if (!clauses.isEmpty()) {
      ArrayNode list = root.putArray(key);
      clauses.forEach(c -> list.add(c.json()));
    }
  }
}
