package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.JsonFields;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.util.regex.Pattern;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads document values into column values: text from strings, numbers and booleans; numbers and
 * booleans also from their text (the API's document writes its page fields as text); timestamps
 * from ISO text. A missing or null value is SQL NULL; a value the column cannot hold fails the
 * query, naming the endpoint and the field. An object or a list is text only in free-form columns
 * (payloads, status messages, parameter values), as its JSON; anywhere else it is an error, as is
 * an object path that runs through something other than an object.
 */
final class DocValues {
  static final String TIME_EXAMPLE = "an ISO date and time like \"2020-10-08T17:09:27.758983\"";
  /** Longer text is no time and is not handed to the parser. */
  private static final int MAX_TIME_LENGTH = 64;
  /** A whole number as text: at most 19 digits (BIGINT), an optional zero fraction, no exponent. */
  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]{1,19}(\\.0{0,20})?");
  /** A number as text: JSON's number syntax, with an optional sign. */
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private DocValues() {}

  /** The root of an answer of the Insights API, for naming its fields in errors. */
  static AnswerPlace place(String path) {
    return AnswerPlace.of(InsightsApi.SPEC.name(), path);
  }

  /** The node at a dotted path below {@code node}; missing when any step is absent or null. */
  static JsonNode at(JsonNode node, String path, AnswerPlace place) {
    JsonNode n = node;
    String walked = "";
    for (String step : path.split("\\.")) {
      if (!n.isObject()) {
        if (n.isMissingNode() || n.isNull()) {
          return MissingNode.getInstance();
        }
        throw walked.isEmpty() ? place.badHere(n, "an object") : place.bad(walked, n, "an object");
      }
      walked = walked.isEmpty() ? step : walked + "." + step;
      n = n.path(step);
    }
    return n;
  }

  /** A search hit's value as a column of the given type (how WindowPages reads start times). */
  static @Nullable Object read(JsonNode node, SqlTypeName type, String field) {
    return read(node, type, false, place(InsightsApi.SEARCH), field);
  }

  /**
   * The value of {@code node}, the field {@code name} at {@code place}, for a column of the type.
   *
   * @param json whether an object or a list reads as its JSON text (free-form columns)
   */
  static @Nullable Object read(JsonNode node, SqlTypeName type, boolean json, AnswerPlace place,
      String name) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    switch (type) {
      case VARCHAR:
        return text(node, json, place, name);
      case BIGINT:
        return whole(node, place, name, LONG_MIN, LONG_MAX).longValue();
      case INTEGER:
        return whole(node, place, name, BigDecimal.valueOf(Integer.MIN_VALUE),
            BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
      case DOUBLE:
        return number(node, place, name);
      case BOOLEAN:
        return bool(node, place, name);
      case TIMESTAMP:
        return timestamp(node, place, name);
      default:
        throw new IllegalArgumentException("no reader for " + type);
    }
  }

  /** A scalar as text (numbers in plain notation); an object or list as its JSON text. */
  static @Nullable String text(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return node.isContainerNode() ? node.toString() : JsonFields.scalar(node);
  }

  private static String text(JsonNode node, boolean json, AnswerPlace place, String name) {
    boolean infinite = node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
    if (node.isContainerNode() && !json || infinite) {
      throw place.bad(name, node, "text");
    }
    return text(node);
  }

  private static BigDecimal whole(JsonNode node, AnswerPlace place, String name, BigDecimal min,
      BigDecimal max) {
    BigDecimal d = null;
    if (node.isIntegralNumber()) {
      d = new BigDecimal(node.bigIntegerValue());
    } else if (node.isFloatingPointNumber() && Double.isFinite(node.doubleValue())) {
      d = node.decimalValue();
    } else if (node.isTextual() && WHOLE.matcher(node.asText().strip()).matches()) {
      d = new BigDecimal(node.asText().strip());
    }
    if (d != null && d.stripTrailingZeros().scale() <= 0 && d.compareTo(min) >= 0
        && d.compareTo(max) <= 0) {
      return d.setScale(0, RoundingMode.UNNECESSARY);
    }
    boolean outOfRange = d != null && d.stripTrailingZeros().scale() <= 0;
    throw place.bad(name, node, outOfRange ? "a whole number from " + min + " to " + max
        : "a whole number");
  }

  /** A finite number, or its text (plain or with an exponent). */
  private static Double number(JsonNode node, AnswerPlace place, String name) {
    double d = Double.NaN;
    if (node.isNumber()) {
      d = node.doubleValue();
    } else if (node.isTextual() && NUMBER.matcher(node.asText().strip()).matches()) {
      d = Double.parseDouble(node.asText().strip());
    }
    if (!Double.isFinite(d)) {
      throw place.bad(name, node, "a number");
    }
    return d;
  }

  private static Boolean bool(JsonNode node, AnswerPlace place, String name) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String s = node.isTextual() ? node.asText().strip() : "";
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw place.bad(name, node, "true or false");
  }

  private static Long timestamp(JsonNode node, AnswerPlace place, String name) {
    if (node.isTextual() && node.asText().length() <= MAX_TIME_LENGTH) {
      try {
        return IsoTimes.parseMillis(node.asText());
      } catch (DateTimeException e) {
        // reported below
      }
    }
    throw place.bad(name, node, TIME_EXAMPLE);
  }
}
