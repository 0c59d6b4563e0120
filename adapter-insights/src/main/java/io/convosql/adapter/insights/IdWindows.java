package io.convosql.adapter.insights;

import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Sessions pinned by id looked for in the windows of the query's bounds on session_start_time, with
 * the ids as terms on {@code id}: those that {@code GET /insights/sessions/search/{id}} answered 404
 * for (the document says only that the search by id covers "a wide range of dates", so a service may
 * not reach an old session that the query's own bounds hold), or all of a query's ids at once when
 * that takes fewer requests than a get per id ({@link #searches}). Only with a lower bound (all
 * history is never read), newest window first, the ids together as one {@code should} list (as many
 * per search as the URL takes, {@link UrlBudget}, and no more than a page holds), and no window more
 * once every id is found. The number of the 404s is known only after the gets, so the request budget
 * is asked then, for all the windows at most.
 */
final class IdWindows {
  private IdWindows() {}

  /**
   * The rows of the sessions with these ids in the plan's bounds. An id too long for a search's URL
   * ({@link SearchPlan#searchable}) names no session of the service's and is not looked for.
   */
  static List<Object[]> rows(InsightsTable table, BoundScan scan, SearchPlan plan, List<String> missing) {
    return rows(table, scan, plan, missing, true);
  }

  /**
   * The rows of the sessions with these ids in the plan's bounds; {@code notFound} when they are the
   * ids the search by id answered 404 for (their searches are then asked of the budget), otherwise a
   * query's ids searched instead of got, which the scan's estimate counted before anything was sent.
   */
  private static List<Object[]> rows(InsightsTable table, BoundScan scan, SearchPlan plan, List<String> missing,
      boolean notFound) {
    Window range = table.settings.range(plan, table.settings.now(scan.bypassCache()));
    Set<String> left = new LinkedHashSet<>();
    missing.stream().filter(id -> SearchPlan.searchable(Set.of(id))).forEach(left::add);
    if (range.empty() || left.isEmpty()) {
      return List.of();
    }
    List<Window> windows = range.split(false);
    String sortBy = table.sortBy(List.of());
    String project = table.projectFields(scan.usedColumns());
    long requests = (long) windows.size() * groups(left, plan, table, sortBy, project).size();
    if (notFound) {
      scan.checkMore(requests, named(left) + " not found by GET " + InsightsApi.SEARCH + "/search/{id} (404);"
        + " searching the " + windows.size() + (windows.size() == 1 ? " window" : " windows") + " of the"
        + " query's bounds on session_start_time for " + (left.size() == 1 ? "it" : "them"),
        "narrow session_start_time (each " + Window.MAX_DAYS + "-day window costs a request)",
          InsightsApi.SPEC.name(), "GET", InsightsApi.SEARCH);
    }
    List<Object[]> rows = new ArrayList<>();
    for (Window w : windows) {
      Set<String> found = new LinkedHashSet<>();
      for (List<String> group : groups(left, plan, table, sortBy, project)) {
        SearchPlan p = plan.searching(group);
        UrlBudget.fit(p, table.settings.api, sortBy, project); // keeps the ids: grouped to fit
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

  /**
   * The requests that searching the bounds' windows for all of a scan's ids costs at most, when that
   * is fewer than the gets by id they would cost otherwise (one per id that can be sent, and on top
   * the windows for any it answers 404 for); -1 when it is not, or when the ids are not searched in
   * windows at all (no lower bound, bounds inside one day, a parameter, an id too long for a search
   * alone). Each window is one search per
   * group of ids ({@link #groups}), each group one page.
   */
  static long searches(InsightsTable table, BoundScan scan, SearchPlan plan) {
    return searches(table, plan, scan.usedColumns(), table.settings.now(scan.bypassCache()));
  }

  /** {@link #searches(InsightsTable, BoundScan, SearchPlan)} for these used columns at {@code now}. */
  static long searches(InsightsTable table, SearchPlan plan, java.util.BitSet used, long now) {
    if (plan.ids == null || !(plan.lower instanceof Long) || plan.unknownBounds() || ByIdReads.day(plan) != null) {
      return -1;
    }
    if (plan.ids.stream().anyMatch(id -> !(id instanceof String))) {
      return -1; // parameters of a plan explained: the scan decides when it runs
    }
    Set<String> ids = new LinkedHashSet<>();
    plan.ids.forEach(id -> ids.add((String) id));
    long gets = ids.stream().filter(id -> table.settings.api.sendable(id, null)).count();
    if (ids.stream().anyMatch(id -> !SearchPlan.searchable(Set.of(id)))) {
      return -1; // an id too long to search is got by id, as before: no guess that no session has it
    }
    Window range = table.settings.range(plan, now);
    if (range.empty() || ids.isEmpty()) {
      return -1;
    }
    long searches = (long) range.split(false).size()
        * groups(ids, plan, table, table.sortBy(List.of()), table.projectFields(used)).size();
    return searches < gets ? searches : -1;
  }

  /** The rows of all of the plan's ids, searched in its windows instead of got ({@link #searches}). */
  static List<Object[]> searched(InsightsTable table, BoundScan scan, SearchPlan plan) {
    return rows(table, scan, plan, plan.ids.stream().map(id -> (String) id).toList(), false);
  }

  /**
   * The ids in groups that one search each takes, in their order: as many as keep its URL, with this
   * order and projection, within {@link UrlBudget#MAX_TARGET_BYTES}, and no more than a page holds
   * ({@link InsightsApi#MAX_PAGE}: a session is one hit), so that each group is one request.
   */
  private static List<List<String>> groups(Set<String> ids, SearchPlan plan, InsightsTable table,
      String sortBy, @Nullable String project) {
    List<List<String>> out = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (String id : ids) {
      group.add(id);
      if (group.size() > InsightsApi.MAX_PAGE
          || !UrlBudget.fits(plan.searching(group), table.settings.api, sortBy, project)) {
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
