package io.convosql.adapter.pathsim;

import io.convosql.core.scan.ApiTable;
import io.convosql.core.scan.BoundScan;
import io.convosql.core.scan.Column;
import io.convosql.core.scan.ForeignKey;
import io.convosql.core.scan.Pushdown;
import io.convosql.core.scan.RowSource;
import io.convosql.core.scan.ScanSpec;
import io.convosql.core.scan.Streams;
import io.convosql.core.scan.Term;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A table of rows that belong to one session each (column 0 is {@code session_id}), read from a
 * per-session endpoint. {@code session_id = x} or {@code IN (...)} reads only those sessions;
 * otherwise every session of every workspace is listed first.
 */
abstract class SessionChildTable extends ApiTable {
  protected final PathSimApi api;
  private final String endpoint;

  SessionChildTable(PathSimApi api, boolean pushdown, String name, String description,
      String endpoint, List<Column> columns) {
    super(name, description, columns, pushdown);
    this.api = api;
    this.endpoint = endpoint;
  }

  @Override
  public List<ForeignKey> foreignKeys() {
    return List.of(new ForeignKey("session_id", "sessions", "id"));
  }

  /** The rows of one session; empty when the session or its data is absent. */
  abstract List<Object[]> expand(String sessionId, BoundScan scan);

  @Override
  public Pushdown pushdown(Term term, ScanSpec spec) {
    return term.evaluable() ? Pushdown.EXACT : Pushdown.NONE;
  }

  private static Set<Object> pinned(List<Term> terms) {
    Set<Object> ids = null;
    for (Term t : terms) {
      List<Object> values = t.column() == 0 ? Term.equalities(t) : null;
      if (values != null) {
        Set<Object> next = new LinkedHashSet<>(values);
        if (ids != null) {
          next.retainAll(ids);
        }
        ids = next;
      }
    }
    return ids;
  }

  @Override
  public String explain(ScanSpec spec) {
    if (spec.empty()) {
      return "none (the filter is always false)";
    }
    Set<Object> ids = pinned(spec.terms());
    if (ids != null) {
      return ids.isEmpty() ? "none (the filter matches no row)"
          : "GET " + endpoint + " for session_id in " + ids;
    }
    return "GET /workspaces; GET /workspaces/{each workspace}/sessions?limit=100&offset=0"
        + " (next pages while hasMore); GET " + endpoint + " per session";
  }

  @Override
  public RowSource open(BoundScan scan) {
    Set<Object> ids = pinned(scan.terms());
    Iterator<String> sessions;
    if (ids != null) {
      List<String> list = new ArrayList<>();
      ids.stream().filter(SessionsQuery::pathSegment).forEach(id -> list.add((String) id));
      sessions = list.iterator();
    } else {
      sessions = allSessions(scan);
    }
    return RowSource.of(new Iterator<>() {
      private Iterator<Object[]> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && sessions.hasNext()) {
          String id = sessions.next();
          scan.checkCancelled();
          current = expand(id, scan).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    });
  }

  private Iterator<String> allSessions(BoundScan scan) {
    scan.checkCancelled();
    List<Supplier<Iterator<Object[]>>> parts = new ArrayList<>();
    long pinnedUntil = System.currentTimeMillis() + SessionsTable.PIN_MARGIN_MILLIS;
    for (String workspace : WorkspacesTable.ids(api, scan)) {
      parts.add(() -> new SessionPages(api, scan, workspace, Map.of(), 0, -1, pinnedUntil).rows());
    }
    Iterator<Object[]> rows = Streams.concat(parts);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public String next() {
        return (String) rows.next()[SessionColumns.ID];
      }
    };
  }
}
