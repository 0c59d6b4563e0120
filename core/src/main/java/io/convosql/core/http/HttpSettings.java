package io.convosql.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a connection talks to an API: timeouts, retries of idempotent requests and the client-side
 * caps (requests per second and requests in flight) over the adaptive limit the JVM's connections
 * share ({@link SharedConcurrency}). One value per API per connection.
 *
 * @param connectTimeout time to open a TCP/TLS connection
 * @param readTimeout longest silence while waiting for bytes of an answer
 * @param callTimeout longest time for one attempt of a request, answer body included
 * @param maxAttempts attempts per request, the first included (1 = no retry)
 * @param retryBudget longest time spent on one request over all its attempts and waits
 * @param initialBackoff wait before the first retry; doubles (with jitter) up to maxBackoff
 * @param maxBackoff longest wait between attempts unless the server asks for more (Retry-After)
 * @param connectRetry how long a request keeps retrying a refused connection to an API that has
 *     not answered since the JVM started ({@link FirstContact}); within the retry budget
 * @param requestsPerSecond most requests started per second, 0 for no limit
 * @param maxConcurrent most requests in flight at once
 * @param log what is logged of each request (never a key)
 * @param observer told of every finished request (the connection's {@code convosql.requests})
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout,
    int maxAttempts, Duration retryBudget, Duration initialBackoff, Duration maxBackoff,
    Duration connectRetry, double requestsPerSecond, int maxConcurrent, HttpLog log,
    RequestObserver observer) {

  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(retryBudget, "retryBudget");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(connectRetry, "connectRetry");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(observer, "observer");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1, not " + maxConcurrent);
    }
    if (requestsPerSecond < 0 || Double.isNaN(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be 0 or more, not " + requestsPerSecond);
    }
    if (connectRetry.isNegative()) {
      throw new IllegalArgumentException("connectRetry must not be negative");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
    }
  }

  /**
   * The defaults the driver documents: 10 s connect, 30 s read, 60 s per attempt, up to 16 attempts
   * within 90 s (docs/real-apis.md shows why: a request fails at a 25% fault rate with probability
   * 0.25^16, a 500-request query with about 1 in 10 million); a refused connection to an API that
   * has not answered yet is retried for 2 s.
   */
  public static HttpSettings defaults() {
    return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 16,
        Duration.ofSeconds(90), Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(2), 0,
        16, HttpLog.NONE, RequestObserver.NONE);
  }

  public HttpSettings withTimeouts(Duration connect, Duration read, Duration call) {
    return new HttpSettings(connect, read, call, maxAttempts, retryBudget, initialBackoff, maxBackoff,
        connectRetry, requestsPerSecond, maxConcurrent, log, observer);
  }

  public HttpSettings withRetries(int attempts, Duration budget, Duration initial, Duration max) {
    return new HttpSettings(connectTimeout, readTimeout, callTimeout, attempts, budget, initial, max,
        connectRetry, requestsPerSecond, maxConcurrent, log, observer);
  }

  /** How long a refused connection to an API that has never answered is retried. */
  public HttpSettings withConnectRetry(Duration refusedFor) {
    return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxAttempts, retryBudget,
        initialBackoff, maxBackoff, refusedFor, requestsPerSecond, maxConcurrent, log, observer);
  }

  public HttpSettings withLimits(double perSecond, int concurrent) {
    return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxAttempts, retryBudget,
        initialBackoff, maxBackoff, connectRetry, perSecond, concurrent, log, observer);
  }

  public HttpSettings withLog(HttpLog level) {
    return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxAttempts, retryBudget,
        initialBackoff, maxBackoff, connectRetry, requestsPerSecond, maxConcurrent, level, observer);
  }

  public HttpSettings withObserver(RequestObserver requestObserver) {
    return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxAttempts, retryBudget,
        initialBackoff, maxBackoff, connectRetry, requestsPerSecond, maxConcurrent, log, requestObserver);
  }
}
