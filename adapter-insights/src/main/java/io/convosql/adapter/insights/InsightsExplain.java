package io.convosql.adapter.insights;

import io.convosql.core.plan.Operand;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.SortKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The requests a scan will send, as EXPLAIN shows them: the first search request in full (dates of
 * its window, page, order, filter, projection), how it pages, and the dates of the windows that
 * follow, or the gets by id. Values
 * of parameters show as {@code ?N}; "now" is read from the schema's clock.
 */
final class InsightsExplain {
  /** How a window pages, as EXPLAIN says it after the first page's request. */
  private static final String NEXT_PAGES =
      " (next pages: page_number + 1 while the hits so far are fewer than total)";
  /** Windows after the first whose dates EXPLAIN lists; a longer range ends with the last one. */
  private static final int WINDOWS_LISTED = 6;

  private InsightsExplain() {}

  static String explain(InsightsTable table, ScanSpec spec) {
    if (spec.empty()) {
      return "none (the filter is always false)";
    }
    SearchPlan plan = SearchPlan.of(spec.terms(), table);
    if (plan.contradiction) {
      return "none (the filter matches no row)";
    }
    if (plan.ids != null) {
      long searches = IdWindows.searches(table, plan, spec.usedColumns(), table.settings.now(false));
      return searches >= 0 ? searchedIds(table, plan, searches) : byId(table, plan);
    }
    List<SortKey> sort = spec.sort();
    boolean byTime = !sort.isEmpty() && sort.get(0).column() == InsightsTable.START;
    boolean count = spec.count();
    if (count) {
      UrlBudget.fit(plan, table.settings.api, null, WindowCounts.PROJECT);
      if (!plan.exact) { // a term left out: the totals would count too much, so the scan pages and counts
        count = false;
        plan = SearchPlan.of(spec.terms(), table);
      }
    }
    String project = count ? WindowCounts.PROJECT : table.projectFields(spec.usedColumns());
    String sortBy = count ? null : table.sortBy(sort); // a count reads only totals, in no order
    UrlBudget.fit(plan, table.settings.api, sortBy, project);
    if (plan.lower instanceof Operand || plan.upper instanceof Operand) {
      SearchShape shape = new SearchShape(sortBy, plan.filterBy(List.of()), project);
      return request(shape.params("<window start>", "<window end>", "0",
          count ? "1" : pageSize(plan.exact, spec, false)))
          + (count ? WindowCounts.SUMMING : "")
          + "; windows of at most " + Window.MAX_DAYS + " days from " + bound(plan.lower, "now - "
          + table.settings.lookbackDays + " days") + " to " + bound(plan.upper, "now")
          + (byTime && !sort.get(0).descending() ? ", oldest first" : ", newest first")
          + UrlBudget.explain(plan);
    }
    Window range = table.settings.range(plan, table.settings.now(false));
    if (range.empty()) {
      return "none (no session can start in the range)";
    }
    List<Window> windows = range.split(byTime && !sort.get(0).descending());
    Operand offset = spec.offset();
    boolean knownLimits = (offset == null || !offset.isParameter())
        && (spec.fetch() == null || !spec.fetch().isParameter());
    boolean apiOffset = knownLimits && offset != null
        && Paging.apiOffset(plan, windows.size(), (Long) offset.literalValue());
    Window first = windows.get(0);
    SearchShape shape = new SearchShape(sortBy,
        plan.filterBy(apiOffset || count ? Paging.boundaries(first) : List.of()), project);
    String size = count ? "1" : pageSize(plan.exact, spec, apiOffset);
    String page = apiOffset ? Long.toString((Long) offset.literalValue() / Long.parseLong(size)) : "0";
    Map<String, String> params = shape.params(IsoTimes.from(first.from()), IsoTimes.to(first.to()), page, size);
    StringBuilder b = new StringBuilder(request(params))
        .append(count ? WindowCounts.SUMMING : NEXT_PAGES);
    if (apiOffset && (Long) offset.literalValue() % Long.parseLong(size) != 0) {
      b.append(", skipping ").append((Long) offset.literalValue() % Long.parseLong(size)).append(" hits");
    } else if (!knownLimits && offset != null && plan.exact && windows.size() == 1) {
      b.append(", starting at the page of OFFSET ").append(offset);
    }
    if (windows.size() > 1) {
      b.append("; ").append(windows.size() - 1).append(windows.size() == 2 ? " more window" : " more windows")
          .append(" of at most ").append(Window.MAX_DAYS).append(" days ")
          .append(sort.isEmpty() || byTime ? "after it" : "merged by sort_by")
          .append(", the same requests with ").append(laterWindows(windows));
      b.append(count ? ", the totals summed" : "");
    }
    b.append(UrlBudget.explain(plan));
    if (plan.keyBatch) {
      b.append("; the keys as many per search as the URL's ").append(UrlBudget.MAX_TARGET_BYTES)
          .append(" bytes take, at most ").append(InsightsApi.MAX_PAGE);
      b.append("; no window more once every key is found; a first page counting more sessions than keys (a"
          + " service that reads should as optional) ends the batch's searches, and its keys not yet found are"
          + " got by GET " + InsightsApi.SEARCH + "/search/{id}, as in every batch after it");
    }
    if (plan.lower == null) {
      b.append("; no lower bound on session_start_time: the last ").append(table.settings.lookbackDays)
          .append(" days");
    }
    return b.toString();
  }

