package io.convosql.sandbox.pathsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A plain HTTP client for the sandbox's PathSim API and storage host, as the tests drive them. */
final class PathSimClient {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final Sandbox sandbox;

  PathSimClient(Sandbox sandbox) {
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
  }

  /**
   * The sandbox every PathSim test runs against, without unlinked Insights sessions: PathSim tests
   * never read them, and generating thousands takes seconds per sandbox.
   */
  static Sandbox start() {
    return Sandbox.builder().seed(7).pathSimSessions(2000).insightsSessions(0).now(NOW).start();
  }

  /**
   * The requests logged for one API once there are at least {@code count}: the sandbox logs a request
   * just after answering it, so a client can see the answer a moment before the log entry.
   */
  static List<RecordedRequest> awaitLog(Sandbox sandbox, String api, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<RecordedRequest> log = sandbox.requests().of(api);
    while (log.size() < count && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
      log = sandbox.requests().of(api);
    }
    return log;
  }

  /** A GET below the PathSim root with the right API key. */
  Reply get(String pathAndQuery) {
    return send(sandbox.pathSimUrl() + pathAndQuery, "Authorization", "Bearer " + Sandbox.PATHSIM_KEY);
  }

  /** A GET of an absolute URL with the given header name/value pairs. */
  Reply send(String url, String... headers) {
    return request("GET", url, headers);
  }

  /** A request without a body, with the given header name/value pairs. */
  Reply request(String method, String url, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One answer: status, headers and body. */
  record Reply(int status, HttpHeaders headers, byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
