package io.convosql.adapter.pathsim;

import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.Streams;
import io.convosql.core.plan.SortKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One workspace's sessions in {@code ORDER BY started_at} order, sorted here. The API is asked to
 * sort by {@code created_at}, the document's sort field, but the document does not say that
 * created_at is the start time (Time): a session may be created before it starts. So the API's order
 * only makes the reading short, never the answer's order:
 *
 * <ul>
 *   <li>Without a LIMIT, every session is read and sorted.
 *   <li>With a LIMIT of n (OFFSET included), sessions are read in the API's order until n of them pass
 *       the query's conditions on the list's columns. Their n-th started_at, B, bounds the answer: n
 *       sessions of the answer start at or after B (at or before it, ascending), so every session of
 *       the answer does too. The sessions from the day before B's day on (up to two days after it,
 *       ascending) are then read with {@code created_from} ({@code created_to}), which the document
 *       says filter on the start date: a superset under any time zone or inclusiveness, as for a
 *       started_at range. They are sorted and the answer is their first n. When the first listing
 *       ends before n pass, or its own dates are no wider than the window, it is read to its end
 *       instead. Should the window lack one of the first n (a service whose dates are not the start
 *       times), every session is read.
 *   <li>When NULLs sort first, or a condition on a detail column may still drop a session, no date
 *       window is sure to hold the answer (the API does not say whether a session without a Time
 *       passes one): every session is read.
 * </ul>
 *
 * Ties on started_at (Time is to the minute) are ordered by id in the same direction, so the answer
 * does not depend on the API's order either.
 */
final class SortedSessions implements AsyncRows {
  /**
   * Builds one listing of the workspace with these parameters, reading at most {@code needed} rows
   * (-1: all), page after page or with pages requested ahead; only the {@code first} tells the
   * request budget what the listed sessions cost further on (their details), so that the later
   * reads of the same sessions do not count it again.
   */
  interface Listing {
    AsyncRows list(Map<String, String> params, long needed, boolean ahead, boolean first);
  }

  private final Listing listing;
  private final BoundScan scan;
  private final Map<String, String> params;
  private final long needed;
  private final boolean exact;
  private final @Nullable Predicate<Object[]> passes;
  private final boolean descending;
  private final Comparator<Object[]> order;
  private @Nullable AsyncRows first;
  private @Nullable AsyncRows current;
  private @Nullable Iterator<Object[]> sorted;

  /**
   * @param needed the rows the scan needs (OFFSET + FETCH), or -1 without a LIMIT
   * @param exact whether every row listed is in the answer (then the first listing asks for no more
   *     than {@code needed})
   * @param passes what a listed row must pass to be in the answer, as far as the list's columns tell;
   *     null when a row may still be dropped later (a condition on a detail column): then no bound
   *     holds and every session is read
   */
  SortedSessions(Listing listing, BoundScan scan, Map<String, String> params, long needed,
      boolean exact, @Nullable Predicate<Object[]> passes) {
    this.listing = listing;
    this.scan = scan;
    this.params = params;
    SortKey key = scan.sort().get(0);
    // NULLs first: the answer may hold sessions without a Time, which no date window is sure to hold
    this.needed = key.nullsFirst() || passes == null ? -1 : needed;
    this.exact = exact;
    this.passes = passes;
    this.descending = key.descending();
    this.order = order(scan.sort());
  }

  /** The order of the answer: the sort key, then the id in the same direction. */
  static Comparator<Object[]> order(List<SortKey> keys) {
    SortKey k = keys.get(0);
    Comparator<Object[]> ids = Comparator.comparing(r -> (String) r[SessionColumns.ID]);
    return Streams.comparator(keys).thenComparing(k.descending() ? ids.reversed() : ids);
  }

  private AsyncRows first() {
    if (first == null) {
      first = needed < 0 ? listing.list(params, -1, true, true)
          : listing.list(params, exact ? needed : -1, false, true);
      current = first;
    }
    return first;
  }

  @Override
  public void start() {
    first().start();
  }

  @Override
  public boolean hasNext() {
    if (sorted == null) {
      sorted = read().iterator();
    }
    return sorted.hasNext();
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return sorted.next();
  }

  private List<Object[]> read() {
    AsyncRows listed = first();
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> candidates = new ArrayList<>();
    while ((needed < 0 || candidates.size() < needed) && listed.hasNext()) {
      Object[] row = listed.next();
      rows.add(row);
      if (needed >= 0 && passes.test(row)) {
        candidates.add(row);
      }
    }
    if (needed >= 0 && candidates.size() >= needed) {
      candidates.sort(order);
      List<Object[]> top = candidates.subList(0, (int) needed);
      Object bound = top.get(top.size() - 1)[SessionColumns.STARTED_AT];
      Map<String, String> window = bound instanceof Long b ? window(params, b, descending) : params;
      if (window.equals(params)) {
        rows.addAll(drain(listed)); // no narrower than the listing under way: read the rest of it
      } else {
        scan.checkCancelled();
        current = listing.list(window, -1, true, false);
        rows = drain(current);
        if (!holdsAll(rows, top)) {
          // the window lacks a session of the first n: the service's dates are not the start times
          // the document says they are (or the session went meanwhile); only reading all is exact
          scan.checkCancelled();
          current = listing.list(params, -1, true, false);
          rows = drain(current);
        }
      }
    }
    rows.sort(order);
    return rows;
  }
  /**
   * The parameters narrowed to the days that may hold a session starting at or after {@code bound}
   * (descending) or at or before it (ascending), under any reading of the API's dates.
   */
  static Map<String, String> window(Map<String, String> params, long bound, boolean descending) {
    LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(bound), ZoneOffset.UTC);
    Map<String, String> out = new LinkedHashMap<>(params);
    if (descending) {
      out.merge("created_from", day.minusDays(1).toString(), SortedSessions::later);
    } else {
      out.merge("created_to", day.plusDays(2).toString(), SortedSessions::earlier);
    }
    return out;
  }

  private static String later(String a, String b) {
    return LocalDate.parse(a).isAfter(LocalDate.parse(b)) ? a : b;
  }

  private static String earlier(String a, String b) {
    return LocalDate.parse(a).isBefore(LocalDate.parse(b)) ? a : b;
  }

  private static boolean holdsAll(List<Object[]> rows, List<Object[]> top) {
    Set<Object> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r[SessionColumns.ID]));
    return top.stream().allMatch(r -> ids.contains(r[SessionColumns.ID]));
  }

  private static List<Object[]> drain(Iterator<Object[]> rows) {
    List<Object[]> out = new ArrayList<>();
    while (rows.hasNext()) {
      out.add(rows.next());
    }
    return out;
  }

  @Override
  public void close() {
    if (first != null) {
      first.close();
    }
    if (current != null && current != first) {
      current.close();
    }
  }
}
