package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.SessionColumns.STARTED_AT;
import static io.convosql.adapter.pathsim.SessionColumns.TARGET;
import static io.convosql.adapter.pathsim.SessionColumns.VIRTUAL_CUSTOMER;
import static io.convosql.adapter.pathsim.SessionColumns.WORKSPACE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.ConcurrentConcat;
import io.convosql.core.exec.RowSource;
import io.convosql.core.exec.Streams;
import io.convosql.core.exec.WarningListener;
import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.ForeignKey;
import io.convosql.core.plan.KeyBatches;
import io.convosql.core.plan.Pushdown;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.SortKey;
import io.convosql.core.plan.SpellingMiss;
import io.convosql.core.plan.Term;
import io.convosql.core.plan.RequestEstimate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code pathsim.sessions}: one row per test session of every workspace. Filters become the list
 * parameters or direct gets by id, ORDER BY started_at becomes {@code sort}, and detail columns are
 * fetched per row only when the query uses them.
 */
final class SessionsTable extends ApiTable {
  private final PathSimApi api;
  private volatile WarningListener warnings = WarningListener.NONE;

  SessionsTable(PathSimApi api, boolean pushdown) {
    super("sessions", "PathSim test sessions of all workspaces, one row per session; pushes down"
        + " workspace_id, id, test_type, source, objective, connected, started_at ranges,"
        + " LIKE on virtual_customer/target (search), ORDER BY started_at, LIMIT/OFFSET; a column marked"
        + " (detail) costs one GET /sessions/{id} per row, only when the query uses it",
        SessionColumns.COLUMNS, pushdown);
    this.api = api;
  }

  /** Where the warnings of this table's scans go ({@link SpellingMiss}). */
  void setWarnings(WarningListener listener) {
    this.warnings = java.util.Objects.requireNonNull(listener, "listener");
  }

  @Override
  public List<String> primaryKey() {
    return List.of("id");
  }

  @Override
  public List<ForeignKey> foreignKeys() {
    return List.of(new ForeignKey("workspace_id", "workspaces", "id"));
  }

  @Override
  public Pushdown pushdown(Term term, ScanSpec spec) {
    if (term.evaluable()) {
      return Pushdown.EXACT; // the scan checks it on every row; the API narrows where it can
    }
    boolean searchable = term.column() == VIRTUAL_CUSTOMER || term.column() == TARGET;
    if (searchable && term instanceof Term.Like
        && LikeText.of(((Term.Like) term).pattern(), ((Term.Like) term).escape()) != null) {
      return Pushdown.SUPERSET;
    }
    return Pushdown.NONE;
  }

  @Override
  public boolean supportsSort(List<SortKey> keys, ScanSpec spec) {
    return keys.size() == 1 && keys.get(0).column() == STARTED_AT;
  }

  @Override
  public boolean countable(ScanSpec spec) {
    return SessionCounts.countable(spec);
  }

  @Override
  public long count(BoundScan scan) {
    return SessionCounts.count(api, scan);
  }

  @Override
  public boolean neverNull(int column) {
    return column == SessionColumns.ID;
  }

  /** The sessions the planner expects of a scan before its filters. */
  static final double ESTIMATED = 5_000d;

  @Override
  public double rowCountEstimate() {
    return ESTIMATED;
  }

  /**
   * A join's keys are taken in batches only where their requests are expected to be no more than one
   * scan's: a get per key against the listing and its details ({@link KeyBatchRequests}).
   */
  @Override
  public boolean takesKeyBatches(int column, ScanSpec spec, KeyBatches batches) {
    return KeyBatchRequests.sessions(column, spec, batches);
  }

  @Override
  public String explain(ScanSpec spec) {
    return SessionsExplain.explain(spec);
  }

  @Override
  public String explainEstimate(ScanSpec spec) {
    return SessionsExplain.estimate(spec, api.times().stated());
  }

