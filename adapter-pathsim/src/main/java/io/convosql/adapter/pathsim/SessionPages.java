package io.convosql.adapter.pathsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.Page;
import io.convosql.core.exec.PageReader;
import io.convosql.core.exec.PrefetchPages;
import io.convosql.core.http.Futures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The sessions of one workspace, read page by page only as the consumer needs them. Paging follows
 * {@code hasMore}, never the page's length, because objective and connected are applied after the API
 * cuts a page; the next offset advances by the page size the API reports, so a server that caps
 * {@code limit} lower than asked is paged correctly too.
 *
 * <p>The scan keeps to the sessions that existed when it started. Sessions created while it pages
 * newest-first push older ones to higher offsets, so a page can begin with sessions the previous page
 * already held: those are dropped (up to a whole page of newcomers between two requests). Sessions
 * that started after the scan's pinned upper bound (its start plus a margin for clock skew) are
 * dropped too, which keeps oldest-first scans from running into them.
 */
final class SessionPages {
  private final PathSimApi api;
  private final BoundScan scan;
  private final String workspaceId;
  private final Map<String, String> filters;
  private final long needed;
  private long offset;
  private long received;
  private boolean gone;
  private int pages;
  private int pageSize;
  private final long pinnedUntil;
  private final RowRequests costs;
  private final long expectedRows;
  private Set<String> previousPage = Set.of();

  /**
   * @param firstOffset the API offset of the first page
   * @param needed rows wanted from this stream when every row the API returns is in the answer,
   *     or -1 (then pages are as large as the API allows)
   * @param costs the requests listed sessions cost the scan further on (their details, their
   *     transcripts), for the statement's request budget
   * @param expectedRows the most listed rows the budget should expect the scan to read, or -1 for
   *     all it lists (a child table's LIMIT cannot say how many sessions it reads)
   */
  SessionPages(PathSimApi api, BoundScan scan, String workspaceId, Map<String, String> filters,
      long firstOffset, long needed, long pinnedUntil, RowRequests costs, long expectedRows) {
    this.api = api;
    this.scan = scan;
    this.workspaceId = workspaceId;
    this.filters = filters;
    this.offset = firstOffset;
    this.needed = needed;
    this.pinnedUntil = pinnedUntil;
    this.costs = costs;
    this.expectedRows = expectedRows;
  }

  /**
   * The rows, page by page.
   *
   * @param prefetch whether pages are requested while the current one is read (only when the scan
   *     reads everything); the total of the first page then lets up to {@code depth} pages be
   *     requested at once
   */
  AsyncRows rows(boolean prefetch, int depth) {
    return new PrefetchPages(scan, new Reader(), prefetch, depth);
  }

  /** The page size to ask for: the rows still needed when the scan needs a few, else the most. */
  private int limit() {
    return needed < 0 ? PathSimApi.MAX_PAGE
        : (int) Math.max(1, Math.min(PathSimApi.MAX_PAGE, needed - received));
  }

  /** A page's answer: the body's pagination and its rows, converted on the thread that received it. */
  private record Listed(@Nullable JsonNode pagination, List<Object[]> rows) {}

  private final class Reader implements PageReader<Listed> {
    @Override
    public CompletableFuture<Listed> request(int ahead) {
      int limit = limit();
      long at = offset + (long) ahead * (pageSize > 0 ? pageSize : limit);
      CompletableFuture<@Nullable JsonNode> body = gone ? CompletableFuture.completedFuture(null)
          : api.sessionsPageAsync(workspaceId, PathSimApi.pageParams(filters, (int) at, limit),
              pages > 0 || ahead > 0 ? scan.announced() : scan); // a later page, which the first's total announced
      String path = PathSimApi.sessionsPath(workspaceId);
      return Futures.map(body, b -> convert(b, path));
    }

    @Override
    public long total(Listed answer) {
      JsonNode total = answer.pagination() == null ? null : answer.pagination().get("total");
      return total == null || total.isNull() ? -1 : total.asLong();
    }

    @Override
    public Page read(Listed answer) {
      return page(answer);
    }
  }

