package io.convosql.sandbox;

import java.util.HashMap;
import java.util.Map;

/**
 * A per-key rate limit as APIs enforce one: a token bucket per API key, refilled at {@code
 * perSecond} and holding at most one second's worth, so a key may burst to that many requests and
 * then keeps to the rate. A request finding the bucket empty is refused with the whole seconds to
 * wait until a token is back (at least 1), for a {@code Retry-After}.
 */
final class KeyRateLimit {
  private final double perSecond;
  private final double capacity;
  private final Map<String, double[]> buckets = new HashMap<>(); // key -> {tokens, at nanos}

  KeyRateLimit(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
    }
    this.perSecond = perSecond;
    this.capacity = Math.max(1, perSecond);
  }

  double perSecond() {
    return perSecond;
  }

  /** Takes a token for the key: 0 when the request may go on, else the seconds to wait. */
  synchronized int take(String key) {
    long now = System.nanoTime();
    double[] b = buckets.computeIfAbsent(key, k -> new double[] {capacity, now});
    b[0] = Math.min(capacity, b[0] + (now - (long) b[1]) / 1e9 * perSecond);
    b[1] = now;
    if (b[0] >= 1) {
      b[0] -= 1;
      return 0;
    }
    return (int) Math.max(1, Math.ceil((1 - b[0]) / perSecond));
  }
}
