package io.convosql.core.http;

import java.time.Duration;
import java.util.Arrays;

/**
 * How many events happened in each 10 ms of the last few seconds, on a caller's nanosecond clock,
 * so a rate can be read over any recent span by its elapsed time; not thread-safe.
 */
final class RecentCounts {
  private static final long SLOT = Duration.ofMillis(10).toNanos();

  private final long[] slotOf;
  private final int[] counts;

  /** Keeps counts for at least {@code history}. */
  RecentCounts(Duration history) {
    int slots = (int) (history.toNanos() / SLOT) + 2;
    this.slotOf = new long[slots];
    this.counts = new int[slots];
    Arrays.fill(slotOf, Long.MIN_VALUE);
  }

  /** Counts one event at {@code now}. */
  void add(long now) {
    long slot = Math.floorDiv(now, SLOT);
    int i = index(slot);
    if (slotOf[i] != slot) {
      slotOf[i] = slot;
      counts[i] = 0;
    }
    counts[i]++;
  }

  /** The events from {@code from} (to its 10 ms) until {@code now}, within the history kept. */
  int since(long from, long now) {
    int n = 0;
    for (long slot = first(from, now), last = Math.floorDiv(now, SLOT); slot <= last; slot++) {
      n += countOf(slot);
    }
    return n;
  }

  /** When the first event from {@code from} on happened (to its 10 ms), or {@code now} if none. */
  long firstSince(long from, long now) {
    for (long slot = first(from, now), last = Math.floorDiv(now, SLOT); slot <= last; slot++) {
      if (countOf(slot) > 0) {
        return Math.max(from, slot * SLOT);
      }
    }
    return now;
  }

  private long first(long from, long now) {
    long last = Math.floorDiv(now, SLOT);
    return Math.max(Math.floorDiv(from, SLOT), last - slotOf.length + 1);
  }

  private int countOf(long slot) {
    int i = index(slot);
    return slotOf[i] == slot ? counts[i] : 0;
  }

  private int index(long slot) {
    return (int) Math.floorMod(slot, (long) slotOf.length);
  }
}
