package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.AsyncRows;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.Page;
import io.convosql.core.exec.PageReader;
import io.convosql.core.exec.PrefetchPages;
import io.convosql.core.http.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 * previous one fails the scan rather than loop. A hit whose session the page before held is dropped:
 * sessions stored while a window is paged shift its later pages, and the order asked for
 * ({@link InsightsTable#sortBy}) has no ties, so such a hit is the same session read again.
 *
 * <p>A first page whose total is only a lower bound (a service on ElasticSearch counts up to 10,000
 * hits, and refuses to page past them), or an exact total past 10,000 (a service that counts every hit
 * still refuses to page past them), has more sessions than the service will page through: when the
 * order allows ({@code split}), the window is read instead as its two halves in time, in the scan's
 * order, each split again as needed, so that every session is read whatever the service's cap.
 * Otherwise paging goes on while pages are full, and a service that refuses a page fails the scan.
 */
final class WindowPages {
  private final InsightsTable table;
  private final BoundScan scan;
  private Window window;
  /** The halves still to read after the current window, next first; only when {@code split}. */
  private final java.util.ArrayDeque<Window> pending = new java.util.ArrayDeque<>();
  private final boolean split;
  private final boolean oldestFirst;
  private boolean halved;
  private final SearchShape shape;
  private final boolean apiOffset;
  private final long cap;
  private long delivered;
  private int pageSize;
  private long page;
  /** The first page this window's scan reads (past an OFFSET the API applies), for {@link #moved}. */
  private long firstPage;
  private long position;
  private int skip;
  private boolean first = true;
  private @Nullable String previousFirstId;
  /** The exact total of the page read before in this window, or -1. */
  private long lastTotal = -1;
  /** The sessions of the page read before, whose hits a shifted next page repeats. */
  private Set<String> previousIds = Set.of();
  /** The sessions of the last pages read in this window, newest page first, for {@link #moved}. */
  private final java.util.ArrayDeque<Set<String>> recentIds = new java.util.ArrayDeque<>();
  /** The most pages read again when sessions were deleted while a window is paged. */
  static final int REREAD_PAGES = 10;
  /** Told the id of each session read inside the window ({@link #onSession}). */
  private java.util.function.Consumer<String> sessions = id -> { };
  /** The ids searched for as the only terms ({@link #onlyOf}), or null. */
  private @Nullable Set<String> asked;
  /** Whether a search the service does not narrow ends ({@link #onlyOf}) or is read on whole. */
  private boolean endUnnarrowed;
  private boolean unnarrowed;

  /**
   * @param split whether a window the service cannot page through may be read as its halves: when the
   *     rows need no order or are ordered by session_start_time, and no OFFSET is paged by the API
   * @param oldestFirst the order of the halves: oldest first for an ascending order by time
   */
  WindowPages(InsightsTable table, BoundScan scan, Window window, SearchShape shape, Paging paging,
      boolean split, boolean oldestFirst) {
    this.split = split && !paging.apiOffset();
    this.oldestFirst = oldestFirst;
    this.table = Objects.requireNonNull(table, "table");
    this.scan = Objects.requireNonNull(scan, "scan");
    this.window = Objects.requireNonNull(window, "window");
    this.shape = Objects.requireNonNull(shape, "shape");
    this.pageSize = paging.pageSize();
    this.page = paging.firstPage();
    this.firstPage = paging.firstPage();
    this.position = paging.firstPage() * pageSize;
    this.skip = paging.skip();
    this.apiOffset = paging.apiOffset();
    this.cap = paging.cap();
  }

  /** Tells {@code listener} the id of each session read inside the window, whether it makes rows or not. */
  WindowPages onSession(java.util.function.Consumer<String> listener) {
    sessions = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Guards a search whose only terms are these ids ({@link IdWindows}): it can match no more sessions
   * than the ids. A page whose total or hits are more than that, or that holds a session not asked for,
   * shows that the service does not narrow by them (it reads {@code should} as optional), and
   * {@link #unnarrowed} says so. With {@code end} the search then ends there, with no rows and no
   * further page (its total is not pages to come); otherwise it is read on: the whole window.
   */
  WindowPages onlyOf(Set<String> ids, boolean end) {
    asked = Set.copyOf(ids);
    endUnnarrowed = end;
    return this;
  }

  /** Whether the search ended because the service did not narrow by the ids ({@link #onlyOf}). */
  boolean unnarrowed() {
    return unnarrowed;
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
    if (asked != null && !unnarrowed && !narrowed(answer, asked)) {
      unnarrowed = true;
      if (endUnnarrowed) {
        return new Page(List.of(), false, -1); // its total says nothing of pages to come: none is asked
      }
    }
    String firstId = hits.isEmpty() ? null : DocValues.text(hits.get(0).path("id"));
    if (firstId != null && firstId.equals(previousFirstId)) {
      throw InsightsApi.dataError("hits", "repeats the previous page (page_number " + page + " starts with"
          + " the same session), so the API does not page and the scan would not end");
    }
    previousFirstId = firstId;
    Set<String> ids = new HashSet<>();
    for (JsonNode doc : hits) {
      String id = DocValues.text(doc.path("id"));
      if (id != null) {
        ids.add(id);
      }
    }
    List<Object[]> rows = new ArrayList<>();
    if (!first && answer.totalExact() && lastTotal >= 0 && answer.total() < lastTotal) {
      rows.addAll(moved(lastTotal - answer.total(), ids));
    }
    rows.addAll(rowsOf(hits, previousIds));
    lastTotal = answer.totalExact() ? answer.total() : -1;
    if (split && first && beyondPaging(answer) && hits.size() == pageSize && window.to() - window.from() > 1
        && (cap < 0 || delivered + rows.size() < cap)) {
      halve(); // these hits are read again with the half they belong to
      return new Page(List.of(), true, -1);
    }
    previousIds = ids;
    recentIds.push(ids);
    if (recentIds.size() > REREAD_PAGES) {
      recentIds.removeLast();
    }
    position += hits.size();
    delivered += rows.size();
    page++;
    boolean more = !hits.isEmpty() && (answer.total() >= 0 && position < answer.total()
        || answer.total() < 0 && hits.size() == pageSize
        || !answer.totalExact() && hits.size() == pageSize);
    boolean enough = cap >= 0 && delivered >= cap;
    if (enough) {
      more = false; // every further row would be past what the scan needs
    }
    if (more && hits.size() < pageSize) {
      followSmallerPages(hits.size());
    }
    first = false;
    // Halves are read one page after the other: a page requested ahead past a half's end (were
    // the total to shrink meanwhile) would be read as the next half's first page.
    long following = more && answer.totalExact() && hits.size() == pageSize && !halved
        ? Page.following(answer.total(), position, pageSize) : -1;
    if (!more && !enough && !pending.isEmpty()) {
      start(pending.poll()); // the next half of a window read in halves
      return new Page(rows, true, -1);
    }
    return new Page(rows, more, following);
  }

  /**
   * The rows of these hits inside the window, but for sessions in {@code read}: a session stored while
   * the window is paged (before the position reached) shifts the later pages down, so a page repeats
   * hits of the page before, and in an order without ties a repeated id is never a second session.
   */
  private List<Object[]> rowsOf(List<JsonNode> hits, Set<String> read) {
    List<Object[]> rows = new ArrayList<>();
    for (JsonNode doc : hits) {
      String id = DocValues.text(doc.path("id"));
      if (id != null && read.contains(id)) {
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      Object start = DocValues.read(doc.path("session_start_time"), SqlTypeName.TIMESTAMP,
          "session_start_time");
      if (start != null && window.contains((Long) start)) {
        if (id != null) {
          sessions.accept(id);
        }
        rows.addAll(table.rows(doc, scan));
      }
    }
    return rows;
  }

  /**
   * The rows of sessions that moved up onto the pages already read, found by reading those pages
   * again, newest page first. The total fell by {@code fewer} since the page before: sessions were
   * deleted, and when they were before the position reached, as many later sessions moved up a place
   * each, from this page's start onto the end of the pages before it, so the page just read lacks
   * them. In an order without ties a moved session sorts after every session read, so on a page read
   * again the moved ones are those after the last session read: a page that holds a session read ends
   * the search (one request when the deleted sessions lay further on, however many), and a hit before
   * it that no page held was stored meanwhile ahead of the position, which is not read (in the order
   * asked for it would come too late). A page holding no session read is all moved, and the page
   * before it is read too (a page past the new total is empty, and not asked for), down to the first
   * page this scan read; past the {@value #REREAD_PAGES}
   * pages remembered, the statement fails rather than miss sessions. Sessions deleted and stored in
   * equal numbers between two pages leave the total as it was; nothing in the answers tells of those.
   */
  private List<Object[]> moved(long fewer, Set<String> current) {
    Set<String> read = new HashSet<>(current);
    recentIds.forEach(read::addAll);
    java.util.ArrayDeque<List<JsonNode>> found = new java.util.ArrayDeque<>();
    for (long p = page - 1; p >= firstPage; p--) {
      if (page - p > recentIds.size()) {
        throw new ApiException(InsightsApi.SPEC.name(), "GET", InsightsApi.SEARCH, 200,
            "the total fell from " + lastTotal + " to " + (lastTotal - fewer) + " sessions while the window"
                + " was paged", null, "more sessions were deleted meanwhile than convosql reads again ("
                + REREAD_PAGES + " pages of " + pageSize + "), so sessions may have moved past the pages read;"
                + " run the query again", "HY000", null);
      }
      if (p * pageSize >= lastTotal - fewer) {
        continue; // past the total now: an empty page, not asked for
      }
      List<JsonNode> hits = io.convosql.core.http.Futures.await(
          table.settings.api.searchAsync(shape.params(window, p, pageSize), scan), scan).hits();
      int after = 0;
      for (int i = 0; i < hits.size(); i++) {
        String id = DocValues.text(hits.get(i).path("id"));
        if (id != null && read.contains(id)) {
          after = i + 1;
        }
      }
      found.push(hits.subList(after, hits.size()));
      if (after > 0) {
        break;
      }
    }
    List<Object[]> rows = new ArrayList<>();
    for (List<JsonNode> hits : found) {
      rows.addAll(rowsOf(hits, read));
      for (JsonNode doc : hits) {
        String id = DocValues.text(doc.path("id"));
        if (id != null) {
          read.add(id);
        }
      }
    }
    return rows;
  }

  /** Whether an answer to a search for these ids alone holds or counts only sessions among them. */
  private static boolean narrowed(SearchAnswer answer, Set<String> ids) {
    if (answer.total() > ids.size() || answer.hits().size() > ids.size()) {
      return false;
    }
    for (JsonNode doc : answer.hits()) {
      String id = DocValues.text(doc.path("id"));
      if (id != null && !ids.contains(id)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the service may refuse to page through this search: its total is only a lower bound, or an
   * exact one past ElasticSearch's default {@code max_result_window} ({@value WindowCounts#CAPPED} hits),
   * which a service counting every hit ({@code track_total_hits: true}) keeps all the same.
   */
  private static boolean beyondPaging(SearchAnswer answer) {
    return !answer.totalExact() || answer.total() > WindowCounts.CAPPED;
  }

  /** Reads the current window as its two halves in time, in the scan's order. */
  private void halve() {
    halved = true;
    long middle = window.from() + (window.to() - window.from()) / 2;
    Window older = new Window(window.from(), middle);
    Window newer = new Window(middle, window.to());
    pending.push(oldestFirst ? newer : older);
    start(oldestFirst ? older : newer);
  }

  /** Starts reading {@code next} from its first page. */
  private void start(Window next) {
    window = next;
    page = 0;
    firstPage = 0;
    position = 0;
    first = true;
    previousFirstId = null;
    previousIds = Set.of();
    recentIds.clear();
    lastTotal = -1;
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
