package io.convosql.sandbox.insights;

import java.time.DateTimeException;

/**
 * The inclusive span of session start times a search covers, from {@code from_date} and
 * {@code to_date}: a date-only {@code to_date} covers that whole day, a datetime one is inclusive, and
 * the span may not exceed 60 days.
 */
record DateRange(long fromMicros, long toMicros) {
  static final long MAX_SPAN_MICROS = 60 * IsoTime.MICROS_PER_DAY;

  /** Parses both bounds; either missing, unparseable, reversed or too far apart is an invalid request. */
  static DateRange parse(String fromDate, String toDate) {
    IsoTime.Point from = point("from_date", fromDate);
    IsoTime.Point to = point("to_date", toDate);
    long end = to.dateOnly() ? to.micros() + IsoTime.MICROS_PER_DAY : to.micros();
    long last = to.dateOnly() ? end - 1 : end;
    if (last < from.micros()) {
      throw new InvalidRequest("Invalid date range: to_date is before from_date");
    }
    if (end - from.micros() > MAX_SPAN_MICROS) {
      throw new InvalidRequest("Invalid date range: ranges over 60 days are not supported");
    }
    return new DateRange(from.micros(), last);
  }

  private static IsoTime.Point point(String name, String text) {
    if (text == null) {
      throw new InvalidRequest(name + " is required");
    }
    try {
      return IsoTime.parse(text);
    } catch (DateTimeException e) {
      throw new InvalidRequest("Invalid " + name + ": expected an ISO date or datetime");
    }
  }
}
