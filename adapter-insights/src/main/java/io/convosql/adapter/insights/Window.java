package io.convosql.adapter.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * A half-open span {@code [from, to)} of session start times (UTC epoch ms). A scan reads each of its
 * windows with its own search requests and keeps only the hits inside the window's own bounds, so
 * adjacent windows neither lose nor repeat a session whatever inclusiveness the API gives its dates.
 */
record Window(long from, long to) {
  /**
   * The longest window: one day under the API's 60-day limit, so that the limit holds under every
   * reading of it (exclusive or inclusive ends, whole calendar days counted on both ends, a to_date
   * taken to the end of its day, the one-microsecond widening of from_date).
   */
  static final long MAX_MILLIS = 59L * 86_400_000L;
  static final int MAX_DAYS = 59;

  boolean empty() {
    return from >= to;
  }

  boolean contains(long millis) {
    return millis >= from && millis < to;
  }

  /** Windows of at most {@link #MAX_MILLIS} covering this one, newest first or oldest first. */
  List<Window> split(boolean oldestFirst) {
    List<Window> out = new ArrayList<>();
    for (long end = to; end > from; end = Math.max(from, end - MAX_MILLIS)) {
      out.add(new Window(Math.max(from, end - MAX_MILLIS), end));
    }
    if (oldestFirst) {
      java.util.Collections.reverse(out);
    }
    return out;
  }
}
