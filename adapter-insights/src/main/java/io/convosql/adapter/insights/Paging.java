package io.convosql.adapter.insights;

import io.convosql.core.exec.BoundScan;
import java.util.List;

/**
 * How a windowed scan pages: the page size (the rows needed when the hits are exactly the answer,
 * else the largest), the first page and the hits to skip on it when the API applies the OFFSET, and
 * the most rows a window can contribute.
 *
 * @param cap the most rows the scan can use from one window, or -1 when unknown
 */
record Paging(int pageSize, long firstPage, int skip, long cap, boolean apiOffset) {

  static Paging of(SearchPlan plan, BoundScan scan, int windows) {
    boolean apiOffset = apiOffset(plan, windows, scan.offset());
    int size = apiOffset ? pageSize(true, scan.fetch()) : pageSize(plan.exact, scan.needed());
    return new Paging(size, apiOffset ? scan.offset() / size : 0, apiOffset ? (int) (scan.offset() % size) : 0,
        !plan.exact ? -1 : apiOffset ? scan.fetch() : scan.needed(), apiOffset);
  }

  /** The page size for the rows needed (-1 for all) when the hits are or are not exactly the answer. */
  static int pageSize(boolean exact, long needed) {
    return exact && needed >= 0 ? (int) Math.max(1, Math.min(InsightsApi.MAX_PAGE, needed)) : InsightsApi.MAX_PAGE;
  }

  /** Whether the API applies the OFFSET: exact hits in one window, and an offset to apply. */
  static boolean apiOffset(SearchPlan plan, long windows, long offset) {
    return plan.exact && windows == 1 && offset > 0;
  }

  /**
   * The must_not clauses that exclude hits exactly at a window's request dates, which an API reading
   * its dates inclusively would return and which would shift the pages of an OFFSET.
   */
  static List<Clause> boundaries(Window w) {
    return List.of(Clause.term("session_start_time", IsoTimes.from(w.from())),
        Clause.term("session_start_time", IsoTimes.to(w.to())));
  }
}
