package io.convosql.core.exec;

import io.convosql.core.http.Cancellation;
import io.convosql.core.http.Futures;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows of pages 0, 1, 2, ... requested asynchronously until a page says no more follow, handed out
 * in page order.
 *
 * <p>With prefetch on, page k+1 is requested as soon as page k is read, so the next answer travels
 * while the consumer works. And once a page tells how many pages follow (from the listing's total), up
 * to {@code depth} of them are requested at once rather than one after the other: an offset listing's
 * pages are then no longer a chain of round trips, and no page past the end is asked for. Without
 * prefetch a page is requested only when the consumer needs more rows (for scans with a LIMIT, which
 * must not ask for pages they may never read).
 *
 * <p>A page requested ahead, before the page in front of it was read, is kept only if it reports the
 * same total as that page: otherwise the listing changed between the two requests (sessions added or
 * removed) and rows may have moved across the pages' offsets, so the pages requested ahead are dropped,
 * that page is asked for again and the rest of the listing is paged one page after the other, as a
 * reader without read-ahead would.
 */
public final class PrefetchPages implements AsyncRows {
  private final Cancellation cancellation;
  private final Reading<?> reading;
  private final boolean prefetch;
  private final int depth;
  private final ArrayDeque<Object[]> buffer = new ArrayDeque<>();
  private boolean more = true;

  /**
   * @param cancellation asked before each request and while waiting
   * @param reader requests and reads the pages; a short or empty page with more to follow does not
   *     end the stream
   * @param prefetch whether pages are requested before the consumer needs them
   * @param depth the most pages requested ahead at once when the listing's total is known (1: only
   *     the next page)
   */
  public <A> PrefetchPages(Cancellation cancellation, PageReader<A> reader, boolean prefetch, int depth) {
    this.cancellation = cancellation;
    this.reading = new Reading<>(reader);
    this.prefetch = prefetch;
    this.depth = Math.max(1, depth);
  }

  @Override
  public void start() {
    if (reading.requestedAhead() == 0 && buffer.isEmpty() && more) {
      reading.request();
    }
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && more) {
      Page page;
      try {
        page = reading.next();
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
      buffer.addAll(page.rows());
      more = page.hasMore();
      if (!more) {
        reading.cancelAhead();
      } else if (prefetch) {
        reading.requestAhead(page.following() < 0 ? 1 : Math.max(1, Math.min(depth, page.following())));
      }
    }
    return !buffer.isEmpty();
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.poll();
  }

  @Override
  public void close() {
    more = false;
    buffer.clear();
    reading.cancelAhead();
  }

  /** The pages requested and not yet read, oldest first, with what reading them in order needs. */
  private final class Reading<A> {
    private final PageReader<A> reader;
    private final ArrayDeque<Requested<A>> requested = new ArrayDeque<>();
    private long lastTotal = -1;
    private boolean chainOnly;

    Reading(PageReader<A> reader) {
      this.reader = reader;
    }

    int requestedAhead() {
      return requested.size();
    }

    /** Requests the page after the last one requested. */
    void request() {
      cancellation.check();
      boolean chained = requested.isEmpty(); // the page right after the last one read
      requested.add(new Requested<>(reader.request(requested.size()), chained));
    }

    /** Requests pages until {@code pages} pages past the last one read are requested. */
    void requestAhead(long pages) {
      long want = chainOnly ? 1 : pages;
      while (requested.size() < want) {
        request();
      }
    }

    /** Waits for the next page and reads it, asking again for a page the listing moved under. */
    Page next() {
      while (true) {
        if (requested.isEmpty()) {
          request();
        }
        Requested<A> r = requested.poll();
        A answer = Futures.await(r.answer, cancellation);
        long total = reader.total(answer);
        if (!r.chained && lastTotal >= 0 && total != lastTotal) {
          cancelAhead();
          chainOnly = true;
          continue;
        }
        lastTotal = total;
        return reader.read(answer);
      }
    }

    void cancelAhead() {
      Requested<A> r;
      while ((r = requested.poll()) != null) {
        r.answer.cancel(true);
      }
    }
  }

  /** A page's request, and whether it was sent only after the page before it was read. */
  private record Requested<A>(CompletableFuture<A> answer, boolean chained) {}
}
