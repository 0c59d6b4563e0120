package io.convosql.bench;

import java.util.Map;

/** Minimum request counts built from the APIs' own totals (probe requests, not counted). */
final class Pages {
  private Pages() {}

  /** Pages of {@code size} needed for {@code total} rows: at least one, to learn there are none. */
  static long of(long total, int size) {
    return Math.max(1, (total + size - 1) / size);
  }

  /**
   * A PathSim listing over every workspace: {@code GET /workspaces} (the ids are not known otherwise),
   * then for each workspace the pages of 100 its stored filters select ({@code pagination.total};
   * objective and connected are applied after the page is cut, so they save no page).
   */
  static long pathSimListing(HandClient h, Map<String, String> storedFilters) {
    long n = 1;
    for (String w : h.workspaceIds()) {
      n += of(h.sessionsTotal(w, storedFilters), HandClient.PATHSIM_PAGE);
    }
    return n;
  }

  /** One Insights date window (at most 60 days): the pages of 100 its filter selects. */
  static long insightsSearch(HandClient h, String from, String to, String filterBy) {
    return of(h.searchTotal(from, to, filterBy), HandClient.INSIGHTS_PAGE);
  }
}
