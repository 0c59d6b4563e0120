package io.convosql.core.exec;

import java.util.concurrent.CompletableFuture;

/**
 * How {@link PrefetchPages} requests and reads the pages of one listing. Both methods are called on
 * the consumer's thread: {@link #request} in the order of the pages, {@link #read} in the same order,
 * each answer once. A page may be requested before the pages ahead of it were read (when the listing's
 * total says it exists), so {@code request} computes the page from the pages read so far plus
 * {@code ahead}, and keeps its state only in {@code read}.
 *
 * @param <A> an answer as it arrives, before it is read in order
 */
public interface PageReader<A> {
  /**
   * Starts the request of the page {@code ahead} pages after the next unread one ({@code 0}: the next
   * one). The answer may be parsed on the thread that receives it; it is read in order later.
   */
  CompletableFuture<A> request(int ahead);

  /**
   * The listing's total as this answer reports it, or -1 when unknown. A page requested ahead whose
   * total differs from the previous page's is asked for again: the listing moved in between, so the
   * rows may have shifted across the pages' offsets.
   */
  long total(A answer);

  /** Reads the next page's answer; it may keep paging state. */
  Page read(A answer);
}
