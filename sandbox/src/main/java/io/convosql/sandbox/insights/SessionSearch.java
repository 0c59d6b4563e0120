package io.convosql.sandbox.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs a search over the stored sessions and renders the API's answer: total, hits and page fields. */
final class SessionSearch {
  private final InsightsData data;

  SessionSearch(InsightsData data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  /** The answer body for a valid search. */
  String run(SearchQuery query) {
    List<StoredSession> matches = new ArrayList<>();
    for (StoredSession session : data.startedBetween(query.range().fromMicros(), query.range().toMicros())) {
      if (query.filter().matches(session)) {
        matches.add(session);
      }
    }
    List<StoredSession> sorted = query.sort().sort(matches);
    List<String> hits = new ArrayList<>();
    long end = Math.min(sorted.size(), query.offset() + query.pageSize());
    for (long i = query.offset(); i < end; i++) {
      hits.add(query.projection().render(sorted.get((int) i)));
    }
    return render(sorted.size(), hits, query.pageSizeText(), query.pageNumberText());
  }

  /** The empty answer the API gives to a query whose braces or brackets were not encoded. */
  static String empty(String pageSizeText, String pageNumberText) {
    return render(0, List.of(), pageSizeText, pageNumberText);
  }

  private static String render(int total, List<String> hits, String pageSize, String pageNumber) {
    StringBuilder b = new StringBuilder(64 + hits.size() * 8192);
    b.append("{\"total\":").append(total).append(",\"hits\":[");
    b.append(String.join(",", hits));
    b.append("],\"page_size\":").append(Json.quote(pageSize));
    b.append(",\"page_number\":").append(Json.quote(pageNumber)).append('}');
    return b.toString();
  }
}
