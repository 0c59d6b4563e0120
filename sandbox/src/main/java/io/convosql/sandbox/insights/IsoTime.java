package io.convosql.sandbox.insights;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Python-style ISO times: formats session start times and parses the date or datetime clients send. */
final class IsoTime {
  static final long MICROS_PER_DAY = 86_400_000_000L;

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart()
      .appendOffset("+HH:MM", "Z")
      .optionalEnd()
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** A parsed argument: microseconds since the epoch in UTC, and whether only a date was given. */
  record Point(long micros, boolean dateOnly) {
    LocalDate utcDay() {
      return day(micros);
    }
  }

  private IsoTime() {}

  /**
   * Parses {@code YYYY-MM-DD} (midnight UTC) or an ISO datetime with an optional fraction and an
   * optional {@code Z} or {@code +HH:MM} offset (none means UTC); fractions finer than microseconds are
   * truncated.
   */
  static Point parse(String text) throws DateTimeException {
    if (DATE.matcher(text).matches()) {
      return new Point(micros(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)), true);
    }
    TemporalAccessor parsed = DATE_TIME.parse(text);
    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.from(parsed)
        : ZoneOffset.UTC;
    return new Point(micros(LocalDateTime.from(parsed).toInstant(offset)), false);
  }

  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  static LocalDate day(long micros) {
    return LocalDate.ofEpochDay(Math.floorDiv(micros, MICROS_PER_DAY));
  }

  /**
   * Formats as Python's {@code datetime.isoformat()} does for a naive UTC time: microseconds when there
   * are any, no fraction at all when there are none, never a zone.
   */
  static String format(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    String text = SECONDS.format(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
    return fraction == 0 ? text : text + String.format(".%06d", fraction);
  }
}
