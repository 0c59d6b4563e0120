package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the search endpoint, read tolerantly: the hits (a top-level list, {@code hits} as a
 * list or as ElasticSearch's {@code {hits:{hits:[...]}}}, each hit bare or under {@code _source}) and
 * the total when the answer has one (a number, numeric text or {@code {value, relation}}).
 *
 * @param total the number of matching documents, or -1 when the answer does not say
 * @param totalExact false when the total is only a lower bound ({@code relation: gte})
 */
record SearchAnswer(List<JsonNode> hits, long total, boolean totalExact) {
  SearchAnswer {
    hits = List.copyOf(hits);
  }

  static SearchAnswer of(JsonNode body, String path) {
    JsonNode hits = body.isArray() ? body : body.path("hits");
    JsonNode total = body.path("total");
    if (hits.isObject() && hits.has("hits")) {
      total = hits.has("total") ? hits.get("total") : total;
      hits = hits.get("hits");
    }
    if (hits.isMissingNode() || hits.isNull()) {
      hits = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (!hits.isArray()) {
      throw InsightsApi.dataError(path, "hits", "is not a list");
    }
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode hit : hits) {
      docs.add(document(hit, path));
    }
    boolean exact = !"gte".equals(total.path("relation").asText(""));
    return new SearchAnswer(docs, totalOf(total.isObject() ? total.path("value") : total), exact);
  }

  /**
   * The documents of a get-by-id answer, whose shape the API does not document: a bare document, a
   * list, or an envelope with {@code hits}.
   */
  static List<JsonNode> documents(JsonNode body, String path) {
    if (body.isArray() || body.has("hits")) {
      return of(body, path).hits();
    }
    if (body.isObject() && body.size() > 0) {
      return List.of(document(body, path));
    }
    return List.of();
  }

  private static JsonNode document(JsonNode hit, String path) {
    JsonNode doc = hit.has("_source") && hit.get("_source").isObject() ? hit.get("_source") : hit;
    if (!doc.isObject()) {
      throw InsightsApi.dataError(path, "hits", "holds something other than session documents");
    }
    return doc;
  }

  private static long totalOf(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual() && node.asText().strip().matches("[0-9]{1,18}")) {
      return Long.parseLong(node.asText().strip());
    }
    return -1;
  }
}
