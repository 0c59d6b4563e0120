package io.convosql.adapter.pathsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.http.ApiClient;
import io.convosql.core.http.ApiException;
import io.convosql.core.http.ApiSpec;
import io.convosql.core.http.CacheSettings;
import io.convosql.core.http.Cancellation;
import io.convosql.core.http.Futures;
import io.convosql.core.http.HttpSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The PathSim endpoints as typed calls; unwraps the {@code {"success":..,"data":..}} envelope. */
final class PathSimApi implements AutoCloseable {
  static final ApiSpec SPEC = new ApiSpec("PathSim", "Authorization", "Bearer ",
      "pathsim.apiKey or the PATHSIM_API_KEY environment variable");

  /** The most rows the API returns in one page. */
  static final int MAX_PAGE = 100;

  private final ApiClient client;
  private final TimeReading times;

  PathSimApi(HttpUrl root, @Nullable String key, HttpSettings http) {
    this(root, key, http, null);
  }

  /** @param timeFormat the reading of session times the connection states, or null to learn it */
  PathSimApi(HttpUrl root, @Nullable String key, HttpSettings http,
      TimeReading.@Nullable Order timeFormat) {
    this.client = new ApiClient(SPEC, root, key, http);
    this.times = new TimeReading(timeFormat);
  }

  /** How this service writes session times, as its answers have shown so far. */
  TimeReading times() {
    return times;
  }

  /**
   * Reads the started_at of the rows of one answer ({@link TimeReading#settle}), asking this API
   * for evidence in {@code workspaces} if the answer has none.
   */
  void settleTimes(List<Object[]> rows, TimeReading.@Nullable Window window, String path,
      java.util.function.Supplier<List<String>> workspaces, Cancellation cancellation) {
    times.settle(rows, window, path, (w, params) -> sessionsPage(w, params, cancellation),
        workspaces, cancellation);
  }

  /** GET /workspaces. */
  List<JsonNode> workspaces(Cancellation cancellation) {
    JsonNode data = data(client.getJson("/workspaces", Map.of(), false, cancellation), "/workspaces");
    return elements(data, "/workspaces");
  }

  /** GET /workspaces/{id}/sessions; null when the workspace does not exist (404). */
  @Nullable JsonNode sessionsPage(String workspaceId, Map<String, String> params,
      Cancellation cancellation) {
    String path = sessionsPath(workspaceId);
    JsonNode body = client.getJson(path, params, true, cancellation);
    if (body == null) {
      return null;
    }
    data(body, path); // checks the envelope
    return body;
  }

  /** {@link #sessionsPage} without waiting; cancelling the future cancels the request. */
  CompletableFuture<@Nullable JsonNode> sessionsPageAsync(String workspaceId,
      Map<String, String> params, Cancellation cancellation) {
    String path = sessionsPath(workspaceId);
    return Futures.map(client.getJsonAsync(path, params, true, cancellation, body -> false), body -> {
      if (body != null) {
        data(body, path); // checks the envelope
      }
      return body;
    });
  }

  static String sessionsPath(String workspaceId) {
    return "/workspaces/" + workspaceId + "/sessions";
  }

  /**
   * GET /sessions/{id}; null when there is no such session. A finished session's details are cached
   * for the longer lifetime.
   */
  @Nullable JsonNode session(String id, Cancellation cancellation) {
    String path = "/sessions/" + id;
    JsonNode body = client.getJson(path, Map.of(), true, cancellation, PathSimApi::finished);
    return body == null ? null : data(body, path);
  }

  /** {@link #session} without waiting; cancelling the future cancels the request. */
  CompletableFuture<@Nullable JsonNode> sessionAsync(String id, Cancellation cancellation) {
    String path = "/sessions/" + id;
    return Futures.map(client.getJsonAsync(path, Map.of(), true, cancellation, PathSimApi::finished),
        body -> body == null ? null : data(body, path));
  }

  /** Most requests in flight at once, as the connection's maxConcurrentRequests says. */
  int concurrency() {
    return client.settings().maxConcurrent();
  }

  /** GET /sessions/{id}/recording (info mode); null when the session has no recording. */
  @Nullable JsonNode recording(String id, Cancellation cancellation) {
    String path = "/sessions/" + id + "/recording";
    JsonNode body = client.getJson(path, Map.of(), true, cancellation);
    return body == null ? null : data(body, path);
  }

  /** Downloads a recording from its download URL, following redirects without the key. */
  byte[] download(String sessionId, String downloadUrl, Cancellation cancellation) {
    String path = "/sessions/" + sessionId + "/recording?download=true";
    HttpUrl url = HttpUrl.parse(downloadUrl);
    if (url == null) {
      throw dataError(path, "download_url", "is not a URL");
    }
    return client.download(url, path, cancellation);
  }

  /**
   * Whether a detail answer is of a session that has finished (its Connected column says anything but
   * In Progress), whose details no longer change.
   */
  static boolean finished(JsonNode body) {
    JsonNode connected = body.path("data").path("Connected");
    return connected.isTextual() && !connected.asText().equals("In Progress");
  }

  /** Caches answers as the settings say (see {@link ApiClient#useCache}). */
  void useCache(CacheSettings settings) {
    client.useCache(settings);
  }

  /** The params of a page request in a stable order. */
  static Map<String, String> pageParams(Map<String, String> filters, int offset, int limit) {
    Map<String, String> params = new LinkedHashMap<>(filters);
    params.put("limit", Integer.toString(limit));
    params.put("offset", Integer.toString(offset));
    return params;
  }

  private static JsonNode data(JsonNode body, String path) {
    Objects.requireNonNull(body, "body");
    if (!body.isObject() || !body.has("data")) {
      throw dataError(path, "data", "is missing from the answer");
    }
    if (body.has("success") && !body.get("success").asBoolean(true)) {
      throw new ApiException(SPEC.name(), "GET", path, 200, "the API reported a failure",
          body.path("error").asText(""), "try again later", "HY000", null);
    }
    return body.get("data");
  }

  private static List<JsonNode> elements(JsonNode array, String path) {
    if (!array.isArray()) {
      throw dataError(path, "data", "is not a list");
    }
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** An answer whose shape or values the driver cannot read. */
  static ApiException dataError(String path, String field, String problem) {
    return new ApiException(SPEC.name(), "GET", path, 200,
        "field '" + field + "' " + problem, null,
        "the API's answer has an unexpected shape; report it with the endpoint", "22000", null);
  }

  @Override
  public void close() {
    client.close();
  }
}
