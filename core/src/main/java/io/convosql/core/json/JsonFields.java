package io.convosql.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Typed reads of an answer's fields that never guess: a field that is absent or null reads as null
 * (SQL NULL) unless it is required, a field of the right kind reads as its value, and anything else
 * is a {@link BadAnswer} naming the endpoint and field.
 */
public final class JsonFields {
  private JsonFields() {}

  /** The object in field {@code name}; null when absent or null. */
  public static @Nullable JsonNode object(JsonNode node, String name, AnswerPlace at,
      String expected) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw at.bad(name, v, expected);
    }
    return v;
  }

  /** The list in field {@code name}; null when absent or null. */
  public static @Nullable JsonNode array(JsonNode node, String name, AnswerPlace at,
      String expected) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw at.bad(name, v, expected);
    }
    return v;
  }

  /** {@code node} itself, which must be an object (a list's element, an answer's data). */
  public static JsonNode requireObject(@Nullable JsonNode node, AnswerPlace here, String expected) {
    if (node == null || !node.isObject()) {
      throw here.badHere(node, expected);
    }
    return node;
  }

  /**
   * A scalar field as text: a string as it is, a number in plain notation, {@code true} or
   * {@code false}; null when absent or null. An object or a list is an error, not its JSON text.
   */
  public static @Nullable String text(JsonNode node, String name, AnswerPlace at) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isContainerNode() || v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue())) {
      throw at.bad(name, v, "text"); // a number too large for a double would read as "Infinity"
    }
    return scalar(v);
  }

  /** Like {@link #text}, but a missing, null or blank value is an error. */
  public static String requiredText(JsonNode node, String name, AnswerPlace at, String expected) {
    String s = text(node, name, at);
    if (s == null || s.isBlank()) {
      throw at.bad(name, node.get(name), expected);
    }
    return s;
  }

  /**
   * A scalar's text: numbers in plain notation (never an exponent), booleans as true or false; a
   * floating-point number too large for a double as JSON writes it.
   */
  public static String scalar(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    if (v.isNumber() && (!v.isFloatingPointNumber() || Double.isFinite(v.doubleValue()))) {
      return v.decimalValue().stripTrailingZeros().toPlainString();
    }
    return v.asText();
  }
}