  /**
   * Sessions pinned by id are a get each; read by a join that may stop after any row
   * ({@link BoundScan#stoppable}), only the first is sure.
   */
  @Override
  public RequestEstimate estimate(BoundScan scan) {
    SessionsQuery q = SessionsQuery.of(scan.terms());
    return !q.contradiction && byId(q, scan.uses(WORKSPACE_ID))
        ? new RequestEstimate(scan.stoppable() ? Math.min(1, q.ids.size()) : q.ids.size(), "PathSim", "GET",
            "/sessions/{id}") : null;
  }

  /**
   * A batch of ids is got one session after the other, in the order of the ids ({@link SessionsById}),
   * when they are the scan's only pin on id, no order is asked for and the query uses no workspace_id
   * (which would list the sessions instead).
   */
  @Override
  public boolean answersKeysInOrder(int column, ScanSpec spec) {
    return column == SessionColumns.ID && spec.sort().isEmpty()
        && byId(SessionsQuery.of(spec.terms()), spec.usedColumns().get(WORKSPACE_ID))
        && spec.terms().stream().filter(t -> t.column() == SessionColumns.ID && Term.equalities(t) != null).count() == 1;
  }

  @Override
  public java.util.BitSet perRowColumns() {
    return SessionColumns.detailColumns();
  }

  @Override
  public String narrowing() {
    return "filter on id, workspace_id, test_type, source or a started_at range, select no (detail)"
        + " column, or add a LIMIT";
  }

  /**
   * The {@code sort} sent for ORDER BY started_at: the document's default field, created_at. It only
   * makes reading short; {@link SortedSessions} sorts by started_at itself.
   */
  static String sortParam(List<SortKey> sort) {
    return sort.get(0).descending() ? "-created_at" : "created_at";
  }

  /** Whether the query can be answered by getting sessions by id rather than listing them. */
  static boolean byId(SessionsQuery q, boolean usesWorkspace) {
    return q.ids != null && !usesWorkspace;
  }

  /** Whether the API applies the SQL OFFSET itself: one workspace and an exact list. */
  static boolean apiOffset(SessionsQuery q, int workspaceCount) {
    return workspaceCount == 1 && q.exact && !q.calculated;
  }

  /**
   * How far past its start a scan still takes sessions: times are to the minute and the API's clock
   * may run ahead of ours, so a session created just before the scan must not look newer than it.
   */
  static final long PIN_MARGIN_MILLIS = 5 * 60_000L;

