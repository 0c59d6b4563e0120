package io.convosql.sandbox.pathsim;

import java.util.List;

/**
 * One page of a session listing: the rows left after the calculated filters, and the pagination the
 * API reports, whose {@code total} counts the rows before those filters.
 */
record Page(List<Session> rows, int total, int limit, long offset, boolean hasMore) {
  Page {
    rows = List.copyOf(rows);
  }
}
