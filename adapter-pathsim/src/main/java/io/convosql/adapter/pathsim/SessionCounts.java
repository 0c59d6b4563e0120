package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.SessionColumns.SOURCE;
import static io.convosql.adapter.pathsim.SessionColumns.TEST_TYPE;
import static io.convosql.adapter.pathsim.SessionColumns.WORKSPACE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code COUNT(*)} of {@code pathsim.sessions} from the lists' {@code pagination.total}: one request
 * of {@code limit=1} per workspace, when the list parameters select exactly the counted sessions.
 * The total counts sessions before the calculated filters (objective, connected) and the date
 * parameters are widened to whole days, so a count under those filters, or on anything else the API
 * cannot filter exactly, is counted by paging instead.
 */
final class SessionCounts {
  /** The columns whose pushed equalities the list parameters apply exactly before the total. */
  private static final Set<Integer> EXACT_COLUMNS = Set.of(WORKSPACE_ID, TEST_TYPE, SOURCE);

  private SessionCounts() {}

  /** Whether the count may come from totals once the parameters are known. */
  static boolean countable(ScanSpec spec) {
    return countable(spec.terms());
  }

  /** The sum of the workspaces' totals, or -1 when the totals would not be the exact count. */
  static long count(PathSimApi api, BoundScan scan) {
    SessionsQuery q = SessionsQuery.of(scan.terms());
    if (q.contradiction) {
      return 0;
    }
    if (!countable(scan.terms()) || q.ids != null || !q.exact || q.calculated) {
      return -1;
    }
    List<String> workspaces = new ArrayList<>();
    if (q.workspaces != null) {
      q.workspaces.stream().filter(SessionsQuery::pathSegment).forEach(w -> workspaces.add((String) w));
    } else {
      scan.checkCancelled();
      workspaces.addAll(WorkspacesTable.ids(api, scan));
    }
    Map<String, String> filters = q.listParams();
    long sum = 0;
    for (String w : workspaces) {
      scan.checkCancelled();
      JsonNode body = api.sessionsPage(w, PathSimApi.pageParams(filters, 0, 1), scan);
      if (body == null) {
        continue; // an unknown workspace has no sessions
      }
      SessionsPageShape.check(body, PathSimApi.sessionsPath(w));
      JsonNode total = body.path("pagination").get("total");
      if (total == null || total.isNull()) {
        return -1; // the API did not say: count by paging
      }
      sum += total.asLong();
    }
    return sum;
  }

  private static boolean countable(List<Term> terms) {
    return terms.stream().allMatch(t -> EXACT_COLUMNS.contains(t.column()));
  }

  /** EXPLAIN's text for a count scan. */
  static String explain(ScanSpec spec) {
    SessionsQuery q = SessionsQuery.of(spec.terms());
    String target = q.workspaces == null ? "{each workspace}"
        : q.workspaces.size() == 1 ? q.workspaces.iterator().next().toString() : "{workspace}";
    StringBuilder b = new StringBuilder(q.workspaces == null ? "GET /workspaces; " : "");
    b.append("GET /workspaces/").append(target).append("/sessions?");
    q.listParams().forEach((k, v) -> b.append(k).append('=').append(v).append('&'));
    b.append("limit=1&offset=0");
    if (q.workspaces != null && q.workspaces.size() > 1) {
      b.append(" for workspace in ").append(q.workspaces);
    }
    return b.append(", summing pagination.total (listing them when the filters are not exact)").toString();
  }
}
