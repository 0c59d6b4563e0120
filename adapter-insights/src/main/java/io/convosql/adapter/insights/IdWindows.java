package io.convosql.adapter.insights;

import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sessions that {@code GET /insights/sessions/search/{id}} answered 404 for, looked for in the
 * windows of the query's bounds on session_start_time. The document says only that the search by id
 * covers "a wide range of dates", so a service may not reach an old session that the query's own
 * bounds hold; a search with a term on id within a window is what the document defines. Only with a
 * lower bound (all history is never read), newest window first, the missing ids together as one
 * {@code should} list (at most {@link SearchPlan#MAX_SEARCHED_IDS} per search), and no window more
 * once every id is found. Their number is known only after the gets, so the request budget is asked
 * then, for all the windows at most.
 */
final class IdWindows {
  private IdWindows() {}

  /**
   * The rows of the sessions with these ids in the plan's bounds. An id too long for a search's URL
   * ({@link SearchPlan#searchable}) names no session of the service's and is not looked for.
   */
  static List<Object[]> rows(InsightsTable table, BoundScan scan, SearchPlan plan, List<String> missing) {
    Window range = table.settings.range(plan, table.settings.now(scan.bypassCache()));
    Set<String> left = new LinkedHashSet<>();
    missing.stream().filter(id -> SearchPlan.searchable(Set.of(id))).forEach(left::add);
    if (range.empty() || left.isEmpty()) {
      return List.of();
    }
    List<Window> windows = range.split(false);
    long requests = (long) windows.size() * groups(left).size();
    scan.checkMore(requests, named(left) + " not found by GET " + InsightsApi.SEARCH + "/search/{id} (404);"
        + " searching the " + windows.size() + (windows.size() == 1 ? " window" : " windows") + " of the"
        + " query's bounds on session_start_time for " + (left.size() == 1 ? "it" : "them"),
        "narrow session_start_time (each " + Window.MAX_DAYS + "-day window costs a request)",
        InsightsApi.SPEC.name(), "GET", InsightsApi.SEARCH);
    String sortBy = table.sortBy(List.of());
    String project = table.projectFields(scan.usedColumns());
    List<Object[]> rows = new ArrayList<>();
    for (Window w : windows) {
      Set<String> found = new LinkedHashSet<>();
      for (List<String> group : groups(left)) {
        SearchPlan p = plan.searching(group);
        UrlBudget.fit(p, table.settings.api, sortBy, project); // keeps the ids: searchable
        SearchShape shape = new SearchShape(sortBy, p.filterBy(List.of()), project);
        try (AsyncRows hits = new WindowPages(table, scan, w, shape, Paging.of(p, scan, 1), true, false)
            .onSession(found::add).rows(false, 1)) {
          while (hits.hasNext()) {
            rows.add(hits.next());
          }
        }
      }
      left.removeAll(found);
      if (left.isEmpty()) {
        break;
      }
    }
    return rows;
  }

  /** "session 'a' was" or "sessions 'a', 'b' were", naming at most three. */
  private static String named(Set<String> ids) {
    List<String> list = List.copyOf(ids);
    String shown = list.stream().limit(3).map(id -> "'" + id + "'").collect(Collectors.joining(", "))
        + (list.size() > 3 ? " and " + (list.size() - 3) + " more" : "");
    return list.size() == 1 ? "session " + shown + " was" : "sessions " + shown + " were";
  }

  /** The ids in groups that one search each takes ({@link SearchPlan#searchable}), in their order. */
  private static List<List<String>> groups(Set<String> ids) {
    List<List<String>> out = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (String id : ids) {
      group.add(id);
      if (!SearchPlan.searchable(new LinkedHashSet<>(group))) {
        group.remove(group.size() - 1);
        out.add(group);
        group = new ArrayList<>(List.of(id));
      }
    }
    if (!group.isEmpty()) {
      out.add(group);
    }
    return out;
  }
}
