package io.convosql.adapter.pathsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.JsonFields;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads PathSim's JSON values into column values: NULL where a field is absent or null, the value
 * where it has the documented form, and a clear error (naming the endpoint and field) otherwise.
 * Every field the document shows is a string, a boolean or a whole number; an object or a list
 * where one is expected is an error, never its JSON text.
 */
final class PathSimValues {
  /** How the Test History table writes times; the API's example. */
  static final String TABLE_TIME_EXAMPLE = "a time like \"08/08/2025 18:00\"";
  private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm[:ss]");
  /** Longer text is no time in any form read here, and is not handed to the parsers. */
  private static final int MAX_TIME_LENGTH = 40;
  private static final Pattern DURATION = Pattern.compile(
      "^\\s*(?:(\\d{1,9})\\s*h)?\\s*(?:(\\d{1,9})\\s*m)?\\s*(?:(\\d{1,9})\\s*s)?\\s*$");

  private PathSimValues() {}

  /** The root of the answer of a PathSim endpoint, for naming its fields in errors. */
  static AnswerPlace place(String path) {
    return AnswerPlace.of(PathSimApi.SPEC.name(), path);
  }

  /** A text field: a string, or a number or boolean as its text; NULL when absent or null. */
  static @Nullable String text(JsonNode node, String field, AnswerPlace at) {
    return JsonFields.text(node, field, at);
  }

  static @Nullable Boolean bool(JsonNode node, String field, AnswerPlace at) {
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
    throw at.bad(field, v, "true or false");
  }

  /** A whole number: a JSON integer, a number with no fraction, or such a number as text. */
  static @Nullable Integer integer(JsonNode node, String field, AnswerPlace at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble())
        && Math.abs(v.asDouble()) <= Integer.MAX_VALUE) {
      return (int) v.asDouble();
    }
    if (v.isTextual() && v.asText().length() <= 12) {
      try {
        return Integer.parseInt(v.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw at.bad(field, v, "a whole number");
  }

  /**
   * A time as text: "08/08/2025 18:00" (UTC) as the Test History table writes it, or an ISO-8601
   * date and time (UTC without an offset). A blank string is NULL; a number is an error, since its
   * unit and epoch are not documented.
   *
   * @param expected what the message says the field should hold, with an example
   */
  static @Nullable Long time(JsonNode node, String field, AnswerPlace at, String expected) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().length() > MAX_TIME_LENGTH) {
      throw at.bad(field, v, expected);
    }
    String s = v.asText().strip();
    if (s.isEmpty()) {
      return null;
    }
    Long table = tableTime(s);
    if (table != null) {
      return table;
    }
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw at.bad(field, v, expected);
      }
    }
  }

  /**
   * A session's Time: NULL when absent or blank, epoch milliseconds when the text reads one way only
   * (ISO-8601, or a Test History date whose day and month fields are equal), and a
   * {@link TimeReading.TableTime} with both readings when it may be month first ({@code MM/dd/yyyy},
   * as {@link #time} reads it) or day first ({@code dd/MM/yyyy}): {@link TimeReading} then decides.
   * A text that is a time under neither reading is an error, as {@link #time} reports it.
   */
  static @Nullable Object sessionTime(JsonNode node, String field, AnswerPlace at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || !v.isTextual() || v.asText().length() > MAX_TIME_LENGTH) {
      return time(node, field, at, TABLE_TIME_EXAMPLE);
    }
    String s = v.asText().strip();
    if (s.length() < 6 || s.charAt(2) != '/' || s.charAt(5) != '/' || digits(s, 0, 2) < 0
        || digits(s, 3, 2) < 0) {
      return time(node, field, at, TABLE_TIME_EXAMPLE);
    }
    Long monthFirst = tableTime(s);
    Long dayFirst = tableTime(s.substring(3, 6) + s.substring(0, 3) + s.substring(6));
    if (monthFirst == null && dayFirst == null) {
      throw at.bad(field, v, TABLE_TIME_EXAMPLE);
    }
    if (monthFirst != null && monthFirst.equals(dayFirst)) {
      return monthFirst;
    }
    return new TimeReading.TableTime(v, monthFirst, dayFirst, at);
  }

  /**
   * A Test History time read month first, or null when it is none. A first field above 12 is no
   * month (what a day-first time read month first gives, on most rows of a page): null without the
   * formatter, whose failure costs an exception per row.
   */
  private static @Nullable Long tableTime(String s) {
    Long plain = plainTableTime(s);
    if (plain != null) {
      return plain;
    }
    if (s.length() >= 2 && digits(s, 0, 2) > 12) {
      return null;
    }
    try {
      return LocalDateTime.parse(s, TABLE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The common case of {@link #time} without the formatter, which costs more than the rest of a row:
   * exactly {@code MM/dd/yyyy HH:mm} with a valid date, hour and minute, as epoch milliseconds (UTC).
   * Null for anything else (seconds, ISO text, a day past the month's end), which the formatter
   * then reads or rejects as before.
   */
  static @Nullable Long plainTableTime(String s) {
    if (s.length() != 16 || s.charAt(2) != '/' || s.charAt(5) != '/' || s.charAt(10) != ' '
        || s.charAt(13) != ':') {
      return null;
    }
    int month = digits(s, 0, 2);
    int day = digits(s, 3, 2);
    int year = digits(s, 6, 4);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if (month < 1 || month > 12 || day < 1 || year < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return (epochDay * 1440 + hour * 60 + minute) * 60_000;
  }

  /** The decimal value of {@code n} ASCII digits from {@code from}, or -1 if any is no digit. */
  private static int digits(String s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** An epoch-milliseconds timestamp: a whole number, or an ISO instant as text. */
  static @Nullable Long epochMillis(JsonNode node, String field, AnswerPlace at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isTextual() && v.asText().length() <= MAX_TIME_LENGTH) {
      try {
        return Instant.parse(v.asText().strip()).toEpochMilli();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw at.bad(field, v, "epoch milliseconds like 1754585255365");
  }

  /**
   * A duration such as "4m 28s", "45s" or "1h 2m 5s", in seconds; a blank string is NULL. A bare
   * number is an error: the document writes durations as text and does not say a number's unit.
   */
  static @Nullable Integer durationSeconds(JsonNode node, String field, AnswerPlace at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
      return null;
    }
    boolean text = v.isTextual() && v.asText().length() <= MAX_TIME_LENGTH;
    Matcher m = text ? DURATION.matcher(v.asText()) : null;
    if (m != null && m.matches()
        && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
      long seconds = group(m, 1) * 3600 + group(m, 2) * 60 + group(m, 3);
      if (seconds <= Integer.MAX_VALUE) {
        return (int) seconds;
      }
    }
    throw at.bad(field, v, "a duration like \"4m 28s\"");
  }

  private static long group(Matcher m, int g) {
    return m.group(g) == null ? 0 : Long.parseLong(m.group(g));
  }
}
