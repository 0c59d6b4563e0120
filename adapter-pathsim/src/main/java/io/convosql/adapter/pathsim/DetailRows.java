package io.convosql.adapter.pathsim;

import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.OrderedRequests;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Session rows from a list, each completed with its detail columns from {@code GET /sessions/{id}},
 * in the list's order; a session the detail endpoint no longer knows (404) is left out. Rows that
 * fail a pushed term on a list column are dropped before their detail is requested. Up to
 * maxConcurrentRequests details are requested at once; under a LIMIT, never more than the rows the
 * scan still certainly reads; for a reader that may stop after any row (a LIMIT above a batch join),
 * up to maxConcurrentRequests ahead of it (with 1, each when its row is asked for), those in flight
 * cancelled when it stops.
 */
final class DetailRows implements Iterator<Object[]>, AutoCloseable {
  private final Predicate<Object[]> listChecks;
  private final OrderedRequests<Object[], Object[]> details;

  /**
   * @param offsetApplied whether the API already skipped the OFFSET's rows (then the scan reads
   *     FETCH rows from here, else OFFSET + FETCH)
   */
  DetailRows(PathSimApi api, BoundScan scan, Iterator<Object[]> listed, boolean offsetApplied) {
    // what the list's columns decide (the terms on them, and the rest of the WHERE clause on them)
    // drops a row before its detail is asked for
    this.listChecks = scan.checkBefore(SessionColumns.detailColumns());
    long needed = scan.needed() < 0 ? -1 : offsetApplied ? scan.fetch() : scan.needed();
    Iterator<Object[]> passing = new Iterator<>() {
      private Object[] next;

      @Override
      public boolean hasNext() {
        while (next == null && listed.hasNext()) {
          Object[] row = listed.next();
          if (passesListChecks(row)) {
            next = row;
          }
        }
        return next != null;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object[] row = next;
        next = null;
        return row;
      }
    };
    this.details = new OrderedRequests<>(passing, row -> {
      String id = (String) row[SessionColumns.ID];
      return io.convosql.core.http.Futures.map(api.sessionAsync(id, scan.announced()),
          d -> d == null ? null : SessionColumns.withDetail(row, d, "/sessions/" + id));
    }, api.concurrency(), needed, scan);
  }

  private boolean passesListChecks(Object[] row) {
    return listChecks.test(row);
  }

  @Override
  public boolean hasNext() {
    return details.hasNext();
  }

  @Override
  public Object[] next() {
    return details.next();
  }

  @Override
  public void close() {
    details.close();
  }
}
