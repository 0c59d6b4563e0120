package io.convosql.adapter.insights;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What every page request of one window shares: the order, the filter and the projection; a page
 * request adds the window's dates, the page number and the page size.
 */
record SearchShape(@Nullable String sortBy, @Nullable String filterBy, @Nullable String projectFields) {

  Map<String, String> params(Window w, long pageNumber, int size) {
    return params(IsoTimes.from(w.from()), IsoTimes.to(w.to()), Long.toString(pageNumber),
        Integer.toString(size));
  }

  /** The parameters in the order the API's document lists them. */
  Map<String, String> params(String fromDate, String toDate, String pageNumber, String size) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from_date", fromDate);
    p.put("to_date", toDate);
    p.put("page_number", pageNumber);
    p.put("page_size", size);
    if (sortBy != null) {
      p.put("sort_by", sortBy);
    }
    if (filterBy != null) {
      p.put("filter_by", filterBy);
    }
    if (projectFields != null) {
      p.put("project_fields", projectFields);
    }
    return p;
  }
}
