package io.convosql.adapter.insights;

import io.convosql.core.exec.BoundScan;
import io.convosql.core.plan.ScanSpec;
import java.util.List;

/**
 * {@code COUNT(*)} of {@code insights.sessions} from the search answers' {@code total}: one request
 * of {@code page_size=1} per window, the totals summed, when the hits are exactly the counted
 * sessions. The requests exclude hits exactly at the window's request dates (as an OFFSET does), so
 * an API that reads its dates inclusively does not count a neighbour's session. A total that is only
 * a lower bound ({@code relation: gte}), that is missing, or that equals ElasticSearch's default cap on
 * counted hits ({@value #CAPPED}, which an API that flattens the total into a number would report
 * for any larger count) is not trusted: the scan then pages and counts.
 */
final class WindowCounts {
  /** ElasticSearch's default {@code track_total_hits}: totals stop being exact there. */
  static final long CAPPED = 10_000;
  static final String PROJECT = "[\"id\",\"session_start_time\"]";
  /** What EXPLAIN adds to a count's request. */
  static final String SUMMING = " (its total; paging instead when a total is not exact)";

  private WindowCounts() {}

  /** Whether a scan with this spec may be counted from totals once its parameters are known. */
  static boolean countable(InsightsTable table, ScanSpec spec) {
    SearchPlan plan = SearchPlan.of(spec.terms(), table);
    return table.sessionRows() && plan.ids == null && plan.exact;
  }

  /** The sum of the windows' totals, or -1 when they would not be the exact count. */
  static long count(InsightsTable table, BoundScan scan) {
    SearchPlan plan = SearchPlan.of(scan, table);
    if (plan.contradiction) {
      return 0;
    }
    UrlBudget.fit(plan, table.settings.api, null, PROJECT); // a clause left out makes the totals a superset
    if (!table.sessionRows() || plan.ids != null || !plan.exact) {
      return -1;
    }
    ScanSettings settings = table.settings;
    Window range = settings.range(plan, settings.clock.millis());
    long sum = 0;
    for (Window w : range.empty() ? List.<Window>of() : range.split(false)) {
      scan.checkCancelled();
      SearchShape shape = new SearchShape(null, plan.filterBy(Paging.boundaries(w)), PROJECT);
      SearchAnswer answer = settings.api.search(shape.params(w, 0, 1), scan);
      if (answer.total() < 0 || !answer.totalExact() || answer.total() == CAPPED) {
        return -1; // the open() that counts by paging warns about the lookback itself
      }
      sum += answer.total();
    }
    if (plan.lower == null) {
      settings.warnLookback(scan.context(), table.name(), range);
    }
    settings.warnSpelling(scan.context(), table, scan.terms());
    return sum;
  }
}
