package io.convosql.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How an API's answers are cached: for how long an answer may be reused, how long when it describes
 * something that can no longer change (a finished session's details), and how many bytes of answers
 * are held at most. A zero {@code ttl} turns the cache off.
 *
 * @param ttl how long a GET answer is reused; zero for no cache
 * @param settledTtl how long an answer the caller judged settled (a finished session's details) is
 *     reused
 * @param maxBytes most bytes of answer bodies held by one cache
 */
public record CacheSettings(Duration ttl, Duration settledTtl, long maxBytes) {
  /** No cache. */
  public static final CacheSettings OFF = new CacheSettings(Duration.ZERO, Duration.ZERO, 0);

  public CacheSettings {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(settledTtl, "settledTtl");
    if (ttl.isNegative() || settledTtl.isNegative() || maxBytes < 0) {
      throw new IllegalArgumentException("cache durations and size must not be negative");
    }
  }

  /** Whether answers are cached at all. */
  public boolean enabled() {
    return !ttl.isZero() && maxBytes > 0;
  }

  /** The longest time any answer stays. */
  Duration longest() {
    return ttl.compareTo(settledTtl) >= 0 ? ttl : settledTtl;
  }
}
