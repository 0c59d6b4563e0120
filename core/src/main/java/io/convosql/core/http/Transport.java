package io.convosql.core.http;

import dev.failsafe.FailsafeExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one {@link ApiClient} sends requests with: its OkHttp client (pool, dispatcher and
 * interceptors), its retry thread and its Failsafe policies. The client builds it on its first
 * request rather than when a connection opens: loading OkHttp, Failsafe and the concurrency limits
 * takes a tenth of a second a first {@code getConnection} need not wait for, and a connection that
 * only reads metadata never sends a request.
 */
final class Transport {
  final OkHttpClient http;
  final FailsafeExecutor<Answer> retrying;
  final FailsafeExecutor<Answer> single;
  private final ScheduledThreadPoolExecutor scheduler;

  Transport(ApiSpec spec, HttpUrl root, @Nullable String key, HttpSettings settings, Clock clock,
      Interceptor authenticate, UnaryOperator<String> redact) {
    this.http = OkHttpClients.build(spec, root, key, settings, authenticate, redact);
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "convosql-" + spec.name().toLowerCase(Locale.ROOT) + "-retry");
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    StartNowScheduler attempts = new StartNowScheduler(scheduler);
    this.retrying = RequestPolicies.idempotent(root, settings, clock).with(attempts);
    this.single = RequestPolicies.once(settings).with(attempts);
  }

  /**
   * Fails as OkHttp's builder fails for a timeout it cannot take (below zero, or over
   * {@code Integer.MAX_VALUE} milliseconds), so that settings no transport could be built with are
   * still refused when the client is made, before any request.
   */
  static void checkTimeouts(HttpSettings settings) {
    for (Duration d : List.of(settings.connectTimeout(), settings.readTimeout(), settings.callTimeout())) {
      long millis = d.toMillis(); // OkHttp converts the same way, overflow included
      if (millis < 0) {
        throw new IllegalStateException("timeout < 0");
      }
      if (millis > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("timeout too large.");
      }
    }
  }

  /** Requests running or queued. */
  int callsInFlight() {
    return http.dispatcher().runningCallsCount() + http.dispatcher().queuedCallsCount();
  }

  /** Cancels calls in flight, stops the threads and closes pooled connections. */
  void close() {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    scheduler.shutdownNow();
  }
}
