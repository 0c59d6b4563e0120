package io.convosql.adapter.insights;

import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.ConcurrentConcat;
import io.convosql.core.exec.RowSource;
import io.convosql.core.exec.Streams;
import io.convosql.core.plan.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a scan as searches over time windows: one lazily paged stream per window, read newest window
 * first, or in the order of an ORDER BY session_start_time, or merged when the pushed order is on
 * another column, so that ORDER BY ... LIMIT n reads only the pages it needs. Every search asks for
 * a total order ({@link InsightsTable#sortBy}), so that its pages neither repeat nor skip a session.
 */
final class WindowScan {
  static final String WHAT = "Insights GET " + InsightsApi.SEARCH;

  private WindowScan() {}

  static RowSource open(InsightsTable table, BoundScan scan, SearchPlan plan, Window range) {
    List<SortKey> sort = scan.sort();
    boolean byTime = !sort.isEmpty() && sort.get(0).column() == InsightsTable.START;
    List<Window> windows = range.split(byTime && !sort.get(0).descending());
    String sortBy = table.sortBy(sort);
    String project = table.projectFields(scan.usedColumns());
    UrlBudget.fit(plan, table.settings.api, sortBy, project);
    Paging paging = Paging.of(plan, scan, windows.size());
    boolean readsAll = scan.needed() < 0;
    int width = readsAll ? table.settings.api.http().maxConcurrent() : 1;
    List<Supplier<AsyncRows>> parts = new ArrayList<>();
    for (Window w : windows) {
      String filter = plan.filterBy(paging.apiOffset() ? Paging.boundaries(w) : List.of());
      SearchShape shape = new SearchShape(sortBy, filter, project);
      parts.add(() -> new WindowPages(table, scan, w, shape, paging, sort.isEmpty() || byTime,
          byTime && !sort.get(0).descending()).rows(readsAll, width));
    }
    AsyncRows rows;
    if (sort.isEmpty()) {
      rows = new ConcurrentConcat(parts, width);
    } else if (byTime) {
      rows = Streams.merge(List.of(new ConcurrentConcat(parts, width)), Streams.comparator(sort), WHAT);
    } else {
      List<AsyncRows> streams = new ArrayList<>();
      parts.forEach(p -> streams.add(p.get()));
      rows = Streams.merge(streams, Streams.comparator(sort), WHAT);
    }
    return source(rows, paging.apiOffset());
  }

  private static RowSource source(AsyncRows rows, boolean offsetApplied) {
    return new RowSource() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Object[] next() {
        return rows.next();
      }

      @Override
      public boolean offsetApplied() {
        return offsetApplied;
      }

      @Override
      public void close() {
        rows.close();
      }
    };
  }
}
