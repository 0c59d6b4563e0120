package io.convosql.adapter.pathsim;

import io.convosql.core.plan.KeyBatches;
import io.convosql.core.plan.ScanSpec;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Whether a join's batches of keys are expected to cost no more PathSim requests than one scan, the
 * planner's choice between a batch nested-loop join and a hash join. Calcite weighs rows, and a
 * batch's scan returns a few rows where a scan returns thousands, so a get per key looked cheaper
 * whatever the keys: the demo's join of {@code insights.sessions} to {@code pathsim.sessions} on id
 * needed 318 gets (past the budget of 250) where listing every session is a few dozen requests.
 *
 * <p>A batch costs about a get per key (the planner's estimate of the other side's distinct keys: its
 * rows, or the values a filter pins the key column to; a NULL key costs less). A scan costs its listing, {@code GET /workspaces} (unless the workspaces
 * are pinned) and each workspace's pages of {@value PathSimApi#MAX_PAGE} sessions, one at least, for
 * the planner's estimate of the sessions it lists ({@link WorkspacesTable#ESTIMATED} workspaces,
 * {@link SessionsTable#ESTIMATED} sessions, a quarter for each pushed filter); and, where it needs each
 * session's detail (a detail column of {@code pathsim.sessions}, every child table), a request per
 * listed session on top. Sessions got by id cost a get each either way.
 */
final class KeyBatchRequests {
  private KeyBatchRequests() {}

  /** A listing's requests: GET /workspaces unless pinned, and each workspace's pages, one at least. */
  static double listing(@Nullable Set<Object> workspaces, double sessions) {
    double each = workspaces == null ? WorkspacesTable.ESTIMATED : workspaces.size();
    return (workspaces == null ? 1 : 0) + Math.max(each, Math.ceil(sessions / PathSimApi.MAX_PAGE));
  }

  /**
   * For {@code pathsim.sessions}: keys on {@code id} are a get each, unless the query uses workspace_id
   * (a detail does not name it: each batch then lists every session and checks the ids); keys on
   * {@code workspace_id} list those workspaces, a page each at least; keys on another column leave
   * each batch a whole listing.
   */
  static boolean sessions(int column, ScanSpec spec, KeyBatches batches) {
    SessionsQuery q = SessionsQuery.of(spec.terms());
    if (q.contradiction) {
      return false; // the scan sends nothing
    }
    boolean usesWorkspace = spec.usedColumns().get(SessionColumns.WORKSPACE_ID);
    boolean detail = SessionColumns.needsDetail(spec.usedColumns());
    double keys = Math.max(1, batches.keys());
    double rows = batches.scanRows();
    double details = detail ? rows : 0;
    double scan = SessionsTable.byId(q, usesWorkspace) ? q.ids.size() : listing(q.workspaces, rows) + details;
    double batched;
    if (column == SessionColumns.ID && !usesWorkspace) {
      batched = keys;
    } else if (column == SessionColumns.WORKSPACE_ID && q.ids == null) {
      batched = Math.max(keys, Math.ceil(rows / PathSimApi.MAX_PAGE)) + details;
    } else {
      double batchCount = Math.ceil(keys / batches.batchSize());
      double matched = column == SessionColumns.ID ? Math.min(keys, details) : details;
      batched = batchCount * listing(q.workspaces, rows) + matched;
    }
    return batched <= scan;
  }

  /**
   * For a child table ({@code transcript_lines}, {@code steps}, {@code recordings}): keys on
   * session_id are {@code perSession} requests each; a scan pinned to sessions by id costs as much for
   * each of those, and any other lists every session (whatever its other filters: they are checked on
   * the rows) and sends {@code perSession} for each. Keys on another column leave each batch a whole scan.
   */
  static boolean children(int column, @Nullable Set<Object> pinned, int perSession, KeyBatches batches) {
    if (column != 0) {
      return false;
    }
    double keys = Math.max(1, batches.keys());
    double sessions = SessionsTable.ESTIMATED;
    double scan = pinned != null ? pinned.size() * (double) perSession
        : listing(null, sessions) + sessions * perSession;
    return keys * perSession <= scan;
  }
}
