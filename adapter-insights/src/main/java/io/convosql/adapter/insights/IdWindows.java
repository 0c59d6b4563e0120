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
 * that takes fewer requests than a get per id ({@link #searches}), or a batch of a join's keys
 * ({@link SearchPlan#keyBatch}). Only with a lower bound (all
 * history is never read), newest window first, the ids together as one {@code should} list (as many
 * per search as the URL takes, {@link UrlBudget}, and no more than a page holds), and no window more
 * once every id is found. The number of the 404s is known only after the gets, so the request budget
 * is asked then, for all the windows at most.
 *
 * <p>A search for k ids can match at most k sessions. A service on ElasticSearch may read the
 * {@code should} list as optional and answer every session of the window ({@code real-apis.md}): the
 * first page then counts more, and the search ends there ({@link WindowPages#onlyOf}). The schema
 * remembers it ({@link ScanSettings#idTermsIgnored}): a query's ids, and a join's keys, are then got
 * by id, and the ids the search by id answers 404 for are looked for by reading each window once whole
 * (the search that showed it is read on, as that).
 */
final class IdWindows {
  private IdWindows() {}

  /**
   * What searching the windows for ids gave: the rows found, and the ids left unsearched because a
   * search showed that the service does not narrow by them ({@link WindowPages#onlyOf}); those are
   * got by id instead ({@link ByIdReads}).
   */
  record Found(List<Object[]> rows, List<String> unsearched) {}

  /**
   * The rows of the sessions with these ids in the plan's bounds, the ids the search by id answered 404
   * for. An id too long for a search's URL ({@link SearchPlan#searchable}) names no session of the
   * service's and is not looked for. On a service that does not narrow a search by the ids (known
   * before, or shown by a search's first page), each window left is read once whole for all of them:
   * the ids are searched that way per group, so that costs no more.
   */
  static List<Object[]> rows(InsightsTable table, BoundScan scan, SearchPlan plan, List<String> missing) {
    return rows(table, scan, plan, missing, true).rows();
  }

  /**
   * The rows of the sessions with these ids in the plan's bounds; {@code notFound} when they are the
   * ids the search by id answered 404 for (their searches are then asked of the budget), otherwise a
   * query's ids searched instead of got, which the scan's estimate counted before anything was sent:
   * those stop at a search that the service does not narrow, leaving the ids not yet found unsearched.
   */
  private static Found rows(InsightsTable table, BoundScan scan, SearchPlan plan, List<String> missing,
      boolean notFound) {
    Window range = table.settings.range(plan, table.settings.now(scan.bypassCache()));
    Set<String> left = new LinkedHashSet<>();
    missing.stream().filter(id -> SearchPlan.searchable(Set.of(id))).forEach(left::add);
    if (range.empty() || left.isEmpty()) {
      return new Found(List.of(), List.of());
    }
    boolean whole = table.settings.idTermsIgnored();
    if (whole && !notFound) {
      return new Found(List.of(), List.copyOf(left)); // learnt since the scan chose this route
    }
    List<Window> windows = range.split(false);
    String sortBy = table.sortBy(List.of());
    String project = table.projectFields(scan.usedColumns());
    long requests = (long) windows.size() * (whole ? 1 : groups(left, plan, table, sortBy, project).size());
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
      if (whole) {
        read(table, scan, w, plan.searching(List.of()), sortBy, project, Set.copyOf(left), null, rows, found);
      } else if (!searched(table, scan, plan, w, left, sortBy, project, notFound, rows, found)) {
        table.settings.idTermsIgnoredSeen();
        left.removeAll(found);
        if (!notFound) {
          return new Found(rows, List.copyOf(left));
        }
        whole = true; // this window was read whole: the windows left are too, once each
      }
      left.removeAll(found);
      if (left.isEmpty()) {
        break;
      }
    }
    return new Found(rows, List.of());
  }

  /**
   * Searches one window for the ids, a search per group, adding the rows of the ids and the sessions
   * read; false when a search showed that the service does not narrow by its ids. That search is then
   * left unread ({@code readOn} false) or read on whole ({@code readOn}), which reads every session of
   * the window, so no group more is searched.
   */
  private static boolean searched(InsightsTable table, BoundScan scan, SearchPlan plan, Window w,
      Set<String> left, String sortBy, @Nullable String project, boolean readOn, List<Object[]> rows,
      Set<String> found) {
    Set<String> wanted = Set.copyOf(left);
    for (List<String> group : groups(left, plan, table, sortBy, project)) {
      SearchPlan p = plan.searching(group);
      UrlBudget.fit(p, table.settings.api, sortBy, project); // keeps the ids: grouped to fit
      if (!read(table, scan, w, p, sortBy, project, wanted, new Guard(Set.copyOf(group), !readOn), rows, found)) {
        return false;
      }
    }
    return true;
  }

  /** The ids a search has as its only terms, and whether it ends when the service does not narrow by them. */
  private record Guard(Set<String> ids, boolean end) {}

  /**
   * Reads a search of one window, adding the rows of the sessions {@code wanted} that an earlier search
   * of the window did not find, and every session read; with the ids as its terms ({@code guard}), false when the service shows it does not narrow by
   * them ({@link WindowPages#onlyOf}).
   */
  private static boolean read(InsightsTable table, BoundScan scan, Window w, SearchPlan p, String sortBy,
      @Nullable String project, Set<String> wanted, @Nullable Guard guard, List<Object[]> rows,
      Set<String> found) {
    SearchShape shape = new SearchShape(sortBy, p.filterBy(List.of()), project);
    WindowPages pages = new WindowPages(table, scan, w, shape, Paging.of(p, scan, 1), true, false)
        .onSession(found::add);
    if (guard != null) {
      pages.onlyOf(guard.ids(), guard.end());
    }
    Set<String> before = Set.copyOf(found); // a search read whole holds those of the window's others
    try (AsyncRows hits = pages.rows(false, 1)) {
      while (hits.hasNext()) {
        Object[] row = hits.next();
        if (wanted.contains(row[InsightsTable.ID]) && !before.contains(row[InsightsTable.ID])) {
          rows.add(row);
        }
      }
    }
    return !pages.unnarrowed();
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
   * alone, or a service seen not to narrow a search by ids). A batch of a join's keys is always searched
   * (0 requests for an empty range). Each window is one search per group of ids ({@link #groups}), each
   * group one page on a service that narrows by them.
   */
  static long searches(InsightsTable table, BoundScan scan, SearchPlan plan) {
    return searches(table, plan, scan.usedColumns(), table.settings.now(scan.bypassCache()));
  }

  /** {@link #searches(InsightsTable, BoundScan, SearchPlan)} for these used columns at {@code now}. */
  static long searches(InsightsTable table, SearchPlan plan, java.util.BitSet used, long now) {
    if (table.settings.idTermsIgnored()) {
      return -1; // the service does not narrow a search by ids: the gets are fewer
    }
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
      return plan.keyBatch ? 0 : -1; // a batch's keys name no session of an empty range: nothing is sent
    }
    long searches = (long) range.split(false).size()
        * groups(ids, plan, table, table.sortBy(List.of()), table.projectFields(used)).size();
    // a batch's keys often name no session, and each one /search/{id} does not find costs the windows
    // on top of its get: they are searched
    return searches < gets || plan.keyBatch ? searches : -1;
  }

  /**
   * The rows of all of the plan's ids, searched in its windows instead of got ({@link #searches}), and
   * the ids left to get when a search showed that the service does not narrow by them.
   */
  static Found searched(InsightsTable table, BoundScan scan, SearchPlan plan) {
    return rows(table, scan, plan, plan.ids.stream().map(id -> (String) id).toList(), false);
  }

  /**
   * For the planner, the searches one window costs a batch of {@code keys} keys: as many as session
   * ids (36 characters) take, since the keys are known only when the join runs. The same for every
   * plan with this order and projection (a batch's search holds its ids and bounds alone,
   * {@link SearchPlan#searching}), so each table works it out once: the planner asks at every match
   * of a join, and measuring URLs each time made one statement's planning take seconds.
   */
  static int searchesPerWindow(InsightsTable table, SearchPlan plan, java.util.BitSet used, int keys) {
    if (keys <= 0) {
      return 0;
    }
    String sortBy = table.sortBy(List.of());
    String project = table.projectFields(used);
    return table.batchSearches.computeIfAbsent(sortBy + '\n' + project + '\n' + keys, k -> {
      Set<String> ids = new LinkedHashSet<>();
      for (int i = 0; i < keys; i++) {
        ids.add(String.format("%08d-0000-0000-0000-000000000000", i));
      }
      return groups(ids, plan, table, sortBy, project).size();
    });
  }

  /**
   * The ids in groups that one search each takes, in their order: as many as keep its URL, with this
   * order and projection, within {@link UrlBudget#MAX_TARGET_BYTES}, and no more than a page holds
   * ({@link InsightsApi#MAX_PAGE}: a session is one hit), so that each group is one request. A URL
   * only grows with its ids, so each group's size is found by halving, a few URLs measured a group
   * rather than one for every id.
   */
  private static List<List<String>> groups(Set<String> ids, SearchPlan plan, InsightsTable table,
      String sortBy, @Nullable String project) {
    List<String> left = new ArrayList<>(ids);
    List<List<String>> out = new ArrayList<>();
    while (!left.isEmpty()) {
      int fits = 1; // one id alone is always sent, as it always was
      int over = Math.min(left.size(), InsightsApi.MAX_PAGE) + 1;
      if (UrlBudget.fits(plan.searching(left.subList(0, over - 1)), table.settings.api, sortBy, project)) {
        fits = over - 1;
      } else {
        over--;
        while (over - fits > 1) {
          int mid = (fits + over) >>> 1;
          if (UrlBudget.fits(plan.searching(left.subList(0, mid)), table.settings.api, sortBy, project)) {
            fits = mid;
          } else {
            over = mid;
          }
        }
      }
      out.add(new ArrayList<>(left.subList(0, fits)));
      left = left.subList(fits, left.size());
    }
    return out;
  }
}
