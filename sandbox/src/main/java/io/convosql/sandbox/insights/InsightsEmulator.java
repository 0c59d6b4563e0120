package io.convosql.sandbox.insights;

import com.sun.net.httpserver.HttpExchange;
import io.convosql.sandbox.ApiHandler;
import io.convosql.sandbox.Exchanges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Insights API's HTTP surface: search, get, search-by-id and delete of sessions, each requiring the
 * {@code X-Vgai-Key} header; invalid parameters answer 401 with a {@code detail}, as the API does.
 */
public final class InsightsEmulator implements ApiHandler {
  private static final String KEY_HEADER = "X-Vgai-Key";
  private static final long SEARCH_BY_ID_DELAY_MS = 150;
  private static final String UNENCODED = "{}[]\"";
  private static final String NOT_FOUND = "Session not found";

  private final InsightsData data;
  private final byte[] apiKey;
  private final SessionSearch search;
  /** The earliest start the search by id finds, in epoch microseconds; Long.MIN_VALUE for any. */
  private volatile long searchByIdSince = Long.MIN_VALUE;

  public InsightsEmulator(InsightsData data, String apiKey) {
    this.data = Objects.requireNonNull(data, "data");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey").getBytes(StandardCharsets.UTF_8);
    this.search = new SessionSearch(data);
  }

  public InsightsData data() {
    return data;
  }

  /**
   * From now on, counts a search's total only up to {@code max} hits and refuses hits past it, as a
   * service on ElasticSearch's defaults does (10,000); {@code flattened} reports a capped total as the
   * bare number {@code max} rather than with {@code "relation": "gte"}. 0 turns it off (the default:
   * the document's exact total).
   */
  public void setResultWindow(int max, boolean flattened) {
    search.resultWindow(max, flattened);
  }

  /**
   * From now on, refuses hits past {@code max} but reports every search's exact total, as a service
   * on ElasticSearch with {@code track_total_hits: true} and the default {@code max_result_window}
   * (10,000) does. 0 turns it off; {@link #setResultWindow} replaces it.
   */
  public void setResultWindowWithExactTotal(int max) {
    search.resultWindowWithExactTotal(max);
  }

  /**
   * From now on (when {@code on}), orders hits as replicas of an ElasticSearch index do where the
   * document promises no order: a search without {@code sort_by} gets its hits in an order drawn anew
   * for each request, and hits that tie on every key of a {@code sort_by} likewise, so that paging
   * without a total order may repeat and skip sessions. Off (the default): no {@code sort_by} is
   * newest first, and ties go by session id.
   */
  public void setVaryingOrder(boolean on) {
    search.varyingOrder(on);
  }

  /**
   * From now on, the search by id ({@code /insights/sessions/search/{id}}) finds only sessions that
   * started at or after {@code since}, and answers 404 for older ones, as a service does whose "wide
   * range of dates" (the document's words) ends there; null: every date (the default).
   */
  public void setSearchByIdSince(Instant since) {
    searchByIdSince = since == null ? Long.MIN_VALUE : IsoTime.micros(since);
  }

  @Override
  public String api() {
    return "insights";
  }

  @Override
  public int handle(HttpExchange exchange, String method, String path, Map<String, List<String>> params)
      throws IOException {
    Route route = Route.of(path);
    if (route == null) {
      return send(exchange, 404, Json.detail("Not Found"));
    }
    if (!route.endpoint().method.equals(method)) {
      return send(exchange, 405, Json.detail("Method Not Allowed"));
    }
    if (!authorized(exchange)) {
      return send(exchange, 401, Json.detail("Invalid API key"));
    }
    try {
      return switch (route.endpoint()) {
        case SEARCH -> search(exchange, params);
        case GET_SESSION -> getSession(exchange, route.sessionId(), params);
        case SEARCH_BY_ID -> searchById(exchange, route.sessionId());
        case DELETE_SESSION -> delete(exchange, route.sessionId(), params);
      };
    } catch (InvalidRequest e) {
      return send(exchange, 401, Json.detail(e.getMessage()));
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String key = exchange.getRequestHeaders().getFirst(KEY_HEADER);
    return key != null && MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8));
  }

  /** Searches; a query with unencoded braces, brackets or quotes finds nothing, as the document warns. */
  private int search(HttpExchange exchange, Map<String, List<String>> params) throws IOException {
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null && raw.chars().anyMatch(ch -> UNENCODED.indexOf(ch) >= 0)) {
      return send(exchange, 200, SessionSearch.empty(
          SearchQuery.orDefault(SearchQuery.first(params, "page_size"), SearchQuery.DEFAULT_PAGE_SIZE),
          SearchQuery.orDefault(SearchQuery.first(params, "page_number"), SearchQuery.DEFAULT_PAGE_NUMBER)));
    }
    return send(exchange, 200, search.run(SearchQuery.parse(params)));
  }

  private int getSession(HttpExchange exchange, String id, Map<String, List<String>> params) throws IOException {
    LocalDate day = sessionDay(params);
    Optional<StoredSession> session = data.find(id).filter(s -> s.day().equals(day));
    return session.isPresent()
        ? send(exchange, 200, session.get().json())
        : send(exchange, 404, Json.detail(NOT_FOUND));
  }

  /**
   * Finds a session over all dates (or those since {@link #setSearchByIdSince}), slowly, as the
   * document warns this endpoint is.
   */
  private int searchById(HttpExchange exchange, String id) throws IOException {
    try {
      Thread.sleep(SEARCH_BY_ID_DELAY_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return send(exchange, 503, Json.detail("Service stopping"));
    }
    long since = searchByIdSince;
    Optional<StoredSession> session = data.find(id).filter(s -> s.startMicros() >= since);
    return session.isPresent()
        ? send(exchange, 200, session.get().json())
        : send(exchange, 404, Json.detail(NOT_FOUND));
  }

  private int delete(HttpExchange exchange, String id, Map<String, List<String>> params) throws IOException {
    return data.delete(id, sessionDay(params))
        ? send(exchange, 200, "{\"success\":true}")
        : send(exchange, 404, Json.detail(NOT_FOUND));
  }

  /** The UTC day of {@code session_start_time}, which may be a date or an imprecise datetime. */
  private static LocalDate sessionDay(Map<String, List<String>> params) {
    List<String> values = params.get("session_start_time");
    if (values == null || values.isEmpty()) {
      throw new InvalidRequest("session_start_time is required");
    }
    if (values.size() > 1) {
      throw new InvalidRequest("Invalid session_start_time: given more than once");
    }
    try {
      return IsoTime.parse(values.get(0)).utcDay();
    } catch (DateTimeException e) {
      throw new InvalidRequest("Invalid session_start_time: expected an ISO date or datetime");
    }
  }

  private static int send(HttpExchange exchange, int status, String json) throws IOException {
    Exchanges.sendJson(exchange, status, json);
    return status;
  }
}
