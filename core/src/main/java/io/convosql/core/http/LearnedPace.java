package io.convosql.core.http;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The pace one key's requests are sent at, learned from its 429s, and switched off for a while
 * where pacing does not stop them.
 *
 * <p>A key is not paced until a 429 episode (the first 429 and those of requests sent before it).
 * Then its requests are spaced evenly (a Resilience4j {@link RateLimiter} of one permit a period)
 * at {@link #CUT} times the non-429 answers a second just seen, read by elapsed time, never per
 * calendar second: over the last {@link #LOOKBACK} of the current busy stretch (a {@link #QUIET}
 * gap ends one), from the previous episode if it falls in it, else from the stretch's first
 * answer; divided by at least {@link #MIN_SPAN}, and from at least {@link #MIN_ANSWERS} answers
 * (seven answers in 50 ms before a 429 set no pace; the next episode reads from this one). Read
 * from the previous 429, when the server had just refused for want of quota, the rate can be no
 * more than a rate-limited server grants (a token bucket grants at most its rate from empty), so
 * the pace is below the limit and its 429s stop. The first read sees only what the key sent, so a
 * second cut follows; a read over 10 s with no 429 in it exceeds the limit by at most a tenth of a
 * second's burst, which the cut takes back. Each busy second without a 429, from {@link #HOLD}
 * after the last cut, raises the pace by {@link #STEP} (or 2%), so the key probes the limit again
 * now and then (at the cost of a 429 or two); which is why a limited key runs slightly below its
 * limit. A cut never raises the pace, nor takes it below {@link #FLOOR} times the first pace read
 * from a previous 429.
 *
 * <p>Injected or random 429s (an overloaded server, a fault proxy) keep coming at the same share
 * whatever the pace, and cutting for each would slow the key to a crawl. So once {@link
 * #UNHELPED} episodes in a row arrive with the pace no higher than the last cut set it, pacing is
 * not what fixes them: it is switched off for {@link #OFF}, leaving the {@code Retry-After} hold
 * back and the concurrency limit of {@link SharedConcurrency}. Pacing also ends after {@link
 * #FORGET} without a 429.
 */
final class LearnedPace {
  /** The share of the answers a second seen that a 429 sets the pace to. */
  static final double CUT = 0.9;
  /** The lowest pace cuts may reach, as a share of the first one read from a previous 429. */
  static final double FLOOR = 0.5;
  /** Episodes in a row with the pace no higher than the last cut that switch pacing off. */
  static final int UNHELPED = 3;
  /** What each healthy second adds to the pace at least, in requests a second. */
  static final double STEP = 0.5;
  /** The longest span the answers a second are read over. */
  static final Duration LOOKBACK = Duration.ofSeconds(10);
  /** The shortest span the answers a second are read over. */
  static final Duration MIN_SPAN = Duration.ofMillis(200);
  /** The fewest answers a pace is read from. */
  static final int MIN_ANSWERS = 10;
  /** A gap without answers or 429s this long ends what the answers a second are read over. */
  static final Duration QUIET = Duration.ofSeconds(2);
  /** How long after a cut the pace stays before healthy seconds raise it. */
  static final Duration HOLD = Duration.ofSeconds(5);
  /** How long pacing stays off once it did not help. */
  static final Duration OFF = Duration.ofMinutes(3);
  /** How long without a 429 ends pacing. */
  static final Duration FORGET = Duration.ofMinutes(2);

  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  /** The share of the pace a second's answers must reach for that second to raise it. */
  private static final double BUSY = 0.8;

  private final LongSupplier nanoTime;
  private final RecentCounts answers = new RecentCounts(LOOKBACK);
  private volatile @Nullable RateLimiter limiter; // null while not pacing
  private double rate; // requests a second; 0 while not pacing
  private double floor; // 0 until a pace is read from a previous 429
  private double lastCut;
  private int unhelped;
  private boolean episodes;
  private long episodeAt;
  private long checkedAt;
  private long lastEventAt;
  private long busySince;
  private long offUntil;
  private boolean off;

  LearnedPace(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.lastEventAt = nanoTime.getAsLong();
    this.busySince = lastEventAt;
  }

  /** The pace in requests a second, or 0 while the key is not paced. */
  synchronized double rate() {
    return rate;
  }

  /** Whether pacing is switched off because it did not stop the key's 429s. */
  synchronized boolean switchedOff() {
    return off && nanoTime.getAsLong() - offUntil < 0;
  }

  /**
   * Takes a permit to send if one comes within 50 ms; false if not (the caller checks for
   * cancellation and asks again).
   */
  boolean tryAcquire() {
    RateLimiter l = limiter;
    return l == null || l.acquirePermission();
  }

  /** Counts an answer that was not a 429; a busy healthy second raises the pace. */
  synchronized void onAnswer() {
    long now = event();
    answers.add(now);
    if (rate == 0 || now - checkedAt < SECOND) {
      return;
    }
    checkedAt = now;
    if (now - episodeAt >= FORGET.toNanos()) {
      stop();
    } else if (now - episodeAt >= HOLD.toNanos()
        && answers.since(now - SECOND, now) >= BUSY * rate) {
      set(rate + Math.max(STEP, rate / 50));
    }
  }

  /**
   * A 429 to a request sent at {@code sentAt}: one sent after the current episode began starts a
   * new one, which learns, cuts or switches off the pace.
   */
  synchronized void onRateLimited(long sentAt) {
    long now = event();
    if (episodes && sentAt - episodeAt < 0) {
      return;
    }
    long from = Math.max(now - LOOKBACK.toNanos(), busySince);
    boolean anchored = episodes && episodeAt - from >= 0;
    double seen = seen(anchored ? episodeAt : from, anchored, now);
    episodes = true;
    episodeAt = now;
    checkedAt = now;
    if (off) {
      if (now - offUntil < 0) {
        return;
      }
      off = false;
    }
    if (rate > 0) {
      unhelped = rate > lastCut ? 0 : unhelped + 1;
      if (unhelped >= UNHELPED) {
        stop();
        off = true;
        offUntil = now + OFF.toNanos();
        return;
      }
    }
    if (seen == 0 && rate == 0) {
      return; // too few answers to read a pace from: the next episode reads from this one
    }
    double next = seen == 0 ? rate : rate > 0 ? Math.min(CUT * seen, rate) : CUT * seen;
    if (floor == 0 && anchored && seen > 0) {
      floor = FLOOR * next;
    }
    set(Math.max(next, floor));
    lastCut = rate;
  }

  /** Now, noting the start of a busy stretch after a quiet gap. */
  private long event() {
    long now = nanoTime.getAsLong();
    if (now - lastEventAt > QUIET.toNanos()) {
      busySince = now;
    }
    lastEventAt = now;
    return now;
  }

  /**
   * The non-429 answers a second from {@code from} (from its first answer unless {@code anchored})
   * until now, by elapsed time; 0 if fewer than {@link #MIN_ANSWERS}.
   */
  private double seen(long from, boolean anchored, long now) {
    int n = answers.since(from, now);
    if (n < MIN_ANSWERS) {
      return 0;
    }
    long first = anchored ? from : answers.firstSince(from, now);
    return n * (double) SECOND / Math.max(now - first, MIN_SPAN.toNanos());
  }

  private void stop() {
    rate = 0;
    floor = 0;
    unhelped = 0;
    limiter = null;
  }

  private void set(double perSecond) {
    rate = Math.max(1, perSecond);
    limiter = RateLimiter.of("convosql-pace", RateLimiterConfig.custom()
        .limitForPeriod(1).limitRefreshPeriod(Duration.ofNanos((long) (SECOND / rate)))
        .timeoutDuration(Duration.ofMillis(50)).build());
  }
}
