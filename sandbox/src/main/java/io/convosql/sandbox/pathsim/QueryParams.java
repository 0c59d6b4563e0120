package io.convosql.sandbox.pathsim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a request's query parameters strictly: a parameter sent twice, or with a value outside what
 * the document lists, is a 400 naming the parameter.
 */
final class QueryParams {
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final Map<String, List<String>> params;

  QueryParams(Map<String, List<String>> params) {
    this.params = Objects.requireNonNull(params, "params");
  }

  /** The parameter's one value, or null when it was not sent. */
  String text(String name) throws BadRequest {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw BadRequest.invalid(name, String.join(",", values));
    }
    return values.get(0);
  }

  /** The parameter's value read by {@code parser}, or null when it was not sent. */
  <T> T choice(String name, Function<String, Optional<T>> parser) throws BadRequest {
    String value = text(name);
    if (value == null) {
      return null;
    }
    Optional<T> parsed = parser.apply(value);
    if (parsed.isEmpty()) {
      throw BadRequest.invalid(name, value);
    }
    return parsed.get();
  }

  /** A whole number of at least {@code min}; larger than {@code Long.MAX_VALUE} reads as that. */
  long number(String name, long fallback, long min) throws BadRequest {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    if (!DIGITS.matcher(value).matches()) {
      throw BadRequest.invalid(name, value);
    }
    String digits = value.replaceFirst("^0+(?=.)", "");
    long n = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (n < min) {
      throw BadRequest.invalid(name, value);
    }
    return n;
  }

  /**
   * A time parameter: a date {@code YYYY-MM-DD} (midnight UTC) or an ISO-8601 date-time with an
   * offset; null when it was not sent.
   */
  TimeBound time(String name) throws BadRequest {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      if (DATE.matcher(value).matches()) {
        return new TimeBound(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
      }
      Instant at = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      return new TimeBound(at, false);
    } catch (DateTimeParseException e) {
      throw BadRequest.invalid(name, value);
    }
  }

  /** A time a parameter named, and whether it was named as a bare date. */
  record TimeBound(Instant at, boolean dateOnly) {}
}
