package io.convosql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The REST client a user would write from the API documents with OkHttp and Jackson: one request at
 * a time, pages of the largest size the API allows, the filter parameters the question names, and
 * everything else on the client. The benchmark's baseline.
 */
final class HandClient implements AutoCloseable {
  static final int PATHSIM_PAGE = 100;
  static final int INSIGHTS_PAGE = 100;
  private static final DateTimeFormatter PATHSIM_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");

  private final ObjectMapper mapper = new ObjectMapper();
  private final OkHttpClient http = new OkHttpClient();
  private final HttpUrl pathSim;
  private final String pathSimKey;
  private final HttpUrl insights;
  private final String insightsKey;

  HandClient(String pathSimUrl, String pathSimKey, String insightsUrl, String insightsKey) {
    this.pathSim = HttpUrl.get(pathSimUrl);
    this.pathSimKey = Objects.requireNonNull(pathSimKey, "pathSimKey");
    this.insights = HttpUrl.get(insightsUrl);
    this.insightsKey = Objects.requireNonNull(insightsKey, "insightsKey");
  }

  /** {@code GET /workspaces}: the workspaces' ids, in the API's order. */
  List<String> workspaceIds() {
    List<String> ids = new ArrayList<>();
    for (JsonNode w : pathSimGet(pathSim.newBuilder().addPathSegment("workspaces").build()).path("data")) {
      ids.add(w.path("id").asText());
    }
    return ids;
  }

  /**
   * Pages through a workspace's sessions ({@code limit=100}, {@code offset} by the page size) with
   * the given filter parameters, passing each row to {@code each} until it returns false or
   * {@code hasMore} is false.
   */
  void sessions(String workspaceId, Map<String, String> params, Predicate<JsonNode> each) {
    for (long offset = 0; ; offset += PATHSIM_PAGE) {
      HttpUrl.Builder url = pathSim.newBuilder().addPathSegment("workspaces").addPathSegment(workspaceId)
          .addPathSegment("sessions");
      params.forEach(url::addQueryParameter);
      url.addQueryParameter("limit", Integer.toString(PATHSIM_PAGE))
          .addQueryParameter("offset", Long.toString(offset));
      JsonNode page = pathSimGet(url.build());
      for (JsonNode row : page.path("data")) {
        if (!each.test(row)) {
          return;
        }
      }
      if (!page.path("pagination").path("hasMore").asBoolean()) {
        return;
      }
    }
  }

  /** {@code pagination.total} of a one-row listing: how many sessions the stored filters select. */
  long sessionsTotal(String workspaceId, Map<String, String> params) {
    HttpUrl.Builder url = pathSim.newBuilder().addPathSegment("workspaces").addPathSegment(workspaceId)
        .addPathSegment("sessions");
    params.forEach(url::addQueryParameter);
    url.addQueryParameter("limit", "1");
    return pathSimGet(url.build()).path("pagination").path("total").asLong();
  }

  /** {@code GET /sessions/{id}}: the detail object. */
  JsonNode session(String id) {
    return pathSimGet(pathSim.newBuilder().addPathSegment("sessions").addPathSegment(id).build()).path("data");
  }

  /**
   * Pages through an Insights search ({@code page_size=100}, {@code page_number} from 0) of one date
   * range with an optional {@code filter_by} and {@code sort_by}, passing each hit to {@code each}
   * until it returns false or the pages reach {@code total}.
   */
  void search(String from, String to, String filterBy, String sortBy, Predicate<JsonNode> each) {
    for (int page = 0; ; page++) {
      JsonNode answer = insightsGet(searchUrl(from, to, filterBy, sortBy, INSIGHTS_PAGE, page));
      for (JsonNode hit : answer.path("hits")) {
        if (!each.test(hit)) {
          return;
        }
      }
      if ((long) (page + 1) * INSIGHTS_PAGE >= answer.path("total").asLong()) {
        return;
      }
    }
  }

  /** The {@code total} of a one-hit search. */
  long searchTotal(String from, String to, String filterBy) {
    return insightsGet(searchUrl(from, to, filterBy, null, 1, 0)).path("total").asLong();
  }

  private HttpUrl searchUrl(String from, String to, String filterBy, String sortBy, int size, int page) {
    HttpUrl.Builder url = insights.newBuilder().addPathSegment("insights").addPathSegment("sessions")
        .addQueryParameter("from_date", from)
        .addQueryParameter("to_date", to)
        .addQueryParameter("page_size", Integer.toString(size))
        .addQueryParameter("page_number", Integer.toString(page));
    if (filterBy != null) {
      url.addQueryParameter("filter_by", filterBy);
    }
    if (sortBy != null) {
      url.addQueryParameter("sort_by", sortBy);
    }
    return url.build();
  }

  /** A PathSim {@code Time} column ({@code 08/08/2025 18:00}, UTC). */
  static LocalDateTime pathSimTime(JsonNode row) {
    return LocalDateTime.parse(row.path("Time").asText(), PATHSIM_TIME);
  }

  /** An Insights {@code session_start_time} ({@code 2025-08-08T18:00:01.123456}, UTC). */
  static LocalDateTime insightsTime(JsonNode doc) {
    return LocalDateTime.parse(doc.path("session_start_time").asText());
  }

  /** A text field, or null when it is missing or null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private JsonNode pathSimGet(HttpUrl url) {
    return get(new Request.Builder().url(url).header("Authorization", "Bearer " + pathSimKey).build());
  }

  private JsonNode insightsGet(HttpUrl url) {
    return get(new Request.Builder().url(url).header("X-Vgai-Key", insightsKey).build());
  }

  private JsonNode get(Request request) {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("HTTP " + response.code() + " for " + request.url().encodedPath());
      }
      return mapper.readTree(response.body().byteStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
