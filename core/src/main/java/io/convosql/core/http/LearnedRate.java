package io.convosql.core.http;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The pace one key's requests are sent at, learned from its 429s: none until the first 429, then
 * 0.9 times the answers a second before it, raised by {@link #STEP} a second while none comes.
 */
final class LearnedRate {
  /** The share of the observed answers a second that a 429 sets the pace to. */
  static final double CUT = 0.9;
  /** What each healthy second adds to the pace, in requests a second. */
  static final double STEP = 0.5;

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final LongSupplier nanoTime;
  private final RateLimiter limiter;
  private double rate; // requests a second; 0 while off
  private long second; // the current whole second of nanoTime
  private int answersThisSecond;
  private int answersLastSecond;
  private boolean limitedThisSecond;

  LearnedRate(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.second = Math.floorDiv(nanoTime.getAsLong(), SECOND);
    this.limiter = RateLimiter.of("convosql", RateLimiterConfig.custom()
        .limitRefreshPeriod(Duration.ofSeconds(1)).limitForPeriod(Integer.MAX_VALUE / 2)
        .timeoutDuration(Duration.ofMillis(50)).build());
  }

  /** The pace in requests a second, or 0 while the key has met no 429. */
  synchronized double rate() {
    return rate;
  }

  /**
   * Takes a permit to send if one comes within 50 ms; false if not (the caller checks for
   * cancellation and asks again).
   */
  boolean tryAcquire() {
    return rate() == 0 || limiter.acquirePermission();
  }

  /** Counts an answer that was not a 429: a second with answers and no 429 raises the pace. */
  synchronized void onAnswer() {
    roll();
    answersThisSecond++;
  }

  /**
   * A 429: the pace drops below what the server answered a second (or halves if that is not known),
   * once a second however many 429s come together.
   */
  synchronized void onRateLimited() {
    roll();
    if (limitedThisSecond) {
      return;
    }
    limitedThisSecond = true;
    int observed = Math.max(answersLastSecond, answersThisSecond);
    double next = observed > 0 ? CUT * observed : rate / 2;
    set(rate > 0 ? Math.min(next, CUT * rate) : next);
  }

  private void roll() {
    long now = Math.floorDiv(nanoTime.getAsLong(), SECOND);
    if (now == second) {
      return;
    }
    if (rate > 0 && !limitedThisSecond && answersThisSecond > 0) {
      set(rate + STEP);
    }
    answersLastSecond = now == second + 1 ? answersThisSecond : 0;
    answersThisSecond = 0;
    limitedThisSecond = false;
    second = now;
  }

  private void set(double perSecond) {
    rate = Math.max(1, perSecond);
    limiter.changeLimitForPeriod((int) Math.max(1, Math.floor(rate)));
  }
}