  /** The dates of every window after the first, the first {@value #WINDOWS_LISTED} of them in full. */
  private static String laterWindows(List<Window> windows) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < windows.size() && i <= WINDOWS_LISTED; i++) {
      Window w = windows.get(i);
      b.append(i > 1 ? ", " : "").append("from_date=").append(IsoTimes.from(w.from()))
          .append("&to_date=").append(IsoTimes.to(w.to()));
    }
    if (windows.size() - 1 > WINDOWS_LISTED) {
      Window last = windows.get(windows.size() - 1);
      b.append(", … ").append(windows.size() - 1 - WINDOWS_LISTED).append(" more, the last with from_date=")
          .append(IsoTimes.from(last.from())).append("&to_date=").append(IsoTimes.to(last.to()));
    }
    return b.toString();
  }

  private static String byId(InsightsTable table, SearchPlan plan) {
    String day = ByIdReads.day(plan);
    if (day != null) {
      return "GET " + InsightsApi.SEARCH + "/{id}/parameters?session_start_time=" + day + " for id in "
          + Operand.describe(plan.ids);
    }
    String oneDay = "GET " + InsightsApi.SEARCH + "/{id}/parameters?session_start_time=<day> when the"
        + " bounds on session_start_time fall inside one day, else ";
    boolean batch = plan.ids.stream()
        .allMatch(v -> v instanceof Operand && ((Operand) v).correlationKey() != null);
    if (batch && plan.unknownBounds() && plan.lower != null && SearchPlan.eachSearchable(plan.ids)) {
      return oneDay + "GET " + InsightsApi.SEARCH + " in the bounds' windows with filter_by on id, for id in "
          + Operand.describe(plan.ids);
    }
    return (plan.unknownBounds() ? oneDay : "")
        + "GET " + InsightsApi.SEARCH + "/search/{id} for id in " + Operand.describe(plan.ids)
        + (plan.lower == null ? "" : missing(table, plan) + searchedWhenRun(table, plan));
  }

  /**
   * What a plan whose ids or bounds are parameters does instead when, bound, searching the bounds'
   * windows for all its ids takes fewer requests than the gets ({@link IdWindows#searches}): only the
   * scan can tell. Nothing when that is known now (no parameter) or cannot be (one id, never fewer; a
   * service seen not to narrow a search by ids).
   */
  private static String searchedWhenRun(InsightsTable table, SearchPlan plan) {
    boolean unknown = plan.unknownBounds() || plan.ids.stream().anyMatch(id -> !(id instanceof String));
    if (!unknown || plan.ids.size() < 2 || table.settings.idTermsIgnored()) {
      return "";
    }
    return "; instead, when the statement runs and searching the bounds' windows for all the ids takes fewer"
        + " requests than a GET " + InsightsApi.SEARCH + "/search/{id} per id, GET " + InsightsApi.SEARCH
        + " with filter_by on id (as many ids per search as the URL's " + UrlBudget.MAX_TARGET_BYTES
        + " bytes take, at most " + InsightsApi.MAX_PAGE + ") in each window of at most " + Window.MAX_DAYS
        + " days of the bounds, newest first, until every id is found";
  }

  /** A query's ids searched in the bounds' windows, fewer requests than a get per id ({@link IdWindows}). */
  private static String searchedIds(InsightsTable table, SearchPlan plan, long searches) {
    Window range = table.settings.range(plan, table.settings.now(false));
    int n = range.split(false).size();
    return "GET " + InsightsApi.SEARCH + " with filter_by on id for id in " + Operand.describe(plan.ids)
        + " (as many ids per search as the URL's " + UrlBudget.MAX_TARGET_BYTES + " bytes take, at most "
        + InsightsApi.MAX_PAGE + ") in " + (n == 1 ? "the one window" : "each of the " + n + " windows of at most "
        + Window.MAX_DAYS + " days") + " from " + IsoTimes.from(range.from()) + " to " + IsoTimes.to(range.to())
        + ", newest first, until every id is found: at most " + searches + (searches == 1 ? " request" : " requests")
        + ", fewer than a GET " + InsightsApi.SEARCH + "/search/{id} per id; a first page counting more sessions"
        + " than ids (a service that reads should as optional) ends the searches, and the ids not yet found are"
        + " got by GET " + InsightsApi.SEARCH + "/search/{id}, as in every statement after it";
  }

  /** The searches for the ids that the search by id answers 404 for ({@link IdWindows}). */
  private static String missing(InsightsTable table, SearchPlan plan) {
    String windows = "each window of at most " + Window.MAX_DAYS + " days of the bounds";
    if (!plan.unknownBounds()) {
      Window range = table.settings.range(plan, table.settings.now(false));
      if (range.empty()) {
        return "";
      }
      int n = range.split(false).size();
      windows = (n == 1 ? "the one window" : "each of the " + n + " windows of at most " + Window.MAX_DAYS
          + " days") + " from " + IsoTimes.from(range.from()) + " to " + IsoTimes.to(range.to());
    }
    return "; for an id it does not find (404), GET " + InsightsApi.SEARCH + " with filter_by on id (as many"
        + " such ids per search as the URL's " + UrlBudget.MAX_TARGET_BYTES + " bytes take, at most "
        + InsightsApi.MAX_PAGE + ") in " + windows + ", newest first, until every"
        + " such id is found (each window read whole once where the service does not narrow by the ids)";
  }

  /** The page size as the scan will choose it, symbolic when FETCH or OFFSET is a parameter. */
  private static String pageSize(boolean exact, ScanSpec spec, boolean apiOffset) {
    Operand fetch = spec.fetch();
    Operand offset = apiOffset ? null : spec.offset();
    if (!exact || fetch == null) {
      return Integer.toString(InsightsApi.MAX_PAGE);
    }
    if (fetch.isParameter() || offset != null && offset.isParameter()) {
      return "min(" + InsightsApi.MAX_PAGE + ", " + (offset == null ? "" : offset + " + ") + fetch + ")";
    }
    long needed = (Long) fetch.literalValue() + (offset == null ? 0 : (Long) offset.literalValue());
    return Integer.toString(Paging.pageSize(true, needed));
  }

  private static String bound(@Nullable Object bound, String absent) {
    return bound == null ? absent : bound instanceof Long ? IsoTimes.sql((Long) bound) : bound.toString();
  }

  private static String request(Map<String, String> params) {
    return "GET " + InsightsApi.SEARCH + "?" + params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
  }
}