  @Override
  public RowSource open(BoundScan scan) {
    SessionsQuery q = SessionsQuery.of(scan.terms());
    SpellingMiss.among("pathsim.sessions", scan.terms(), SessionColumns.COLUMNS, SessionsQuery.DOCUMENTED,
        SessionsQuery.PARAMS).forEach(miss -> warnings.warn(scan.context(), miss.warning()));
    if (q.contradiction) {
      return RowSource.of(java.util.Collections.emptyIterator());
    }
    boolean detail = SessionColumns.needsDetail(scan.usedColumns());
    if (byId(q, scan.uses(WORKSPACE_ID))) {
      return SessionsById.open(api, scan, q);
    }
    List<String> workspaces = new ArrayList<>();
    if (q.workspaces != null) {
      q.workspaces.stream().filter(SessionsQuery::pathSegment)
          .forEach(w -> workspaces.add((String) w));
    } else {
      scan.checkCancelled();
      workspaces.addAll(WorkspacesTable.ids(api, scan));
    }
    // a condition checked here before details may drop listed rows: the API's rows are then a superset
    boolean exact = q.exact && !scan.hasEarlyCondition();
    boolean sorted = !scan.sort().isEmpty();
    boolean offsetByApi = exact && !sorted && apiOffset(q, workspaces.size());
    // sorted here, an exact list's OFFSET rows are skipped before their details are asked for
    boolean offsetHere = sorted && exact && scan.offset() > 0;
    Map<String, String> filters = new LinkedHashMap<>(q.listParams());
    if (sorted) {
      filters.put("sort", sortParam(scan.sort()));
    }
    long needed = !exact || q.calculated ? -1 : offsetByApi ? scan.fetch() : scan.needed();
    long firstOffset = offsetByApi ? scan.offset() : 0;
    long pinnedUntil = System.currentTimeMillis() + PIN_MARGIN_MILLIS;
    // what may stop reading after any row (a LIMIT above a batch join) reads as a LIMIT does: one
    // workspace's page at a time, none ahead
    boolean readsAll = scan.needed() < 0 && !scan.stoppable();
    int width = readsAll ? api.concurrency() : 1;
    // with a filter the API cannot apply exactly, a LIMIT still says the fewest rows the scan lists
    // (all of them pass): the budget expects that many, and stops the scan if it must read more; so
    // does a LIMIT kept above a filter the scan cannot take, which stops reading it
    long expectedRows = scan.readTo();
    RowRequests costs = detail ? details(scan, q, exact, offsetByApi, offsetHere) : RowRequests.none();
    List<Supplier<AsyncRows>> parts = new ArrayList<>();
    for (String w : workspaces) {
      parts.add(() -> new SessionPages(api, scan, w, filters, firstOffset, needed, pinnedUntil, costs,
          expectedRows).rows(readsAll, width));
    }
    AsyncRows rows;
    if (!sorted) {
      rows = new ConcurrentConcat(parts, width);
    } else {
      // the API's created_at order need not be started_at's: each workspace's sessions are sorted here
      boolean detailTerm = scan.terms().stream().anyMatch(t -> t.column() >= SessionColumns.FIRST_DETAIL);
      java.util.function.Predicate<Object[]> passes =
          detailTerm ? null : scan.checkBefore(SessionColumns.detailColumns());
      // the first listing of each workspace tells the budget of the details (shared: all of them
      // together need no more than the LIMIT's); the later reads of the same sessions do not again
      List<AsyncRows> streams = new ArrayList<>();
      for (String w : workspaces) {
        streams.add(new SortedSessions((params, wanted, ahead, first) -> new SessionPages(api, scan, w,
            params, 0, wanted, pinnedUntil, first ? costs : RowRequests.none(),
            first ? expectedRows : wanted).rows(ahead, ahead ? api.concurrency() : 1),
            scan, filters, scan.needed(), exact && !q.calculated, passes));
      }
      rows = Streams.merge(streams, SortedSessions.order(scan.sort()),
          "PathSim GET /workspaces/{id}/sessions");
    }
    Iterator<Object[]> listed = offsetHere ? skipping(rows, scan.offset()) : rows;
    boolean offsetApplied = offsetByApi || offsetHere;
    DetailRows details = detail ? new DetailRows(api, scan, listed, offsetApplied) : null;
    Iterator<Object[]> out = details != null ? details : listed;
    return new RowSource() {
      @Override
      public boolean hasNext() {
        return out.hasNext();
      }

      @Override
      public Object[] next() {
        return out.next();
      }

      @Override
      public boolean offsetApplied() {
        return offsetApplied;
      }

      @Override
      public void close() {
        if (details != null) {
          details.close();
        }
        rows.close();
        costs.done(scan);
      }
    };
  }

  /**
   * The detail requests of a listing's sessions, as the request budget counts them: one for every
   * session of a list the API answers exactly; else one for each session of a page read that passes
   * what is checked before its detail (a started_at range is sent as whole days with a margin, and
   * objective and connected are applied after the API's total, so neither tells), and for the pages
   * not yet read, an estimate at the rate at which those read passed; at most the rows the LIMIT
   * takes, after an OFFSET skipped here.
   */
  private static RowRequests details(BoundScan scan, SessionsQuery q, boolean exact, boolean offsetByApi,
      boolean offsetHere) {
    long cap = scan.needed() < 0 ? scan.readTo() : offsetByApi || offsetHere ? scan.fetch() : scan.needed();
    return new RowRequests(1, exact && !q.calculated ? null : scan.checkBefore(SessionColumns.detailColumns()),
        cap, offsetHere ? scan.offset() : 0);
  }

  /** The rows after the first {@code n}, skipped when the first row is asked for. */
  private static Iterator<Object[]> skipping(Iterator<Object[]> rows, long n) {
    return new Iterator<>() {
      private boolean skipped;

      @Override
      public boolean hasNext() {
        if (!skipped) {
          skipped = true;
          for (long i = 0; i < n && rows.hasNext(); i++) {
            rows.next();
          }
        }
        return rows.hasNext();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return rows.next();
      }
    };
  }
}
