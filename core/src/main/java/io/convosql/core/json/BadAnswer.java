package io.convosql.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.convosql.core.http.ApiException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The error for an answer that parsed as JSON but that the driver cannot read: a field whose value
 * has the wrong kind or form, or a required field that is missing or null. The message names the
 * API, the endpoint, the field (as a path into the answer, e.g. {@code data[3].Time}), the value
 * (abbreviated) and what was expected; the SQLState is 22000 (data exception). The query stops
 * rather than return a wrong value.
 */
public final class BadAnswer {
  /** The most characters of a value a message shows. */
  static final int SHOWN = 60;
  static final String HINT = "the API sent an answer the driver cannot read, so the query stops"
      + " rather than return a wrong value; report it with the endpoint and field";

  private BadAnswer() {}

  /**
   * The error for {@code subject} (e.g. {@code field data[3].Time}) holding {@code value}.
   *
   * @param value the value found; null or a missing node when the field is absent
   * @param expected what the field should hold, e.g. {@code a time like "08/08/2025 18:00"}
   */
  public static ApiException of(String api, String path, String subject, @Nullable JsonNode value,
      String expected) {
    boolean absent = value == null || value.isMissingNode();
    String summary = absent || value.isNull() ? "the answer lacks a required field"
        : "the answer has a bad value";
    String shown = absent ? "missing" : show(value);
    String detail = subject + " is " + shown + ", expected " + expected;
    return new ApiException(api, "GET", path, 200, summary, detail, HINT, "22000", null);
  }

  /** A value as a message shows it: JSON, strings quoted, cut after {@value #SHOWN} characters. */
  public static String show(JsonNode value) {
    if (value.isTextual()) {
      String s = value.textValue();
      if (s.length() <= SHOWN) {
        return quote(s);
      }
      return quote(s.substring(0, SHOWN)) + "… (" + s.length() + " characters)";
    }
    if (value.isContainerNode()) {
      String kind = value.isObject() ? "an object " : "a list ";
      String s = value.toString();
      return kind + (s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "…");
    }
    return value.toString();
  }

  /**
   * A string as JSON writes it. Readers name every row by its quoted id before reading it, so the
   * common case (printable ASCII with nothing to escape) skips Jackson's writer, whose answer it is.
   */
  private static String quote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return JsonNodeFactory.instance.textNode(s).toString();
      }
    }
    return '"' + s + '"';
  }
}
