package io.convosql.adapter.pathsim;

import io.convosql.core.exec.BoundScan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The requests a scan's listed sessions cost beyond their pages (a session's detail, a child table's
 * request per session), as the statement's request budget is told of them. One instance is shared by
 * every listing of a scan, so that listings of several workspaces under one LIMIT do not each count
 * the LIMIT's rows.
 *
 * <p>When every listed session costs (an exact listing, a child table), a listing's total says how
 * many will, before their pages are read. Otherwise (a started_at range sent as whole days with a
 * margin, a search, objective or connected applied after the API's total, a condition checked here)
 * a session is sure to cost once its page is read and it passes the checks its request waits for;
 * the sessions of the pages not yet read are estimated at the rate at which those read passed
 * ({@link #afterPage}), so that a query that would send far more than the budget stops after a
 * listing's first page rather than after the budget's worth of requests. The estimate may refuse the
 * statement only when a listing's first page is read while the scan has read no listing's later page
 * (so at most the first page of each listing, and details of their sessions, were sent); after that
 * only the sure count and the budget itself can: a late refusal from an estimate a little over would
 * waste the requests sent and refuse a query that fits. Details sent do not change the estimate (a
 * request moves from expected to spent), so which first pages it sees is all that timing decides.
 */
final class RowRequests {
  private final int perRow;
  private final @Nullable Predicate<Object[]> passes;
  private final long cap;
  private final long skip;
  private long passed;
  private long counted;
  /** The listing places the pages read covered (with those the API dropped after cutting a page). */
  private long read;
  /** Each listing's places not yet read, by listing. */
  private final Map<Object, Long> unread = new HashMap<>();
  /** Whether a listing's page after its first was read: the estimate no longer refuses. */
  private boolean pastFirstPages;
  /** The requests each row of the answer leads to ({@link #withAnswerRows}). */
  private int perAnswerRow;
  /** The sessions the listings' totals show, not capped by the LIMIT. */
  private long listedAll;
  private long answerRowsCounted;

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

  /**
   * Also counts the requests a session's answer leads to when it yields a row (a recording's file),
   * {@code perAnswerRow} of them, at most {@code perRow}: a session without such a row sends none, so
   * without a LIMIT none is counted ahead (each counts once it is sent). Under a LIMIT of n over an
   * exact listing of L sessions, either n rows are found, which costs n sessions' requests and n
   * rows' (2n with one each), or fewer, and every one of the L sessions is read: so the sessions
   * past the LIMIT's n, up to n of them, are counted at {@code perAnswerRow} each, which is never
   * above what is sent.
   */
  RowRequests withAnswerRows(int perAnswerRow) {
    if (perAnswerRow > perRow) {
      throw new IllegalArgumentException("more requests per answer row than per session");
    }
    this.perAnswerRow = perAnswerRow;
    return this;
  }

  /** Nothing: the listed sessions cost no request of their own (or none is sure to). */
  static RowRequests none() {
    return new RowRequests(0, null, 0, 0);
  }

  /** Whether every listed session costs, so that a listing's total tells how many do. */
  boolean everyListedRow() {
    return passes == null;
  }

  /**
   * The requests still to come for {@code rows} more listed sessions, each sure to cost, of the
   * {@code all} a listing's total shows (more than {@code rows} when a LIMIT caps them).
   */
  synchronized long listed(long rows, long all) {
    passed += rows;
    listedAll += all;
    long answerRows = 0;
    if (cap >= 0 && perAnswerRow > 0) {
      long sure = Math.min(Math.max(0, listedAll - cap), cap);
      answerRows = Math.max(0, sure - answerRowsCounted);
      answerRowsCounted += answerRows;
    }
    return more() + perAnswerRow * answerRows;
  }

  /**
   * Tells the budget, after a page of {@code listing} was read, the requests sure to follow: {@code
   * alsoSure} (the pages still to list, as the listing's total shows) and those of the page's
   * sessions that pass (none when every listed row costs: {@link #listed} counted them); and, replacing
   * what it said before, those likely for the sessions not yet listed, at the rate at which the ones
   * read passed, up to the LIMIT's rows. Throws when the sure requests would pass the budget, or, on
   * a listing's first page ({@code firstPage}) while no listing's later page was read, the sure and
   * the likely ones together.
   *
   * @param covered the listing's places the page covered: its rows and those the API dropped after
   *     cutting it (objective, connected), so that the rate applies to the places not yet read
   * @param stillUnread the listing's places after this page (0 when it is done or tells no total)
   * @param tell whether to tell the budget even of nothing sure (the first page's total was read)
   * @param firstPage whether the page is the listing's first: the estimate may refuse only then
   */
  synchronized void afterPage(BoundScan scan, String path, Object listing, List<Object[]> rows,
      long covered, long stillUnread, long alsoSure, boolean tell, boolean firstPage) {
    if (passes == null || perRow == 0) {
      if (tell || alsoSure > 0) {
        scan.expect(alsoSure, "PathSim", "GET", path);
      }
      return;
    }
    for (Object[] row : rows) {
      if (passes.test(row)) {
        passed++;
      }
    }
    pastFirstPages |= !firstPage;
    read += covered;
    unread.put(listing, Math.max(0, stillUnread));
    long sure = alsoSure + more();
    long unreadPlaces = unread.values().stream().mapToLong(Long::longValue).sum();
    long likely = 0;
    if (read > 0) {
      long costing = Math.max(0, passed + passed * unreadPlaces / read - skip);
      if (cap >= 0) {
        costing = Math.min(costing, cap);
      }
      likely = perRow * Math.max(0, costing - counted);
    }
    scan.expect(sure, this, likely, "of the " + read + " sessions listed so far " + passed + " passed the"
        + " filter and cost " + (perRow == 1 ? "a request" : perRow + " requests") + " each, and the "
        + unreadPlaces + " not yet listed are counted at that rate" + (cap >= 0 ? ", up to the LIMIT's rows" : ""),
        firstPage && !pastFirstPages, "PathSim", "GET", path);
  }

  /** Withdraws the estimate when the scan ends: no session of it is listed any more. */
  synchronized void done(BoundScan scan) {
    unread.clear();
    scan.withdraw(this);
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
