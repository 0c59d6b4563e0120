package io.convosql.adapter.pathsim;

import java.util.List;
import java.util.function.Predicate;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The requests a scan's listed sessions cost beyond their pages (a session's detail, a child table's
 * request per session), as the statement's request budget is told of them: only those sure to be
 * sent. One instance is shared by every listing of a scan, so that listings of several workspaces
 * under one LIMIT do not each count the LIMIT's rows.
 *
 * <p>When every listed session costs (an exact listing, a child table), a listing's total says how
 * many will, before their pages are read. Otherwise (a started_at range sent as whole days with a
 * margin, a search, objective or connected applied after the API's total, a condition checked here)
 * a session counts once its page is read and it passes the checks its request waits for.
 */
final class RowRequests {
  private final int perRow;
  private final @Nullable Predicate<Object[]> passes;
  private final long cap;
  private final long skip;
  private long passed;
  private long counted;

  /**
   * @param perRow the requests each costing session sends
   * @param passes what a listed session must pass to cost them, or null when every listed session does
   * @param cap the most sessions that cost them (a LIMIT's), or -1 for no limit
   * @param skip how many passing sessions cost nothing first (an OFFSET skipped before the requests)
   */
  RowRequests(int perRow, @Nullable Predicate<Object[]> passes, long cap, long skip) {
    this.perRow = perRow;
    this.passes = passes;
    this.cap = cap;
    this.skip = skip;
  }

  /** Nothing: the listed sessions cost no request of their own (or none is sure to). */
  static RowRequests none() {
    return new RowRequests(0, null, 0, 0);
  }

  /** Whether every listed session costs, so that a listing's total tells how many do. */
  boolean everyListedRow() {
    return passes == null;
  }

  /** The requests still to come for {@code rows} more listed sessions, each sure to cost. */
  synchronized long listed(long rows) {
    passed += rows;
    return more();
  }

  /** The requests still to come for the sessions of a page just read that pass; none when every row costs (counted by {@link #listed}). */
  synchronized long read(List<Object[]> rows) {
    if (passes == null || perRow == 0) {
      return 0;
    }
    for (Object[] row : rows) {
      if (passes.test(row)) {
        passed++;
      }
    }
    return more();
  }

  private long more() {
    long costing = Math.max(0, passed - skip);
    if (cap >= 0) {
      costing = Math.min(costing, cap);
    }
    long more = Math.max(0, costing - counted);
    counted += more;
    return perRow * more;
  }
}
