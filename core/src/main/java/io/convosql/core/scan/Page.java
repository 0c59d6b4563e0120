package io.convosql.core.scan;

import java.util.List;

/** One page of rows from an API and whether the API says more pages follow. */
public record Page(List<Object[]> rows, boolean hasMore) {
  public Page {
    rows = List.copyOf(rows);
  }
}
