package io.convosql.core.http;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limiter.BlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The adaptive concurrency limit of one API, root URL and key, shared by every connection of the
 * JVM (found by a keyed hash of the key, as {@link ResponseCaches} does). Netflix's
 * concurrency-limits keeps the limit: AIMD over one-second windows, so it grows by one request in
 * flight per healthy second and halves in a second that met a 429, a 503, a timeout or an answer
 * slower than {@link #SLOW}. A 429 or 503 with {@code Retry-After} also holds every request of the
 * key back until that time (capped by the request's own call timeout), so a server's rate limit is
 * met by waiting together rather than by each request meeting it in turn. After a 429 the key's
 * requests are also paced at a {@link LearnedPace}, which switches itself off where pacing does not
 * stop the 429s.
 */
final class SharedConcurrency {
  /** Where the limit starts: what the driver used to allow per connection. */
  static final int INITIAL = 8;
  /** Most requests in flight to one API and key from the JVM, whatever the answers. */
  static final int MAX = 64;
  /** An answer slower than this counts as a sign of overload. */
  static final Duration SLOW = Duration.ofSeconds(5);

  private static final Map<String, SharedConcurrency> LIMITS = new ConcurrentHashMap<>();

  private final Limiter<Void> limiter;
  private final AtomicLong notBefore = new AtomicLong(Long.MIN_VALUE);
  private final LearnedPace pace = new LearnedPace(System::nanoTime);

  private SharedConcurrency() {
    AIMDLimit aimd = AIMDLimit.newBuilder().initialLimit(INITIAL).minLimit(1).maxLimit(MAX)
        .backoffRatio(0.5).timeout(SLOW.toMillis(), TimeUnit.MILLISECONDS).build();
    WindowedLimit windowed = WindowedLimit.newBuilder().minWindowTime(1, TimeUnit.SECONDS)
        .maxWindowTime(2, TimeUnit.SECONDS).windowSize(10).build(aimd);
    this.limiter = BlockingLimiter.wrap(SimpleLimiter.newBuilder().limit(windowed).build(),
        Duration.ofMinutes(10));
  }

  /** The limit of this API, root and key, made on first use. */
  static SharedConcurrency of(ApiSpec spec, HttpUrl root, @Nullable String key) {
    return LIMITS.computeIfAbsent(spec.name() + " " + root + " " + ResponseCaches.hash(key),
        k -> new SharedConcurrency());
  }

  /**
   * The application interceptor: waits for a Retry-After in force and for a permit, sends, and tells
   * the limit how it went.
   */
  Response intercept(Interceptor.Chain chain) throws IOException {
    Limiter.Listener permit;
    while (true) { // a Retry-After that came while waiting for the permit holds this one back too
      waitForRetryAfter(chain);
      waitForPace(chain);
      permit = limiter.acquire(null)
          .orElseThrow(() -> new InterruptedIOException("no permit to send within 10 minutes"));
      if (!heldBack()) {
        break;
      }
      permit.onIgnore();
    }
    Response response;
    long sentAt = System.nanoTime();
    try {
      if (chain.call().isCanceled()) {
        throw new IOException("Canceled");
      }
      response = chain.proceed(chain.request());
    } catch (InterruptedIOException e) {
      permit.onDropped(); // a timeout: overload, or a path that is failing
      throw e;
    } catch (IOException | RuntimeException e) {
      permit.onIgnore();
      throw e;
    }
    int status = response.code();
    if (status == 429) {
      pace.onRateLimited(sentAt);
    } else {
      pace.onAnswer();
    }
    if (status == 429 || status == 503) {
      holdBack(NoSilentRetry.retryAfter(response));
      permit.onDropped();
    } else if (status >= 500) {
      permit.onIgnore();
    } else {
      permit.onSuccess();
    }
    return response;
  }

  private void holdBack(@Nullable String retryAfter) {
    Duration wait = RetryAfter.parse(retryAfter, Clock.systemUTC());
    if (wait != null && !wait.isZero()) {
      long until = System.nanoTime() + wait.toNanos();
      notBefore.accumulateAndGet(until, (a, b) -> a == Long.MIN_VALUE || b - a > 0 ? b : a);
    }
  }

  private boolean heldBack() {
    long until = notBefore.get();
    return until != Long.MIN_VALUE && until - System.nanoTime() > 0;
  }

  private void waitForPace(Interceptor.Chain chain) throws IOException {
    try {
      while (!pace.tryAcquire()) {
        if (chain.call().isCanceled()) {
          throw new IOException("Canceled");
        }
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while pacing requests to the API's rate limit");
    }
  }

  private void waitForRetryAfter(Interceptor.Chain chain) throws IOException {
    while (true) {
      long until = notBefore.get();
      long left = until == Long.MIN_VALUE ? 0 : until - System.nanoTime();
      if (left <= 0) {
        return;
      }
      if (chain.call().isCanceled()) {
        throw new IOException("Canceled");
      }
      try {
        Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the API asked to wait (Retry-After)");
      }
    }
  }
}
