package io.convosql.adapter.pathsim;

import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.ConcurrentConcat;
import io.convosql.core.exec.OrderedRequests;
import io.convosql.core.exec.RowSource;
import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.Column;
import io.convosql.core.plan.ForeignKey;
import io.convosql.core.plan.KeyBatches;
import io.convosql.core.plan.Operand;
import io.convosql.core.plan.Pushdown;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.Term;
import io.convosql.core.plan.RequestEstimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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

  /**
   * {@link #expand} as a request in flight, so that several sessions are read at once; by default
   * the rows are read at once on the caller's thread (one session after the other).
   */
  CompletableFuture<List<Object[]>> expandAsync(String sessionId, BoundScan scan) {
    return CompletableFuture.completedFuture(expand(sessionId, scan));
  }

  /**
   * Whether {@link #expandAsync} leaves its request in flight (rather than reading the rows at once):
   * only then is a session worth requesting before its rows are asked for.
   */
  boolean expandsInFlight() {
    return false;
  }

  @Override
  public Pushdown pushdown(Term term, ScanSpec spec) {
    return term.evaluable() ? Pushdown.EXACT : Pushdown.NONE;
  }

  /**
   * The scan checks the rest of a WHERE clause itself, so that a LIMIT above it reaches the scan: it
   * then reads one session after another until the LIMIT's rows pass, not every session listed.
   */
  @Override
  public boolean checksConditions() {
    return true;
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
          : "GET " + endpoint + " for session_id in " + Operand.describe(ids);
    }
    return "GET /workspaces; GET /workspaces/{each workspace}/sessions?limit=100&offset=0"
        + SessionsExplain.NEXT_PAGES + "; GET " + endpoint + " per listed session";
  }

  /** The requests the scan sends for each session it reads, whatever the answers: one by default. */
  int requestsPerSession(java.util.BitSet usedColumns) {
    return 1;
  }

  /**
   * The requests a session's answer may lead to, sent only for a session whose answer shows them
   * (a recording's file, only for a session that has one): none by default. They are never counted
   * for a session before its answer, except under a LIMIT, for the rows the LIMIT is sure to take
   * ({@link RowRequests}); at most {@link #requestsPerSession} of them.
   */
  int requestsPerAnswerRow(java.util.BitSet usedColumns) {
    return 0;
  }

  /**
   * How many listed sessions the scan reads, for the request budget: all of them without a LIMIT;
   * under a LIMIT unknown (a session may have no rows), so none are counted ahead; so when what reads
   * the scan may stop after any row ({@link BoundScan#stoppable}).
   */
  long sessionsNeeded(BoundScan scan) {
    return scan.readTo() < 0 ? -1 : 0;
  }

  /**
   * A scan pinned to sessions sends each one's requests; read by a join that may stop after any row
   * ({@link BoundScan#stoppable}), only the first session's are sure.
   */
  @Override
  public RequestEstimate estimate(BoundScan scan) {
    Set<Object> ids = pinned(scan.terms());
    long sessions = ids == null ? 0 : scan.stoppable() ? Math.min(1, ids.size()) : ids.size();
    return ids == null ? null
        : new RequestEstimate(sessions * requestsPerSession(scan.usedColumns()), "PathSim", "GET", endpoint);
  }

  /**
   * A batch of session ids is read one session after the other, each session's rows together: in the
   * order of the ids, when they are the scan's only pin on session_id.
   */
  @Override
  public boolean answersKeysInOrder(int column, ScanSpec spec) {
    return column == 0 && spec.terms().stream().filter(t -> t.column() == 0 && Term.equalities(t) != null).count() == 1;
  }

  /**
   * A join's session ids are taken in batches only where their requests are expected to be no more
   * than one scan's ({@link KeyBatchRequests}).
   */
  @Override
  public boolean takesKeyBatches(int column, ScanSpec spec, KeyBatches batches) {
    return KeyBatchRequests.children(column, pinned(spec.terms()), requestsPerSession(spec.usedColumns()), batches);
  }

  @Override
  public String explainEstimate(ScanSpec spec) {
    Set<Object> ids = spec.empty() ? Set.of() : pinned(spec.terms());
    int each = requestsPerSession(spec.usedColumns());
    String then = requestsPerAnswerRow(spec.usedColumns()) > 0 ? " + " + answerRowCost() : "";
    if (ids != null) {
      long n = ids.size() * (long) each;
      if (spec.stoppable() && n > each) {
        return each + " to " + n + " requests" + then + ", session by session until the LIMIT's rows are found";
      }
      return n + (n == 1 ? " request" : " requests") + (n == 0 ? "" : then);
    }
    return "1 + 1 per 100 sessions of each workspace + " + each + " per session" + then
        + (spec.fetch() != null && !spec.fetch().isParameter() || spec.stoppable()
            ? ", session by session until the LIMIT's rows are found" : "")
        + (api.times().stated() ? "" : SessionsExplain.TIME_LISTS);
  }

  /** What {@link #requestsPerAnswerRow} are, for EXPLAIN: "1 per recording found (its file)". */
  String answerRowCost() {
    return "";
  }

  @Override
  public String narrowing() {
    return "filter on session_id (= or IN, or a join from pathsim.sessions filtered on its own columns)"
        + " or add a LIMIT";
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
    // a LIMIT cannot say how many sessions it needs (one may have no rows): then one at a time, the
    // next asked for only when the rows so far fall short (it needs one session at least). Below a
    // LIMIT above a join that asks for this scan's rows only as its own are asked for, the sessions'
    // requests travel up to maxConcurrentRequests ahead of the reader, cancelled when it stops (with
    // one at a time, each is sent when its rows are asked for; a table read on the caller's thread
    // gains nothing from reading ahead, so it reads one session after the other)
    boolean limited = scan.needed() >= 0 || scan.stoppable() && !expandsInFlight();
    OrderedRequests<String, List<Object[]>> expanded = new OrderedRequests<>(sessions,
        id -> expandAsync(id, scan), limited ? 1 : api.concurrency(), scan.needed() >= 0 ? 1 : -1, scan);
    return new RowSource() {
      private Iterator<Object[]> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && expanded.hasNext()) {
          current = expanded.next().iterator();
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

      @Override
      public void close() {
        expanded.close();
      }
    };
  }

  private Iterator<String> allSessions(BoundScan scan) {
    scan.checkCancelled();
    List<Supplier<AsyncRows>> parts = new ArrayList<>();
    long pinnedUntil = System.currentTimeMillis() + SessionsTable.PIN_MARGIN_MILLIS;
    boolean readsAll = scan.needed() < 0 && !scan.stoppable(); // else as a LIMIT reads: no page ahead
    int width = readsAll ? api.concurrency() : 1;
    // every listed session costs its requests; under a LIMIT none is sure to (one may have no rows);
    // what an answer leads to (a file) only for the rows a LIMIT is sure to take
    RowRequests costs =
        new RowRequests(requestsPerSession(scan.usedColumns()), null, sessionsNeeded(scan), 0)
            .withAnswerRows(requestsPerAnswerRow(scan.usedColumns()));
    for (String workspace : WorkspacesTable.ids(api, scan)) {
      parts.add(() -> new SessionPages(api, scan, workspace, Map.of(), 0, -1, pinnedUntil, costs,
          sessionsNeeded(scan)).rows(readsAll, width));
    }
    AsyncRows rows = new ConcurrentConcat(parts, width);
    return new SessionIds(rows);
  }

  /** The ids of listed sessions; closing it stops the listing. */
  private static final class SessionIds implements Iterator<String>, AutoCloseable {
    private final AsyncRows rows;

    SessionIds(AsyncRows rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public String next() {
      return (String) rows.next()[SessionColumns.ID];
    }

    @Override
    public void close() {
      rows.close();
    }
  }
}