  /** Checks a page's shape and converts its sessions to rows; keeps no state. */
  private Listed convert(@Nullable JsonNode body, String path) {
    if (body == null) {
      return new Listed(null, List.of());
    }
    SessionsPageShape.check(body, path); // a malformed page is an error, never the last page
    JsonNode data = body.get("data");
    List<Object[]> rows = new ArrayList<>(data.size());
    for (JsonNode item : data) {
      rows.add(SessionColumns.fromList(item, workspaceId, path));
    }
    return new Listed(body.path("pagination"), rows);
  }

  /**
   * What the first page's total implies before any further request goes: the pages still to list
   * and, when every listed session costs requests of its own, those.
   */
  private long expectFromTotal(long total) {
    long listed = Math.max(0, total - (offset - pageSize));
    long all = listed;
    if (needed >= 0) {
      listed = Math.min(listed, needed);
    }
    if (expectedRows >= 0) {
      listed = Math.min(listed, expectedRows);
    }
    long morePages = Math.max(0, (listed + pageSize - 1) / pageSize - 1);
    return morePages + (costs.everyListedRow() ? costs.listed(listed, all) : 0);
  }

  /** Reads the next page in order: drops sessions already read or created since the scan began. */
  private Page page(Listed answer) {
    String path = PathSimApi.sessionsPath(workspaceId);
    if (answer.pagination() == null && pages > 0) {
      // a 404 after pages were read is not "no such workspace": the answer would be cut short
      throw new io.convosql.core.http.ApiException("PathSim", "GET", path, 404,
          "the workspace's sessions vanished after " + pages + " pages were read", null,
          "the workspace may have been deleted meanwhile; run the query again", "08006", null);
    }
    pages++;
    if (answer.pagination() == null) {
      gone = true; // an unknown workspace has no sessions
      return new Page(List.of(), false);
    }
    int limit = limit(); // what the page was asked for: received changes only below
    // the whole page is read one way, before any of its rows is shown or dropped by started_at
    api.settleTimes(answer.rows(), TimeReading.Window.of(filters), path, () -> List.of(workspaceId),
        scan);
    List<Object[]> rows = new ArrayList<>(answer.rows().size());
    Set<String> pageIds = new HashSet<>();
    for (Object[] row : answer.rows()) {
      String id = (String) row[SessionColumns.ID];
      pageIds.add(id);
      if (previousPage.contains(id)) {
        continue; // pushed here from the previous page by sessions created since
      }
      Object started = row[SessionColumns.STARTED_AT];
      if (started instanceof Long t && t > pinnedUntil) {
        continue; // created after the scan started
      }
      rows.add(row);
    }
    previousPage = pageIds;
    received += rows.size();
    JsonNode pagination = answer.pagination();
    pageSize = pagination.path("limit").asInt(0) > 0 ? pagination.path("limit").asInt() : limit;
    long total = pagination.hasNonNull("total") ? pagination.get("total").asLong() : -1;
    // the listing's places this page covered: its rows and those the API dropped after cutting it
    long covered = total >= 0 ? Math.max(0, Math.min(pageSize, total - offset)) : answer.rows().size();
    offset += pageSize;
    boolean more;
    long following = -1;
    if (pagination.has("hasMore")) {
      more = pagination.get("hasMore").asBoolean();
    } else if (pagination.has("total")) {
      more = offset < pagination.get("total").asLong();
    } else {
      more = rows.size() >= pageSize;
    }
    if (more && pagination.hasNonNull("total")) {
      following = Page.following(pagination.get("total").asLong(), offset, pageSize);
    }
    if (needed >= 0 && received >= needed) {
      more = false; // every further row would be past what the scan needs
    }
    // the budget hears what is sure to follow: the sessions of this page that will cost their own
    // requests and, from the first page's total, the pages still to list; and what the rate at which
    // the sessions read passed makes likely for those not yet listed (which may refuse the statement
    // only on this first page, before the listing's requests are spent)
    boolean first = pages == 1 && total >= 0;
    costs.afterPage(scan, path, this, rows, covered, more && total >= 0 ? total - offset : 0,
        first ? expectFromTotal(total) : 0, first, pages == 1);
    return new Page(rows, more, following);
  }
}
