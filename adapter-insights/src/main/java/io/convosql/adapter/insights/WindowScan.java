package io.convosql.adapter.insights;

import io.convosql.core.scan.BoundScan;
import io.convosql.core.scan.RowSource;
import io.convosql.core.scan.SortKey;
import io.convosql.core.scan.Streams;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a scan as searches over time windows: one lazily paged stream per window, read newest window
 * first, or in the order of an ORDER BY session_start_time, or merged when the pushed order is on
 * another column, so that ORDER BY ... LIMIT n reads only the pages it needs.
 */
final class WindowScan {
  static final String WHAT = "Insights GET " + InsightsApi.SEARCH;

  private WindowScan() {}

  static RowSource open(InsightsTable table, BoundScan scan, SearchPlan plan, Window range) {
    List<SortKey> sort = scan.sort();
    boolean byTime = !sort.isEmpty() && sort.get(0).column() == InsightsTable.START;
    List<Window> windows = range.split(byTime && !sort.get(0).descending());
    Paging paging = Paging.of(plan, scan, windows.size());
    String sortBy = table.sortBy(sort);
    String project = table.projectFields(scan.usedColumns());
    List<Supplier<Iterator<Object[]>>> parts = new ArrayList<>();
    for (Window w : windows) {
      String filter = plan.filterBy(paging.apiOffset() ? Paging.boundaries(w) : List.of());
      SearchShape shape = new SearchShape(sortBy, filter, project);
      parts.add(() -> new WindowPages(table, scan, w, shape, paging).rows());
    }
    Iterator<Object[]> rows;
    if (sort.isEmpty()) {
      rows = Streams.concat(parts);
    } else if (byTime) {
      rows = Streams.merge(List.of(Streams.concat(parts)), Streams.comparator(sort), WHAT);
    } else {
      List<Iterator<Object[]>> streams = new ArrayList<>();
      parts.forEach(p -> streams.add(Streams.concat(List.of(p))));
      rows = Streams.merge(streams, Streams.comparator(sort), WHAT);
    }
    return source(rows, paging.apiOffset());
  }

  private static RowSource source(Iterator<Object[]> rows, boolean offsetApplied) {
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
      }
    };
  }
}
