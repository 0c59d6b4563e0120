package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.JsonFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One answer of the search endpoint, read tolerantly where the document leaves the shape open and
 * strictly where a misreading would change the answer. The hits are a top-level list, {@code hits}
 * as a list or as ElasticSearch's {@code {hits:{hits:[...]}}}, each hit bare or under
 * {@code _source}; the total is a number, numeric text or {@code {value, relation}}, or absent.
 * Missing or null hits, a total that is none of these, and a hit that is not a session document
 * with an id and a start time (every search asks for both) are errors naming the field: a hit
 * without a start time would otherwise be dropped silently, and a bad total would end the paging.
 *
 * @param total the number of matching documents, or -1 when the answer does not say
 * @param totalExact false when the total is only a lower bound: {@code relation: gte}, or a bare
 *     10,000, which a service on ElasticSearch's defaults gives for every larger count too
 */
record SearchAnswer(List<JsonNode> hits, long total, boolean totalExact) {
  private static final String DOCUMENTS = "a list of session documents";
  private static final String COUNT = "a whole number of at least 0";

  SearchAnswer {
    hits = List.copyOf(hits);
  }

  static SearchAnswer of(JsonNode body, String path) {
    AnswerPlace root = DocValues.place(path);
    if (body.isArray()) {
      return new SearchAnswer(documents(body, root, ""), -1, true);
    }
    if (!body.isObject()) {
      throw root.badHere(body, "an object with hits and total");
    }
    JsonNode hits = body.get("hits");
    JsonNode total = body.get("total");
    AnswerPlace list = root;
    AnswerPlace totalPlace = root;
    if (hits != null && hits.isObject() && hits.has("hits")) {
      list = root.in("hits"); // ElasticSearch's shape
      if (hits.has("total")) {
        total = hits.get("total");
        totalPlace = list;
      }
      hits = hits.get("hits");
    }
    if (hits == null || !hits.isArray()) {
      throw list.bad("hits", hits, DOCUMENTS);
    }
    List<JsonNode> docs = documents(hits, list, "hits");
    JsonNode relation = total != null && total.isObject() ? total.get("relation") : null;
    String r = relation == null || relation.isNull() ? "eq" : relation.asText();
    if (!relation(relation)) {
      throw totalPlace.in("total").bad("relation", relation, "\"eq\" or \"gte\"");
    }
    long count = count(total, totalPlace);
    // A bare 10,000 is what a service on ElasticSearch's defaults says for any larger count too.
    boolean bareCap = (relation == null || relation.isNull()) && count == WindowCounts.CAPPED;
    return new SearchAnswer(docs, count, !r.equals("gte") && !bareCap);
  }

  /**
   * The documents of a get-by-id answer, whose shape the API does not document: a bare document, a
   * list, or an envelope with {@code hits}.
   */
  static List<JsonNode> documents(JsonNode body, String path) {
    if (body.isArray() || body.isObject() && body.has("hits")) {
      return of(body, path).hits();
    }
    AnswerPlace root = DocValues.place(path);
    if (!body.isObject()) {
      throw root.badHere(body, "a session document");
    }
    return List.of(document(body, root));
  }

  private static List<JsonNode> documents(JsonNode hits, AnswerPlace list, String name) {
    List<JsonNode> docs = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      AnswerPlace hit = list.at(name, i);
      JsonFields.requireObject(hits.get(i), hit, "a session document");
      JsonNode source = JsonFields.object(hits.get(i), "_source", hit, "a session document");
      docs.add(source == null ? document(hits.get(i), hit) : document(source, hit.in("_source")));
    }
    return docs;
  }

  /** A session document, which has the id and the start time every search and get asks for. */
  private static JsonNode document(JsonNode doc, AnswerPlace at) {
    JsonFields.requiredText(doc, "id", at, "the session id");
    JsonNode start = doc.get("session_start_time");
    if (start == null || start.isNull()) {
      throw at.bad("session_start_time", start, DocValues.TIME_EXAMPLE);
    }
    DocValues.read(start, SqlTypeName.TIMESTAMP, false, at, "session_start_time");
    return doc;
  }

  private static boolean relation(@Nullable JsonNode relation) {
    return relation == null || relation.isNull() || relation.isTextual()
        && (relation.asText().equals("eq") || relation.asText().equals("gte"));
  }

  /** The total: a whole number of at least 0, as a number or text, or an object's {@code value}. */
  private static long count(@Nullable JsonNode total, AnswerPlace at) {
    if (total == null || total.isNull()) {
      return -1;
    }
    if (total.isObject()) {
      JsonNode value = total.get("value");
      if (value == null || value.isNull()) {
        throw at.in("total").bad("value", value, COUNT);
      }
      return count(value, at.in("total"), "value");
    }
    return count(total, at, "total");
  }

  private static long count(JsonNode v, AnswerPlace at, String name) {
    if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
      return v.longValue();
    }
    if (v.isTextual() && v.asText().strip().matches("[0-9]{1,18}")) {
      return Long.parseLong(v.asText().strip());
    }
    throw at.bad(name, v, COUNT);
  }
}
