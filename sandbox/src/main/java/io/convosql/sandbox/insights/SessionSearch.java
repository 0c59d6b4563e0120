package io.convosql.sandbox.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a search over the stored sessions and renders the API's answer: total, hits and page fields.
 * The total is exact, as the document says, unless a result window is set ({@link #resultWindow}).
 * Hits without a {@code sort_by} come newest first, and hits that tie on every key of one by id,
 * unless the order is set to vary ({@link #varyingOrder}).
 */
final class SessionSearch {
  private final InsightsData data;
  private volatile int resultWindow; // 0: none
  private volatile boolean flattened;
  private volatile boolean exactTotal;
  private volatile boolean varyingOrder;

  SessionSearch(InsightsData data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  /**
   * Answers as a service on ElasticSearch with its defaults does: a total counted up to {@code max}
   * hits (beyond, {@code {"value": max, "relation": "gte"}}, or just {@code max} when
   * {@code flattened}, as a service that passes on only the number would), and a request for hits
   * past {@code max} refused ({@code max_result_window}). 0 turns it off.
   */
  void resultWindow(int max, boolean flattened) {
    if (max < 0) {
      throw new IllegalArgumentException("result window must be 0 (none) or more: " + max);
    }
    this.resultWindow = max;
    this.flattened = flattened;
    this.exactTotal = false;
  }

  /**
   * Answers as a service on ElasticSearch that counts every hit ({@code track_total_hits: true}) but
   * keeps the default {@code max_result_window}: exact totals, and a request for hits past {@code max}
   * refused. 0 turns it off.
   */
  void resultWindowWithExactTotal(int max) {
    resultWindow(max, false);
    this.exactTotal = max > 0;
  }

  /**
   * Whether the order the document does not promise varies from request to request, as it does on
   * ElasticSearch, where each request may be answered by another replica of the index, each with its
   * own order of hits that tie: a search without {@code sort_by} then gets its hits in an order drawn
   * anew for each request, and hits that tie on every key of a {@code sort_by} likewise.
   */
  void varyingOrder(boolean on) {
    this.varyingOrder = on;
  }

  /** The answer body for a valid search. */
  String run(SearchQuery query) {
    int max = resultWindow;
    if (max > 0 && query.offset() + query.pageSize() > max) {
      throw new InvalidRequest("Result window is too large, from + size must be less than or equal to: ["
          + max + "] but was [" + (query.offset() + query.pageSize()) + "]");
    }
    List<StoredSession> matches = new ArrayList<>();
    for (StoredSession session : data.startedBetween(query.range().fromMicros(), query.range().toMicros())) {
      if (query.filter().matches(session)) {
        matches.add(session);
      }
    }
    Random shuffle = varyingOrder ? ThreadLocalRandom.current() : null;
    SortOrder order = query.sort() != null ? query.sort()
        : shuffle != null ? SortOrder.NONE : SortOrder.DEFAULT; // no promised order: any, or newest first
    List<StoredSession> sorted = order.sort(matches, shuffle);
    List<String> hits = new ArrayList<>();
    long end = Math.min(sorted.size(), query.offset() + query.pageSize());
    for (long i = query.offset(); i < end; i++) {
      hits.add(query.projection().render(sorted.get((int) i)));
    }
    String total = Integer.toString(sorted.size());
    if (max > 0 && sorted.size() > max && !exactTotal) {
      total = flattened ? Integer.toString(max) : "{\"value\":" + max + ",\"relation\":\"gte\"}";
    }
    return render(total, hits, query.pageSizeText(), query.pageNumberText());
  }

  /** The empty answer the API gives to a query whose braces or brackets were not encoded. */
  static String empty(String pageSizeText, String pageNumberText) {
    return render("0", List.of(), pageSizeText, pageNumberText);
  }

  private static String render(String total, List<String> hits, String pageSize, String pageNumber) {
    StringBuilder b = new StringBuilder(64 + hits.size() * 8192);
    b.append("{\"total\":").append(total).append(",\"hits\":[");
    b.append(String.join(",", hits));
    b.append("],\"page_size\":").append(Json.quote(pageSize));
    b.append(",\"page_number\":").append(Json.quote(pageNumber)).append('}');
    return b.toString();
  }
}
