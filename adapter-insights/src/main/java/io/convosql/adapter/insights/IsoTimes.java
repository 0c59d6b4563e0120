package io.convosql.adapter.insights;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The API's times: session start times are naive UTC ISO datetimes with microseconds (Python's
 * {@code isoformat()}); requests send the same form. SQL holds them as UTC wall-clock epoch
 * milliseconds, truncated.
 */
final class IsoTimes {
  private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
      .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
      .toFormatter();
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private IsoTimes() {}

  /**
   * Epoch milliseconds of an ISO date or datetime, truncated; without an offset the time is UTC.
   *
   * @throws DateTimeException when the text is not one, or is one too far from 1970 for a long
   */
  static long parseMillis(String text) {
    TemporalAccessor t = PARSER.parse(text.strip());
    LocalDateTime local = LocalDateTime.of(LocalDate.from(t),
        java.time.LocalTime.of(t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR),
            t.get(ChronoField.SECOND_OF_MINUTE),
            t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0));
    ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
    try {
      return local.toInstant(offset).toEpochMilli();
    } catch (ArithmeticException e) {
      throw new DateTimeException("out of range: " + text.strip(), e); // e.g. year +999999999
    }
  }

  /** Microseconds as {@code isoformat()} writes them: a fraction only when there is one. */
  static String format(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    String text = SECONDS.format(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
    return fraction == 0 ? text : text + String.format(".%06d", fraction);
  }

  /**
   * The {@code from_date} for rows from {@code millis} on: one microsecond earlier, so that a row
   * starting exactly there is returned whether the API's lower bound is inclusive or exclusive.
   */
  static String from(long millis) {
    return format(millis * 1000 - 1);
  }

  /** The {@code to_date} for rows before {@code millis}; an inclusive API adds rows at exactly it. */
  static String to(long millis) {
    return format(millis * 1000);
  }

  /** The UTC day of a time, {@code 2025-08-01}, the form the get and delete endpoints accept. */
  static String day(long millis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).toString();
  }

  /** The UTC day number of a time. */
  static long epochDay(long millis) {
    return Math.floorDiv(millis, 86_400_000L);
  }

  /** A time as SQL shows it, with milliseconds when there are any: {@code 2025-08-01 10:15:00.250}. */
  static String sql(long millis) {
    String s = format(millis * 1000).replace('T', ' ');
    return s.endsWith("000") ? s.substring(0, s.length() - 3) : s;
  }
}
