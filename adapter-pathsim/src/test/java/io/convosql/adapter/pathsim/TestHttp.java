package io.convosql.adapter.pathsim;

import io.convosql.core.http.HttpSettings;
import java.time.Duration;

/** HTTP settings for tests: the given timeouts, the default retries with short waits, no rate limit. */
final class TestHttp {
  private TestHttp() {}

  static HttpSettings settings(Duration timeout) {
    return HttpSettings.defaults().withTimeouts(timeout, timeout, timeout.multipliedBy(2))
        .withRetries(4, Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofMillis(80))
        .withLimits(0, 8);
  }
}
