package io.convosql.adapter.pathsim;

import io.convosql.core.plan.Operand;
import io.convosql.core.plan.ScanSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The requests a sessions scan will send, as EXPLAIN shows them. */
final class SessionsExplain {
  /** How a listing pages, as EXPLAIN says it after the first page's request. */
  static final String NEXT_PAGES = " (next pages: offset + pagination.limit while pagination.hasMore)";

  private SessionsExplain() {}

  /**
   * What a scan that reads sessions may send besides, while the connection has not learnt how the
   * service writes Time's dates ({@link TimeReading}): the lists around each reading of an ambiguous
   * date, for the first page whose dates tell nothing; once learnt, nothing.
   */
  static final String TIME_LISTS = " + up to 2 to learn how Time writes dates (once per connection)";
  /** The same for sessions got by id, whose details do not name their workspace. */
  static final String TIME_LISTS_BY_ID =
      " + GET /workspaces and up to 2 per workspace to learn how Time writes dates (once per connection)";

  /**
   * The requests a sessions scan sends, as a count or a formula of what the API will answer.
   *
   * @param timeStated whether the connection states how Time is written (then nothing is sent to learn it)
   */
  static String estimate(ScanSpec spec, boolean timeStated) {
    SessionsQuery q = SessionsQuery.of(spec.terms());
    if (spec.empty() || q.contradiction) {
      return "0 requests";
    }
    if (spec.count() && SessionCounts.countable(spec)) {
      return q.workspaces == null ? "1 + 1 per workspace" : q.workspaces.size() + " requests";
    }
    if (!spec.count() && SessionsTable.byId(q, spec.usedColumns().get(SessionColumns.WORKSPACE_ID))) {
      int n = q.ids.size();
      String gets = spec.stoppable() && n > 1 ? "1 to " + n + " requests, session by session until the LIMIT's"
          + " rows are found" : n + (n == 1 ? " request" : " requests");
      return gets + (timeStated ? "" : TIME_LISTS_BY_ID);
    }
    return listing(spec, q) + (timeStated ? "" : TIME_LISTS);
  }

  /** The requests of a listing of sessions and of their details. */
  private static String listing(ScanSpec spec, SessionsQuery q) {
    boolean detail = !spec.count() && SessionColumns.needsDetail(spec.usedColumns());
    Operand fetch = spec.fetch();
    Operand offset = spec.offset();
    if (!spec.count() && q.workspaces != null && q.workspaces.size() == 1 && q.exact && spec.early() == null
        && !q.calculated && spec.sort().isEmpty()
        && fetch != null && !fetch.isParameter() && (offset == null || !offset.isParameter())) {
      // one exact list: the pages that hold OFFSET + FETCH rows, and a detail per row returned
      long rows = (Long) fetch.literalValue();
      long through = rows + (offset == null ? 0 : (Long) offset.literalValue());
      long n = Math.max(1, (through + PathSimApi.MAX_PAGE - 1) / PathSimApi.MAX_PAGE) + (detail ? rows : 0);
      return "at most " + n + (n == 1 ? " request" : " requests");
    }
    boolean exactList = q.exact && spec.early() == null && !q.calculated;
    boolean wholeSort = wholeSort(spec);
    if (!spec.count() && !spec.sort().isEmpty() && !wholeSort
        && fetch != null && !fetch.isParameter() && (offset == null || !offset.isParameter())) {
      // per workspace the pages that hold OFFSET + FETCH rows (of an exact list; else the pages until
      // that many pass), then the pages of the days they reach (SortedSessions)
      long rows = (Long) fetch.literalValue();
      long skipped = offset == null ? 0 : (Long) offset.literalValue();
      long through = rows + skipped;
      String first = exactList
          ? Long.toString(Math.max(1, (through + PathSimApi.MAX_PAGE - 1) / PathSimApi.MAX_PAGE))
          : "1 per 100 sessions until " + through + " pass";
      // an exact list's OFFSET is skipped before the details, another's after them
      String details = !detail ? "" : exactList || skipped == 0 ? " + 1 per row returned (detail columns)"
          : " + 1 per row returned or skipped by the OFFSET (detail columns)";
      return (q.workspaces == null ? "1 + " : "") + "per workspace " + first + " + 1 per 100 sessions"
          + " of the days the LIMIT reaches" + details;
    }
    // a started_at range lists whole days with a margin (created_from/created_to): the pages hold
    // those days' sessions, and only the sessions passing the exact range cost their details; so
    // for any filter the API does not apply exactly, or applies after its total (objective, connected).
    // The request budget counts those of the pages not yet read at the rate of the pages read
    // (RowRequests), as the estimate says
    String pages = (q.workspaces == null ? "1 + " : "") + "1 per 100 sessions of "
        + (q.workspaces == null ? "each workspace" : "the workspace")
        + (q.lower != null || q.upper != null ? " on the days listed" : "");
    boolean limit = fetch != null && !fetch.isParameter();
    return pages + (!detail ? "" : exactList ? " + 1 per session (detail columns)"
        : " + 1 per session passing the filter on list columns (detail columns; on pages not yet read,"
            + " estimated at the rate of those read)")
        + (!limit ? "" : !wholeSort ? ", up to the LIMIT's rows"
            : detail ? ", details up to the LIMIT's rows" : "")
        + (limit || !spec.stoppable() ? "" : ", page by page as the join's rows are asked for, until the LIMIT's"
            + " rows are found");
  }

