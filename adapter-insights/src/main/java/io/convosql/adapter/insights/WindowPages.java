package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.Page;
import io.convosql.core.exec.PageReader;
import io.convosql.core.exec.PrefetchPages;
import io.convosql.core.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of one window, read page by page only as the consumer needs them. Hits outside the
 * window's own bounds are dropped (they belong to a neighbour). Paging follows the answer's
 * {@code total} when it has one and stops at an empty page, or, without a total, at a short page;
 * when the first page is short although the total says more follow, the server pages by fewer hits
 * than asked, and the following pages are asked at that size so no hit is skipped. When the hits are
 * exactly the answer, a window stops once it has the rows the scan can use; a page that repeats the
 * previous one fails the scan rather than loop.
 */
final class WindowPages {
  private final InsightsTable table;
  private final BoundScan scan;
  private final Window window;
  private final SearchShape shape;
  private final boolean apiOffset;
  private final long cap;
  private long delivered;
  private int pageSize;
  private long page;
  private long position;
  private int skip;
  private boolean first = true;
  private @Nullable String previousFirstId;

  WindowPages(InsightsTable table, BoundScan scan, Window window, SearchShape shape, Paging paging) {
    this.table = Objects.requireNonNull(table, "table");
    this.scan = Objects.requireNonNull(scan, "scan");
    this.window = Objects.requireNonNull(window, "window");
    this.shape = Objects.requireNonNull(shape, "shape");
    this.pageSize = paging.pageSize();
    this.page = paging.firstPage();
    this.position = paging.firstPage() * pageSize;
    this.skip = paging.skip();
    this.apiOffset = paging.apiOffset();
    this.cap = paging.cap();
  }

  /**
   * The rows, page by page.
   *
   * @param prefetch whether pages are requested while the current one is read (only when the scan
   *     reads everything); an exact total then lets up to {@code depth} pages be requested at once
   */
  AsyncRows rows(boolean prefetch, int depth) {
    return new PrefetchPages(scan, new PageReader<SearchAnswer>() {
      @Override
      public CompletableFuture<SearchAnswer> request(int ahead) {
        return table.settings.api.searchAsync(shape.params(window, page + ahead, pageSize), scan);
      }

      @Override
      public long total(SearchAnswer answer) {
        return answer.totalExact() ? answer.total() : -1;
      }

      @Override
      public Page read(SearchAnswer answer) {
        return page(answer);
      }
    }, prefetch, depth);
  }

  private Page page(SearchAnswer answer) {
    List<JsonNode> hits = answer.hits();
    if (hits.size() > pageSize) {
      throw InsightsApi.dataError("hits", "holds " + hits.size() + " sessions, more than the page_size "
          + pageSize + " asked for");
    }
    String firstId = hits.isEmpty() ? null : DocValues.text(hits.get(0).path("id"));
    if (firstId != null && firstId.equals(previousFirstId)) {
      throw InsightsApi.dataError("hits", "repeats the previous page (page_number " + page + " starts with"
          + " the same session), so the API does not page and the scan would not end");
    }
    previousFirstId = firstId;
    List<Object[]> rows = new ArrayList<>();
    for (JsonNode doc : hits) {
      if (skip > 0) {
        skip--;
        continue;
      }
      Object start = DocValues.read(doc.path("session_start_time"), SqlTypeName.TIMESTAMP,
          "session_start_time");
      if (start != null && window.contains((Long) start)) {
        rows.addAll(table.rows(doc, scan));
      }
    }
    position += hits.size();
    delivered += rows.size();
    page++;
    boolean more = !hits.isEmpty() && (answer.total() >= 0 && position < answer.total()
        || answer.total() < 0 && hits.size() == pageSize
        || !answer.totalExact() && hits.size() == pageSize);
    if (cap >= 0 && delivered >= cap) {
      more = false; // every further row would be past what the scan needs
    }
    if (more && hits.size() < pageSize) {
      followSmallerPages(hits.size());
    }
    first = false;
    long following = more && answer.totalExact() && hits.size() == pageSize
        ? Page.following(answer.total(), position, pageSize) : -1;
    return new Page(rows, more, following);
  }

  /** A short page with more to follow: the server's pages are smaller than the size asked for. */
  private void followSmallerPages(int serverSize) {
    if (!first) {
      return; // the total moved while paging (sessions added or deleted); keep the page size
    }
    if (apiOffset) {
      throw new ApiException(InsightsApi.SPEC.name(), "GET", InsightsApi.SEARCH, 200,
          "the API returned " + serverSize + " hits for page_size " + pageSize + " although more follow",
          null, "its pages are smaller than asked for, so it cannot apply the OFFSET; run the query with"
              + " pushdown=false", "HY000", null);
    }
    pageSize = serverSize;
    page = position / serverSize;
  }
}
