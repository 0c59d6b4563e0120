package io.convosql.core.exec;

import java.util.List;

/**
 * One page of rows from an API, whether the API says more pages follow, and how many pages the
 * listing's total says follow this one.
 *
 * @param following the pages after this one that the listing's total says exist, or -1 when unknown;
 *     they may be requested at once, before this page's rows are read
 */
public record Page(List<Object[]> rows, boolean hasMore, long following) {
  public Page {
    rows = List.copyOf(rows);
  }

  /** A page that does not say how many pages follow. */
  public Page(List<Object[]> rows, boolean hasMore) {
    this(rows, hasMore, -1);
  }

  /** The pages after one that ended at {@code position} of a listing of {@code total} in pages of {@code size}. */
  public static long following(long total, long position, int size) {
    return total < 0 || size < 1 ? -1 : Math.max(0, (total - position + size - 1) / size);
  }
}
