package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/** Test support: the shared sandbox the tests query, an HTTP client for it, and document helpers. */
final class InsightsHttp {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Sandbox shared;

  /** The answer to one request: status and JSON body. */
  record Answer(int status, JsonNode body) {
    List<JsonNode> hits() {
      List<JsonNode> out = new ArrayList<>();
      body.get("hits").forEach(out::add);
      return out;
    }

    List<String> ids() {
      return hits().stream().map(h -> h.get("id").asText()).toList();
    }

    int total() {
      return body.get("total").asInt();
    }
  }

  private InsightsHttp() {}

  /** The sandbox most tests share; tests that delete start their own. */
  static synchronized Sandbox shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  static Sandbox start() {
    return Sandbox.builder().seed(7).insightsSessions(2000).pathSimSessions(500).now(NOW).start();
  }

  /** Parameters in the order given, as pairs: {@code params("from_date", "2025-08-01", ...)}. */
  static Map<String, String> params(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  static String query(Map<String, String> params) {
    StringJoiner q = new StringJoiner("&");
    params.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
    return q.toString();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Answer get(Sandbox sandbox, String path, Map<String, String> params) {
    return send(sandbox, "GET", path, params, Sandbox.INSIGHTS_KEY);
  }

  static Answer search(Map<String, String> params) {
    return get(shared(), "/insights/sessions", params);
  }

  static Answer send(Sandbox sandbox, String method, String path, Map<String, String> params, String key) {
    String q = params.isEmpty() ? "" : "?" + query(params);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.insightsUrl() + path + q))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      b.header("X-Vgai-Key", key);
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), MAPPER.readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The start of a document as an instant (its time is naive UTC). */
  static Instant start(JsonNode doc) {
    return LocalDateTime.parse(doc.get("session_start_time").asText()).toInstant(ZoneOffset.UTC);
  }

  /** The shared sandbox's documents that started in [from, to] and pass the predicate. */
  static List<ObjectNode> docs(Instant from, Instant to, Predicate<JsonNode> keep) {
    return shared().insights().data().documents().stream()
        .filter(d -> !start(d).isBefore(from) && !start(d).isAfter(to))
        .filter(keep)
        .toList();
  }

  /** Ids of the expected documents, in the API's default order (newest first, then id). */
  static List<String> newestFirst(List<? extends JsonNode> docs) {
    return docs.stream()
        .sorted((a, b) -> {
          int c = start(b).compareTo(start(a));
          return c != 0 ? c : a.get("id").asText().compareTo(b.get("id").asText());
        })
        .map(d -> d.get("id").asText())
        .toList();
  }
}
