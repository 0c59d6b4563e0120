package io.convosql.core.exec;

import java.util.Iterator;

/**
 * The rows an adapter fetched for one execution of a scan, as full table rows, lazily. Closing it
 * stops any paging in progress.
 */
public interface RowSource extends Iterator<Object[]>, AutoCloseable {

  /**
   * Whether the rows already start at the scan's OFFSET (the API skipped them); when false the
   * scan skips them itself.
   */
  default boolean offsetApplied() {
    return false;
  }

  @Override
  void close();

  /** A source over rows already in hand. */
  static RowSource of(Iterator<Object[]> rows) {
    return new RowSource() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Object[] next() {
        return rows.next();
      }

      @Override
      public void close() {
      }
    };
  }
}
