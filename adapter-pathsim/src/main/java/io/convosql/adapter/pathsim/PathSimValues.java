package io.convosql.adapter.pathsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads PathSim's JSON values into column values: NULL where a field is absent or null, the value
 * where it has the documented form, and a clear error (naming the endpoint and field) otherwise.
 */
final class PathSimValues {
  private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm[:ss]");
  private static final Pattern DURATION =
      Pattern.compile("^\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?\\s*(?:(\\d+)\\s*s)?\\s*$");

  private PathSimValues() {}

  static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  static @Nullable Boolean bool(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual() && ("true".equalsIgnoreCase(v.asText()) || "false".equalsIgnoreCase(v.asText()))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw PathSimApi.dataError(path, field, "is not a boolean: " + abbreviate(v));
  }

  static @Nullable Integer integer(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < Integer.MAX_VALUE) {
      return (int) v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Integer.parseInt(v.asText().trim());
      } catch (NumberFormatException e) {
        // falls through to the error
      }
    }
    throw PathSimApi.dataError(path, field, "is not an integer: " + abbreviate(v));
  }

  /** The session start time: "08/08/2025 18:00" (UTC) as documented, or an ISO-8601 instant. */
  static @Nullable Long time(JsonNode node, String field, String path) {
    String s = text(node, field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(s.trim(), TABLE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s.trim()).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        try {
          return LocalDateTime.parse(s.trim()).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e3) {
          throw PathSimApi.dataError(path, field, "is not a time: " + abbreviate(node.get(field)));
        }
      }
    }
  }

  /** An epoch-milliseconds timestamp (a number, or an ISO instant as text). */
  static @Nullable Long epochMillis(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      try {
        return Instant.parse(v.asText().trim()).toEpochMilli();
      } catch (DateTimeParseException e) {
        // falls through to the error
      }
    }
    throw PathSimApi.dataError(path, field, "is not an epoch-millisecond timestamp: " + abbreviate(v));
  }

  /** A duration such as "4m 28s", "45s" or "1h 2m 5s", in seconds. */
  static @Nullable Integer durationSeconds(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    Matcher m = DURATION.matcher(v.asText());
    if (v.isTextual() && m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
      long seconds = group(m, 1) * 3600 + group(m, 2) * 60 + group(m, 3);
      if (seconds <= Integer.MAX_VALUE) {
        return (int) seconds;
      }
    }
    throw PathSimApi.dataError(path, field, "is not a duration like \"4m 28s\": " + abbreviate(v));
  }

  private static long group(Matcher m, int g) {
    return m.group(g) == null ? 0 : Long.parseLong(m.group(g));
  }

  private static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
