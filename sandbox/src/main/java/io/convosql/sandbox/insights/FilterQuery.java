package io.convosql.sandbox.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code filter_by}: every {@code must} clause matches, no {@code must_not} clause matches, and,
 * when {@code should} is given and not empty, at least one of its clauses matches (the document's reading,
 * even next to {@code must}).
 */
record FilterQuery(List<Clause> must, List<Clause> mustNot, List<Clause> should) {
  static final FilterQuery ALL = new FilterQuery(List.of(), List.of(), List.of());

  FilterQuery {
    must = List.copyOf(must);
    mustNot = List.copyOf(mustNot);
    should = List.copyOf(should);
  }

  /** Parses the JSON text; anything but the documented shape is an invalid request. */
  static FilterQuery parse(String text) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid("not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw invalid("expected a JSON object with must, must_not or should");
    }
    List<Clause> must = List.of();
    List<Clause> mustNot = List.of();
    List<Clause> should = List.of();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      List<Clause> clauses = clauses(entry.getKey(), entry.getValue());
      switch (entry.getKey()) {
        case "must" -> must = clauses;
        case "must_not" -> mustNot = clauses;
        case "should" -> should = clauses;
        default -> throw invalid("unknown key '" + entry.getKey() + "' (expected must, must_not or should)");
      }
    }
    return new FilterQuery(must, mustNot, should);
  }

  private static List<Clause> clauses(String key, JsonNode list) {
    if (!list.isArray()) {
      throw invalid("'" + key + "' must be a list of query components");
    }
    List<Clause> out = new ArrayList<>();
    for (JsonNode item : list) {
      out.add(clause(item));
    }
    return out;
  }

  private static Clause clause(JsonNode item) {
    if (!item.isObject() || item.size() != 1) {
      throw invalid("each query component must be an object with a single 'term' or 'match' key");
    }
    String kind = item.fieldNames().next();
    if (!kind.equals("term") && !kind.equals("match")) {
      throw invalid("unsupported query component '" + kind + "' (only term and match are supported)");
    }
    JsonNode body = item.get(kind);
    if (!body.isObject() || body.size() != 1) {
      throw invalid("'" + kind + "' must name exactly one field");
    }
    String field = body.fieldNames().next();
    JsonNode value = body.get(field);
    if (field.isEmpty()) {
      throw invalid("'" + kind + "' has an empty field name");
    }
    if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
      throw invalid("the value of " + kind + " '" + field + "' must be a string, number or boolean");
    }
    return kind.equals("term")
        ? new Clause.Term(field, value.asText())
        : new Clause.Match(field, TextWords.of(value.asText()));
  }

  private static InvalidRequest invalid(String why) {
    return new InvalidRequest("Invalid filter_by: " + why);
  }

  boolean matches(StoredSession session) {
    for (Clause clause : must) {
      if (!clause.matches(session)) {
        return false;
      }
    }
    for (Clause clause : mustNot) {
      if (clause.matches(session)) {
        return false;
      }
    }
    if (should.isEmpty()) {
      return true;
    }
    for (Clause clause : should) {
      if (clause.matches(session)) {
        return true;
      }
    }
    return false;
  }
}
