package io.convosql.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request the sandbox served: which API, the method, the path below the API's root, the decoded
 * query parameters in the order they were sent, the status answered, the request headers that tests
 * care about (authentication headers are recorded only as present or absent, never by value) and
 * the fault injected in place of the answer, if any (see {@link Faults}; a cut connection's status
 * is 0).
 */
public record RecordedRequest(
    String api,
    String method,
    String path,
    Map<String, List<String>> params,
    int status,
    boolean hadAuthorization,
    boolean hadInsightsKey,
    FaultKind fault) {

  public RecordedRequest {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    params = Map.copyOf(params);
  }

  /** A request the API answered itself, without an injected fault. */
  public RecordedRequest(String api, String method, String path, Map<String, List<String>> params,
      int status, boolean hadAuthorization, boolean hadInsightsKey) {
    this(api, method, path, params, status, hadAuthorization, hadInsightsKey, null);
  }

  /** Whether the sandbox injected a fault in place of the answer; {@link #fault()} tells which. */
  public boolean injectedFault() {
    return fault != null;
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
