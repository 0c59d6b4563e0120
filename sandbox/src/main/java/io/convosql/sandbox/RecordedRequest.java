package io.convosql.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request the sandbox served: which API, the method, the path below the API's root, the decoded
 * query parameters in the order they were sent, the status answered and the request headers that tests
 * care about (authentication headers are recorded only as present or absent, never by value).
 */
public record RecordedRequest(
    String api,
    String method,
    String path,
    Map<String, List<String>> params,
    int status,
    boolean hadAuthorization,
    boolean hadInsightsKey) {

  public RecordedRequest {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    params = Map.copyOf(params);
  }

  /** The first value of a query parameter, or null when it was not sent. */
  public String param(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A compact form for assertions and logs: {@code GET /workspaces/w1/sessions?limit=10&offset=0}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(method).append(' ').append(path);
    char sep = '?';
    for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(params).entrySet()) {
      for (String v : e.getValue()) {
        b.append(sep).append(e.getKey()).append('=').append(v);
        sep = '&';
      }
    }
    return b.toString();
  }
}
