package io.convosql.core.scan;

import io.convosql.core.http.Cancellation;
import io.convosql.core.http.Futures;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows of pages 0, 1, 2, ... requested asynchronously until a page says no more follow. With
 * prefetch on, page k+1 is requested as soon as page k's rows are handed out, so the next answer
 * travels while the consumer works; at most two pages are held. Without prefetch a page is requested
 * only when the consumer needs more rows (for scans with a LIMIT, which must not ask for pages they
 * may never read). The fetcher is called on the consumer's thread, one page after the other, each
 * only after the previous page arrived, so it may keep paging state.
 */
public final class PrefetchPages implements AsyncRows {
  private final Cancellation cancellation;
  private final IntFunction<CompletableFuture<Page>> fetcher;
  private final boolean prefetch;
  private final ArrayDeque<Object[]> buffer = new ArrayDeque<>();
  private @Nullable CompletableFuture<Page> pending;
  private int nextPage;
  private boolean more = true;

  /**
   * @param cancellation asked before each request and while waiting
   * @param fetcher starts the request of a page; a short or empty page with more to follow does not
   *     end the stream
   * @param prefetch whether the next page is requested before the consumer needs it
   */
  public PrefetchPages(Cancellation cancellation, IntFunction<CompletableFuture<Page>> fetcher,
      boolean prefetch) {
    this.cancellation = cancellation;
    this.fetcher = fetcher;
    this.prefetch = prefetch;
  }

  @Override
  public void start() {
    if (pending == null && buffer.isEmpty() && more) {
      request();
    }
  }

  private void request() {
    cancellation.check();
    pending = fetcher.apply(nextPage++);
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && more) {
      if (pending == null) {
        request();
      }
      Page page;
      try {
        page = Futures.await(pending, cancellation);
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
      pending = null;
      buffer.addAll(page.rows());
      more = page.hasMore();
      if (more && prefetch) {
        request();
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
    CompletableFuture<Page> p = pending;
    pending = null;
    if (p != null) {
      p.cancel(true);
    }
  }
}
