package io.convosql.adapter.pathsim;

import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.OrderedRequests;
import io.convosql.core.exec.RowSource;
import io.convosql.core.http.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code pathsim.sessions} pinned by id: a {@code GET /sessions/{id}} for each id, in the order of
 * the ids; a 404 means no such session. A detail does not name its workspace, so the evidence of how
 * the API writes its times, if the rows have none, is sought in every workspace.
 */
final class SessionsById {
  private SessionsById() {}

  static RowSource open(PathSimApi api, BoundScan scan, SessionsQuery q) {
    List<String> ids = new ArrayList<>();
    for (Object id : q.ids) {
      if (SessionsQuery.pathSegment(id)) {
        ids.add((String) id);
      }
    }
    return scan.stoppable() && scan.sort().isEmpty() ? asAsked(api, scan, ids) : RowSource.of(all(api, scan, ids).iterator());
  }

  private static OrderedRequests<String, Object[]> gets(PathSimApi api, BoundScan scan, List<String> ids, int width) {
    return new OrderedRequests<>(ids.iterator(), id -> Futures.map(api.sessionAsync(id, scan),
        d -> d == null ? null : SessionColumns.fromDetail(d, "/sessions/" + id)), width, -1, scan);
  }

  /**
   * Every session, up to {@code maxConcurrentRequests} gets at once, their times read together (one
   * row's evidence settles all), sorted when an order is asked for.
   */
  private static List<Object[]> all(PathSimApi api, BoundScan scan, List<String> ids) {
    List<Object[]> rows = new ArrayList<>();
    try (OrderedRequests<String, Object[]> gets = gets(api, scan, ids, api.concurrency())) {
      gets.forEachRemaining(rows::add);
    }
    api.settleTimes(rows, null, "/sessions/{id}", () -> WorkspacesTable.ids(api, scan), scan);
    if (!scan.sort().isEmpty()) {
      rows.sort(SortedSessions.order(scan.sort()));
    }
    return rows;
  }

  /**
   * For a reader that may stop after any row ({@link BoundScan#stoppable}): the sessions in the order
   * of the ids, each row handed out as it is asked for, its time read on its own (by what the
   * connection has learnt, or else the row's own evidence). With {@code maxConcurrentRequests=1} a get
   * starts only when its row is asked for; with more, up to that many travel ahead of the reader (the
   * wall time of a get per row would otherwise be a round trip each), cancelled when the reader stops.
   */
  private static RowSource asAsked(PathSimApi api, BoundScan scan, List<String> ids) {
    OrderedRequests<String, Object[]> gets = gets(api, scan, ids, api.concurrency());
    return new RowSource() {
      @Override
      public boolean hasNext() {
        return gets.hasNext();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object[] row = gets.next();
        api.settleTimes(List.<Object[]>of(row), null, "/sessions/{id}", () -> WorkspacesTable.ids(api, scan), scan);
        return row;
      }

      @Override
      public void close() {
        gets.close();
      }
    };
  }
}
