package io.convosql.adapter.pathsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.scan.BoundScan;
import io.convosql.core.scan.Term;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Session rows from a list, each completed with its detail columns from {@code GET /sessions/{id}}
 * when it is reached; a session the detail endpoint no longer knows (404) is left out. Rows that fail
 * a pushed term on a list column are dropped before their detail is requested.
 */
final class DetailRows implements Iterator<Object[]> {
  private final PathSimApi api;
  private final BoundScan scan;
  private final Iterator<Object[]> listed;
  private final List<Term> listChecks;
  private Object[] next;

  DetailRows(PathSimApi api, BoundScan scan, Iterator<Object[]> listed) {
    this.api = api;
    this.scan = scan;
    this.listed = listed;
    this.listChecks = scan.terms().stream()
        .filter(t -> t.evaluable() && t.column() < SessionColumns.FIRST_DETAIL).toList();
  }

  private boolean passesListChecks(Object[] row) {
    for (Term t : listChecks) {
      if (!t.test(row)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean hasNext() {
    while (next == null && listed.hasNext()) {
      Object[] row = listed.next();
      if (!passesListChecks(row)) {
        continue;
      }
      scan.checkCancelled();
      String id = (String) row[SessionColumns.ID];
      JsonNode d = api.session(id, scan);
      if (d != null) {
        next = SessionColumns.withDetail(row, d, "/sessions/" + id);
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
}
