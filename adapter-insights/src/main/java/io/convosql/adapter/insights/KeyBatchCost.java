package io.convosql.adapter.insights;

import io.convosql.core.plan.KeyBatches;
import io.convosql.core.plan.Operand;
import io.convosql.core.plan.ScanSpec;
import java.util.BitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Whether a join's batches of session ids are expected to cost no more requests than one scan of the
 * range, the planner's choice between a batch nested-loop join and a hash join. Calcite weighs rows,
 * and a batch's scan reads a few rows where a scan reads thousands, so the batch join looked cheaper
 * whatever its requests: a join of 300 keys over ten 60-day windows sent 20 searches (three batches,
 * two searches each per window, until every key was found) where one scan of the windows sent 12.
 *
 * <p>A batch costs, in each window it searches, as many searches as its keys take
 * ({@link IdWindows#searchesPerWindow}); with no way to tell where its sessions are (keys often name
 * none), every window of the range is counted. A scan costs its pages: at least one a window, and the
 * planner's estimate of its rows at {@value InsightsApi#MAX_PAGE} a page (no session counts are known
 * before a statement runs: 2,500 for a range, a quarter for each other pushed filter). Bounds that are
 * parameters count as one window.
 */
final class KeyBatchCost {
  private KeyBatchCost() {}

  static boolean cheaper(InsightsTable table, SearchPlan plan, ScanSpec spec, KeyBatches batches) {
    BitSet used = new BitSet();
    for (int c : spec.projection()) {
      used.set(c);
    }
    long windows = windows(table, plan);
    double perWindow = batches.fullBatches() * (double) IdWindows.searchesPerWindow(table, plan, used,
        batches.batchSize()) + IdWindows.searchesPerWindow(table, plan, used, batches.lastBatch());
    double searches = windows * perWindow;
    double pages = Math.max(windows, Math.ceil(batches.scanRows() / InsightsApi.MAX_PAGE));
    return searches <= pages;
  }

  /** The windows of the plan's range were it run now; one when a bound is a parameter. */
  static long windows(InsightsTable table, SearchPlan plan) {
    long now = table.settings.now(false);
    Long lower = at(plan.lower, now);
    Long upper = plan.upper == null ? (Long) null : at(plan.upper, now);
    if (lower == null || plan.upper != null && upper == null) {
      return 1;
    }
    long cut = now + ScanSettings.CLOCK_MARGIN_MILLIS;
    Window range = new Window(lower, upper == null ? cut : Math.min(upper, cut));
    return range.empty() ? 0 : range.split(false).size();
  }

  private static @Nullable Long at(@Nullable Object bound, long now) {
    return bound instanceof Long ? (Long) bound : bound instanceof Operand ? ((Operand) bound).timeAt(now) : null;
  }
}
