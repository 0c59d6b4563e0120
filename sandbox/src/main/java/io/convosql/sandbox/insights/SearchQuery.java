package io.convosql.sandbox.insights;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of one search, parsed and validated: the date range, paging (page sizes over 100 are
 * capped silently; the page fields are echoed as the client sent them), sort (null when no
 * {@code sort_by} was sent), projection and filter.
 */
record SearchQuery(
    DateRange range,
    long pageNumber,
    int pageSize,
    String pageNumberText,
    String pageSizeText,
    SortOrder sort,
    Projection projection,
    FilterQuery filter) {
  static final int MAX_PAGE_SIZE = 100;
  static final String DEFAULT_PAGE_NUMBER = "0";
  static final String DEFAULT_PAGE_SIZE = "10";

  private static final List<String> NAMES =
      List.of("from_date", "to_date", "page_number", "page_size", "sort_by", "project_fields", "filter_by");

  SearchQuery {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(pageNumberText, "pageNumberText");
    Objects.requireNonNull(pageSizeText, "pageSizeText");
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(filter, "filter");
  }

  /** Parses the decoded query parameters; a parameter given twice is an invalid request. */
  static SearchQuery parse(Map<String, List<String>> params) {
    for (String name : NAMES) {
      List<String> values = params.get(name);
      if (values != null && values.size() > 1) {
        throw new InvalidRequest("Invalid " + name + ": given more than once");
      }
    }
    DateRange range = DateRange.parse(first(params, "from_date"), first(params, "to_date"));
    String pageNumberText = orDefault(first(params, "page_number"), DEFAULT_PAGE_NUMBER);
    String pageSizeText = orDefault(first(params, "page_size"), DEFAULT_PAGE_SIZE);
    BigInteger pageNumber = nonNegative("page_number", pageNumberText);
    BigInteger pageSize = nonNegative("page_size", pageSizeText);
    String sortBy = first(params, "sort_by");
    String projectFields = first(params, "project_fields");
    String filterBy = first(params, "filter_by");
    return new SearchQuery(
        range,
        pageNumber.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValueExact(),
        pageSize.min(BigInteger.valueOf(MAX_PAGE_SIZE)).intValueExact(),
        pageNumberText,
        pageSizeText,
        sortBy == null ? null : SortOrder.parse(sortBy),
        Projection.parse(projectFields == null ? "[]" : projectFields),
        filterBy == null ? FilterQuery.ALL : FilterQuery.parse(filterBy));
  }

  /** The first value of a parameter, or null when it was not sent. */
  static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static BigInteger nonNegative(String name, String text) {
    if (!text.matches("-?[0-9]+")) {
      throw new InvalidRequest("Invalid " + name + ": not an integer");
    }
    BigInteger value = new BigInteger(text);
    if (value.signum() < 0) {
      throw new InvalidRequest("Invalid " + name + ": must not be negative");
    }
    return value;
  }

  /** The index of the first hit of the requested page. */
  long offset() {
    return pageNumber * pageSize;
  }
}
