package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.http.ApiClient;
import io.convosql.core.http.ApiException;
import io.convosql.core.http.ApiSpec;
import io.convosql.core.http.CacheSettings;
import io.convosql.core.http.Cancellation;
import io.convosql.core.http.Futures;
import io.convosql.core.http.HttpSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The Insights endpoints as typed calls: search, the two gets by id, and delete. */
final class InsightsApi implements AutoCloseable {
  static final String KEY_HINT = "insights.apiKey (or the INSIGHTS_API_KEY environment variable)";
  static final ApiSpec SPEC = new ApiSpec("Insights", "X-Vgai-Key", "", KEY_HINT, Rejections::read);
  static final String SEARCH = "/insights/sessions";
  /** The largest page this adapter asks for. */
  static final int MAX_PAGE = 100;

  private final ApiClient client;

  InsightsApi(HttpUrl root, @Nullable String key, HttpSettings http) {
    this.client = new ApiClient(SPEC, root, key, http);
  }

  /** GET /insights/sessions with the given parameters. */
  SearchAnswer search(Map<String, String> params, Cancellation cancellation) {
    JsonNode body = client.getJson(SEARCH, params, false, cancellation);
    return SearchAnswer.of(body, SEARCH);
  }

  /** {@link #search} without waiting; cancelling the future cancels the request. */
  CompletableFuture<SearchAnswer> searchAsync(Map<String, String> params, Cancellation cancellation) {
    return Futures.map(client.getJsonAsync(SEARCH, params, false, cancellation, body -> false),
        body -> SearchAnswer.of(body, SEARCH));
  }

  /**
   * The session with this id: GET /insights/sessions/{id}/parameters when its day is known, else the
   * slower GET /insights/sessions/search/{id}. Empty when there is none (404) or when the id cannot be
   * a path segment. An ended session's document is cached for the longer lifetime.
   */
  List<JsonNode> session(String id, @Nullable String day, Cancellation cancellation) {
    List<JsonNode> docs = Futures.await(sessionAsync(id, day, cancellation), cancellation);
    return docs == null ? List.of() : docs;
  }

  /**
   * {@link #session} without waiting, telling the API's 404 apart: null when the API answered that it
   * has no such session (on that day, or in the dates its search by id covers); empty when no
   * request could be sent ({@link #sendable}). Cancelling the future cancels the request.
   */
  CompletableFuture<@Nullable List<JsonNode>> sessionAsync(String id, @Nullable String day,
      Cancellation cancellation) {
    String path = ByIdReads.path(id, day);
    Map<String, String> params = day != null ? Map.of("session_start_time", day) : Map.of();
    if (!sendable(id, path, params)) {
      return CompletableFuture.completedFuture(List.of());
    }
    return Futures.map(client.getJsonAsync(path, params, true, cancellation, answer -> ended(answer, path)),
        body -> body == null ? null : SearchAnswer.documents(body, path));
  }

  /** Whether {@link #sessionAsync} sends a request for this id and day. */
  boolean sendable(String id, @Nullable String day) {
    return sendable(id, ByIdReads.path(id, day), day != null ? Map.of("session_start_time", day) : Map.of());
  }

  /** Whether an answer holds only sessions whose status is ended: documents that no longer change. */
  static boolean ended(JsonNode answer, String path) {
    List<JsonNode> docs;
    try {
      docs = SearchAnswer.documents(answer, path);
    } catch (RuntimeException e) {
      return false; // the caller reports it
    }
    return !docs.isEmpty() && docs.stream().allMatch(d -> "ended".equals(d.path("status").asText(null)));
  }

  /** Caches answers as the settings say (see {@link ApiClient#useCache}); a DELETE empties it. */
  void useCache(CacheSettings settings) {
    client.useCache(settings);
  }

  /**
   * DELETE /insights/sessions/{id}, sent once and never retried; false when the API has no such
   * session (404).
   *
   * @throws DeleteAnswer.Refused when the answer has a success status but its body says the session
   *     was not deleted ({@link DeleteAnswer#failed})
   */
  boolean delete(String id, String sessionStartTime, Cancellation cancellation) {
    Map<String, String> params = Map.of("session_start_time", sessionStartTime);
    if (!sendable(id, sessionPath(id), params)) {
      return false;
    }
    ApiClient.Written answer = client.sendOnce("DELETE", sessionPath(id), params, true, cancellation);
    if (answer != null && DeleteAnswer.failed(answer.body())) {
      throw new DeleteAnswer.Refused(sessionPath(id), answer.status(),
          client.redact(DeleteAnswer.message(answer.body())));
    }
    return answer != null;
  }

  /** How this API's client retries and waits; DELETE reuses it for its check-then-retry. */
  HttpSettings http() {
    return client.settings();
  }

  /** The bytes of a request's target (path and query) as sent: percent-encoded, below the API's root. */
  int targetBytes(String path, Map<String, String> params) {
    HttpUrl url = client.url(path, params);
    String query = url.encodedQuery();
    return url.encodedPath().length() + (query == null ? 0 : 1 + query.length());
  }

  /**
   * Whether a request to the session with this id can be sent: an id that cannot be a path segment,
   * or whose URL would be longer than servers take ({@link UrlBudget#MAX_TARGET_BYTES}; the service's
   * ids are 36 characters), names no session the service can answer for.
   */
  private boolean sendable(String id, String path, Map<String, String> params) {
    return pathSafe(id) && targetBytes(path, params) <= UrlBudget.MAX_TARGET_BYTES;
  }

  static String sessionPath(String id) {
    return SEARCH + "/" + id;
  }

  /** Whether an id can stand as one path segment (ids with '/' or dot segments cannot exist). */
  static boolean pathSafe(String id) {
    return !id.isEmpty() && !id.equals(".") && !id.equals("..") && id.indexOf('/') < 0;
  }

  /** An answer whose shape or values the driver cannot read. */
  static ApiException dataError(String path, String field, String problem) {
    return new ApiException(SPEC.name(), "GET", path, 200, "field '" + field + "' " + problem, null,
        "the API's answer has an unexpected shape; report it with the endpoint", "22000", null);
  }

  /** A document value the driver cannot read. */
  static ApiException dataError(String field, String problem) {
    return dataError(SEARCH, field, problem);
  }

  @Override
  public void close() {
    client.close();
  }
}
