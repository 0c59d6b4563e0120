package io.convosql.driver;

import java.sql.SQLDataException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text bound to a TIME parameter, read as PostgreSQL reads a time: {@code 9:30}, {@code 10:15:00.5},
 * with an offset ({@code 11:30+02}, the instant's time of day at UTC, as an {@code OffsetTime} bound
 * is), or a timestamp's text (its time of day). Anything else is 22007 naming the text.
 */
final class TimeOfDayText {
  /**
   * {@code h:mm[:ss[.f...]]}; the hour and minute may be one digit; then an offset ({@code Z},
   * {@code +02}, {@code -05:30}) or none.
   */
  private static final Pattern CLOCK = Pattern.compile(
      "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");
  /** 24:00, PostgreSQL's end of a day, which a LocalTime (and a TIME here) cannot hold. */
  private static final Pattern END_OF_DAY = Pattern.compile("24:00(?::00(?:\\.0+)?)?");

  private TimeOfDayText() {}

  /**
   * {@code text} as a time of day; 22007 naming it, saying why for PostgreSQL's 24:00:00, and ending
   * with {@code takes} (what a TIME parameter may be bound to).
   */
  static LocalTime read(String text, String takes) throws SQLDataException {
    String s = text.strip();
    try {
      return timeOfDay(s);
    } catch (DateTimeException | IllegalArgumentException e) {
      String why = END_OF_DAY.matcher(s).matches() ? " (a TIME here ends at 23:59:59.999999999;"
          + " 24:00:00, as PostgreSQL writes the end of a day, is 00:00:00 of the next day)" : "";
      throw new SQLDataException("'" + text + "' is not a time of day" + why + ": " + takes, "22007", e);
    }
  }

  /** A time's text, or a timestamp's (not a bare date), as its time of day. */
  private static LocalTime timeOfDay(String text) {
    Matcher clock = CLOCK.matcher(text);
    if (clock.matches()) {
      String fraction = clock.group(4) == null ? "" : clock.group(4);
      LocalTime time = LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)),
          clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3)),
          Integer.parseInt((fraction + "000000000").substring(0, 9)));
      // with an offset, an instant's time of day, at UTC as an OffsetTime bound is
      return clock.group(5) == null ? time : OffsetTime.of(time,
          ZoneOffset.of(clock.group(5).toUpperCase(Locale.ROOT))).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }
    if (text.length() <= 10) {
      throw new DateTimeException("no time of day"); // a date alone, or no time at all
    }
    return ParameterBinding.parseWallClock(text).toLocalTime();
  }
}