  /**
   * Whether an ORDER BY started_at reads every page whatever the LIMIT: NULLs first (no date window
   * is sure to hold sessions without a Time), or a condition on a detail column (a session may still
   * be dropped after its detail).
   */
  private static boolean wholeSort(ScanSpec spec) {
    return !spec.sort().isEmpty() && (spec.sort().get(0).nullsFirst()
        || spec.terms().stream().anyMatch(t -> t.column() >= SessionColumns.FIRST_DETAIL));
  }

  static String explain(ScanSpec spec) {
    if (spec.empty()) {
      return "none (the filter is always false)";
    }
    SessionsQuery q = SessionsQuery.of(spec.terms());
    if (q.contradiction) {
      return "none (the filter matches no row)";
    }
    if (spec.count()) {
      return SessionCounts.explain(spec);
    }
    boolean usesWorkspace = spec.usedColumns().get(SessionColumns.WORKSPACE_ID);
    if (SessionsTable.byId(q, usesWorkspace)) {
      return "GET /sessions/{id} for id in " + Operand.describe(q.ids);
    }
    StringBuilder b = new StringBuilder();
    String target;
    int workspaceCount;
    if (q.workspaces == null) {
      b.append("GET /workspaces; ");
      target = "{each workspace}";
      workspaceCount = -1;
    } else {
      target = q.workspaces.size() == 1 ? q.workspaces.iterator().next().toString() : "{workspace}";
      workspaceCount = q.workspaces.size();
    }
    Map<String, String> params = new LinkedHashMap<>(q.listParams());
    boolean sorted = !spec.sort().isEmpty();
    if (sorted) {
      params.put("sort", SessionsTable.sortParam(spec.sort()));
    }
    boolean exact = q.exact && spec.early() == null; // a condition checked before details may drop rows
    boolean offsetByApi = exact && !sorted && SessionsTable.apiOffset(q, workspaceCount);
    Operand fetch = spec.fetch();
    Operand offset = spec.offset();
    boolean limited = exact && !q.calculated && fetch != null && !wholeSort(spec);
    if (limited && !fetch.isParameter() && (offset == null || !offset.isParameter())) {
      long n = (Long) fetch.literalValue() + (offsetByApi || offset == null ? 0 : (Long) offset.literalValue());
      params.put("limit", Long.toString(Math.min(PathSimApi.MAX_PAGE, Math.max(1, n))));
    } else {
      params.put("limit", Integer.toString(PathSimApi.MAX_PAGE));
    }
    params.put("offset", offsetByApi && offset != null ? offset.toString() : "0");
    b.append("GET /workspaces/").append(target).append("/sessions?")
        .append(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&")));
    if (q.workspaces != null && q.workspaces.size() > 1) {
      b.append(" for workspace in ").append(q.workspaces);
    }
    b.append(NEXT_PAGES);
    if (sorted && fetch != null && !wholeSort(spec)) {
      b.append(spec.sort().get(0).descending()
          ? "; then every page with created_from = the day before the LIMIT's last started_at"
          : "; then every page with created_to = two days after the LIMIT's last started_at");
    }
    if (sorted) {
      b.append("; sorted here by started_at");
    }
    if (SessionColumns.needsDetail(spec.usedColumns())) {
      b.append("; GET /sessions/{id} per row (detail columns)");
    }
    return b.toString();
  }
}
