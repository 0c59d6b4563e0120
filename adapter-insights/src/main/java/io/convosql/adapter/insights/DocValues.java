package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads document values into column values: text from strings, numbers and booleans; numbers and
 * booleans also from their text; timestamps from ISO text. A missing or null value is SQL NULL; a value
 * the column cannot hold fails the query, naming the field.
 */
final class DocValues {
  private DocValues() {}

  /** The node at a dotted path below {@code node}; missing when any step is absent. */
  static JsonNode at(JsonNode node, String path) {
    JsonNode n = node;
    for (String step : path.split("\\.")) {
      n = n.path(step);
    }
    return n;
  }

  /** The value of {@code node} for a column of the given type. */
  static @Nullable Object read(JsonNode node, SqlTypeName type, String field) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    switch (type) {
      case VARCHAR:
        return text(node);
      case BIGINT:
        return number(node, field).longValueExact();
      case INTEGER:
        return number(node, field).intValueExact();
      case BOOLEAN:
        return bool(node, field);
      case TIMESTAMP:
        return timestamp(node, field);
      default:
        throw new IllegalArgumentException("no reader for " + type);
    }
  }

  /** A scalar as text (numbers in plain notation); an object or array as its JSON text. */
  static @Nullable String text(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.isIntegralNumber() ? node.bigIntegerValue().toString()
          : node.decimalValue().stripTrailingZeros().toPlainString();
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static BigDecimal number(JsonNode node, String field) {
    try {
      BigDecimal d = node.isNumber() ? node.decimalValue()
          : node.isTextual() ? new BigDecimal(node.asText().strip()) : null;
      if (d != null) {
        return d.setScale(0, java.math.RoundingMode.UNNECESSARY);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw InsightsApi.dataError(field, "is not a whole number: " + abbreviate(node));
  }

  private static Boolean bool(JsonNode node, String field) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String s = node.asText().strip();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw InsightsApi.dataError(field, "is not true or false: " + abbreviate(node));
  }

  private static Long timestamp(JsonNode node, String field) {
    if (node.isTextual()) {
      try {
        return IsoTimes.parseMillis(node.asText());
      } catch (DateTimeException e) {
        // reported below
      }
    }
    throw InsightsApi.dataError(field, "is not an ISO date and time: " + abbreviate(node));
  }

  private static String abbreviate(JsonNode node) {
    String s = node.toString();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
