package io.convosql.adapter.pathsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;

/**
 * Checks the envelope of a sessions list page before it is paged on: {@code data} is a list and
 * {@code pagination} an object whose {@code hasMore} is true or false (also as text) and whose
 * {@code total}, {@code limit} and {@code offset} are whole numbers of at least 0 (also as text),
 * with {@code hasMore} or a {@code total} present to tell whether more pages follow. Otherwise the
 * page is an error naming the field, never read as the last page: a {@code "hasMore": "yes"} or a
 * {@code "total": "abc"} would otherwise end the listing early, silently.
 *
 * <p>{@link SessionPages} must call {@link #check} on each page it receives; with the check passed,
 * its readings ({@code asBoolean}, {@code asLong}, {@code asInt}) of these fields are exact.
 */
final class SessionsPageShape {
  static final String PAGINATION = "an object with total, limit, offset and hasMore";

  private SessionsPageShape() {}

  static void check(JsonNode body, String path) {
    AnswerPlace at = PathSimValues.place(path);
    JsonNode data = body.get("data");
    if (data == null || !data.isArray()) {
      throw at.bad("data", data, "a list of sessions");
    }
    JsonNode pagination = body.get("pagination");
    if (pagination == null || !pagination.isObject()) {
      throw at.bad("pagination", pagination, PAGINATION);
    }
    AnswerPlace p = at.in("pagination");
    JsonNode hasMore = pagination.get("hasMore");
    if (hasMore != null && !isBoolean(hasMore)) {
      throw p.bad("hasMore", hasMore, "true or false");
    }
    JsonNode total = pagination.get("total");
    if (hasMore == null && (total == null || total.isNull())) {
      throw p.bad("hasMore", null, "true or false (or a total to page by)");
    }
    for (String count : new String[] {"total", "limit", "offset"}) {
      JsonNode v = pagination.get(count);
      if (v != null && !v.isNull() && !isCount(v)) {
        throw p.bad(count, v, "a whole number of at least 0");
      }
    }
  }

  private static boolean isBoolean(JsonNode v) {
    return v.isBoolean() || v.isTextual() && (v.asText().strip().equals("true")
        || v.asText().strip().equals("false"));
  }

  private static boolean isCount(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() && v.longValue() >= 0;
    }
    return v.isTextual() && v.asText().strip().matches("[0-9]{1,18}");
  }
}
