package io.convosql.compat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sandbox of one test class's own (fixed seed and "now", so answers never change) and the
 * {@code jdbc:convosql:} URL a client is given for it: both APIs with their keys, no rate limit, as
 * in demo mode. The sandbox's request log tells what the client's calls sent.
 */
final class CompatSandbox {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");

  private CompatSandbox() {}

  /** A sandbox with the given numbers of PathSim sessions and unlinked Insights sessions. */
  static Sandbox start(int pathSimSessions, int insightsSessions) {
    return Sandbox.builder().seed(11).pathSimSessions(pathSimSessions)
        .insightsSessions(insightsSessions).now(NOW).start();
  }

  /** A URL for both APIs of the sandbox with their keys, then more {@code name=value} pairs. */
  static String url(Sandbox sandbox, String... more) {
    StringBuilder b = new StringBuilder("jdbc:convosql:")
        .append("pathsim.url=").append(sandbox.pathSimUrl())
        .append(";pathsim.apiKey=").append(Sandbox.PATHSIM_KEY)
        .append(";insights.url=").append(sandbox.insightsUrl())
        .append(";insights.apiKey=").append(Sandbox.INSIGHTS_KEY)
        .append(";requestsPerSecond=0");
    for (String pair : more) {
      b.append(';').append(pair);
    }
    return b.toString();
  }

  /** The number of requests sent to each endpoint, its ids replaced by {@code {id}}. */
  static Map<String, Integer> byEndpoint(List<RecordedRequest> requests) {
    Map<String, Integer> out = new TreeMap<>();
    for (RecordedRequest r : requests) {
      out.merge(r.api() + " " + r.method() + " " + endpoint(r.path()), 1, Integer::sum);
    }
    return out;
  }

  /** A path with its identifiers (any segment holding a digit) replaced by {@code {id}}. */
  static String endpoint(String path) {
    return path.replaceAll("/[^/]*[0-9][^/]*", "/{id}");
  }
}
