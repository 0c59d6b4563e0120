package io.convosql.core.http;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One finished API request as a connection saw it: when it started, the API, the method, the
 * endpoint path, the query parameters (decoded, in the order sent, with any key-like one shown as
 * {@code ****}), the final HTTP status (0 when no answer came: a broken connection, a timeout, a
 * cancellation), how long it took over all its attempts, how many attempts were made, how many items
 * its answer carried, and whether it was answered from a cache.
 *
 * @param rows the items in the answer's list ({@code data} or {@code hits}), 1 for an answer that
 *     is one object, 0 for an error, an empty answer or a downloaded file
 */
public record RequestRecord(Instant startedAt, String api, String method, String path,
    Map<String, String> parameters, int status, long millis, int attempts, int rows, boolean cacheHit) {
  /** Parameter names whose values are never shown: anything that may carry a credential. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(key|token|secret|password|passwd|signature|sig|credential|auth).*");

  public RequestRecord {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** Attempts beyond the first. */
  public int retries() {
    return Math.max(0, attempts - 1);
  }

  /** The parameters as {@code name=value&name2=value2}, decoded, in the order sent. */
  public String parameterText() {
    return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }

  /** The parameters with the value of every key-like one replaced by {@code ****}. */
  static Map<String, String> redacted(Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((name, value) -> out.put(name, SECRET_NAME.matcher(name).matches() ? "****" : value));
    return out;
  }
}
