package io.convosql.sandbox.pathsim;

import io.convosql.sandbox.pathsim.QueryParams.TimeBound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The filters, order and page of a session listing, applied as the document reads literally: the
 * stored filters, then the sort and the page cut, and only then the "calculated" objective and
 * connected filters, so a page can come back short (even empty) while more pages follow.
 */
final class SessionQuery {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private TestType type;
  private Source source;
  private String search;
  private Instant from;
  private Instant to;
  private boolean toInclusive;
  private boolean descending = true;
  private boolean byCreation = true;
  private int limit = DEFAULT_LIMIT;
  private long offset;
  private Objective objective;
  private Connection connected;

  private SessionQuery() {}

  /** Reads the query parameters; unknown parameters are ignored, bad values are a 400. */
  static SessionQuery parse(Map<String, List<String>> params) throws BadRequest {
    QueryParams p = new QueryParams(params);
    SessionQuery q = new SessionQuery();
    q.type = p.choice("type", TestType::fromParam);
    q.source = p.choice("source", Source::fromParam);
    q.objective = p.choice("objective", Objective::fromParam);
    q.connected = p.choice("connected", Connection::fromParam);
    String search = p.text("search");
    q.search = search == null ? null : search.toLowerCase(Locale.ROOT);
    TimeBound from = p.time("created_from");
    q.from = from == null ? null : from.at();
    TimeBound to = p.time("created_to");
    if (to != null) {
      q.to = to.at();
      q.toInclusive = !to.dateOnly();
    }
    String sort = p.choice("sort", SessionQuery::sortField);
    q.descending = sort == null || sort.startsWith("-");
    q.byCreation = sort == null || sort.endsWith("created_at");
    q.limit = (int) Math.min(MAX_LIMIT, p.number("limit", DEFAULT_LIMIT, 1));
    q.offset = p.number("offset", 0, 0);
    return q;
  }

  private static Optional<String> sortField(String value) {
    return switch (value) {
      case "created_at", "-created_at", "start_timestamp", "-start_timestamp" -> Optional.of(value);
      default -> Optional.empty();
    };
  }

  /** The page this query selects from a workspace's sessions in {@link Session#ASCENDING} order. */
  Page apply(List<Session> ascending) {
    return apply(ascending, null);
  }

  /**
   * The page this query selects, with {@code created_at} read by {@code createdAt} when it is not
   * the start time (null: it is); {@code start_timestamp} always sorts by the start time.
   */
  Page apply(List<Session> ascending, Function<Session, Instant> createdAt) {
    List<Session> matched = ascending;
    if (filtersStored()) {
      matched = new ArrayList<>();
      for (Session s : ascending) {
        if (stored(s)) {
          matched.add(s);
        }
      }
    }
    if (createdAt != null && byCreation) {
      matched = new ArrayList<>(matched);
      matched.sort(Comparator.comparing(createdAt).thenComparing(Session::id));
    }
    int total = matched.size();
    long end = offset >= total ? offset : Math.min(total, offset + limit);
    List<Session> rows = new ArrayList<>((int) (end - offset));
    for (long i = offset; i < end; i++) {
      Session s = matched.get(descending ? total - 1 - (int) i : (int) i);
      if (calculated(s)) {
        rows.add(s);
      }
    }
    return new Page(rows, total, limit, offset, offset < (long) total - limit);
  }

  /**
   * Whether any stored filter is set; without one a page is cut from the list as it is, so paging
   * through a large workspace (a million sessions, for the benchmark) costs a page, not a copy.
   */
  private boolean filtersStored() {
    return type != null || source != null || from != null || to != null || search != null;
  }

  private boolean stored(Session s) {
    if (type != null && s.testType() != type || source != null && s.source() != source) {
      return false;
    }
    if (from != null && s.time().isBefore(from)) {
      return false;
    }
    if (to != null && (toInclusive ? s.time().isAfter(to) : !s.time().isBefore(to))) {
      return false;
    }
    return search == null
        || s.virtualCustomer().toLowerCase(Locale.ROOT).contains(search)
        || s.target().toLowerCase(Locale.ROOT).contains(search);
  }

  private boolean calculated(Session s) {
    return (objective == null || s.objective() == objective)
        && (connected == null || s.connected() == connected);
  }
}
