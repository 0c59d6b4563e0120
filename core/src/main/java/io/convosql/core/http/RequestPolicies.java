package io.convosql.core.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * The Failsafe policies of one API client: retries of idempotent requests (429, 502, 503, 504,
 * broken connections and timeouts) with exponential backoff and jitter that honour Retry-After, a
 * shorter time for connections refused by an API that never answered ({@link FirstContact}), and the
 * client-side rate limit every attempt passes through.
 */
final class RequestPolicies {
  /** Statuses that say "try again": too many requests, and a gateway or service briefly failing. */
  static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

  private RequestPolicies() {}

  /**
   * Policies for GETs to the API at {@code root}: retries around the rate limit, so each attempt
   * takes a permit.
   */
  static FailsafeExecutor<Answer> idempotent(HttpUrl root, HttpSettings s, Clock clock) {
    List<Policy<Answer>> policies = new ArrayList<>();
    policies.add(retry(root, s, clock));
    rateLimit(s).ifPresent(policies::add);
    return Failsafe.with(policies);
  }

  /** Policies for requests that must go out at most once (DELETE): only the rate limit. */
  static FailsafeExecutor<Answer> once(HttpSettings s) {
    return rateLimit(s).<FailsafeExecutor<Answer>>map(Failsafe::with).orElseGet(Failsafe::none);
  }

  private static java.util.Optional<Policy<Answer>> rateLimit(HttpSettings s) {
    if (s.requestsPerSecond() <= 0) {
      return java.util.Optional.empty();
    }
    Duration every = Duration.ofNanos(Math.max(1, (long) (1e9 / s.requestsPerSecond())));
    return java.util.Optional.of(RateLimiter.<Answer>smoothBuilder(every)
        .withMaxWaitTime(s.retryBudget()).build());
  }

  private static RetryPolicy<Answer> retry(HttpUrl root, HttpSettings s, Clock clock) {
    return RetryPolicy.<Answer>builder()
        .handleIf((answer, failure) -> failure != null
            ? retryable(failure) : answer != null && RETRYABLE_STATUSES.contains(answer.status()))
        .withMaxAttempts(s.maxAttempts())
        .withMaxDuration(s.retryBudget())
        .withDelayFn(ctx -> {
          Duration wait = delay(s, clock, ctx.getLastResult(), ctx.getAttemptCount(), ctx.getElapsedTime());
          FirstContact.check(root, s, ctx.getLastException(), ctx.getElapsedTime().plus(wait));
          return wait;
        })
        .build();
  }

  /**
   * The wait before the next attempt: what Retry-After asks (plus up to 10% so clients do not return
   * in step), else exponential backoff with full jitter between half and all of the step.
   */
  static Duration delay(HttpSettings s, Clock clock, Answer last, int attempts, Duration elapsed) {
    Duration asked = last == null ? null : RetryAfter.parse(last.retryAfter(), clock);
    if (asked != null) {
      Duration left = s.retryBudget().minus(elapsed);
      if (asked.compareTo(left) > 0) {
        throw new RetryAfterTooLongException(asked, last.status());
      }
      long extra = asked.toMillis() / 10;
      return asked.plusMillis(extra == 0 ? 0 : ThreadLocalRandom.current().nextLong(extra + 1));
    }
    long step = s.initialBackoff().toMillis() << Math.min(20, Math.max(0, attempts - 1));
    long capped = Math.min(step, s.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  /**
   * Broken connections and timeouts are worth another attempt; an unknown host, a TLS failure, a
   * redirect loop or a call we cancelled ourselves are not.
   */
  static boolean retryable(Throwable failure) {
    if (!(failure instanceof IOException)) {
      return false;
    }
    if (failure instanceof UnknownHostException || failure instanceof SSLException) {
      return false;
    }
    String message = String.valueOf(failure.getMessage());
    // ProtocolException is also how OkHttp reports a body cut short, which is worth retrying
    return !(failure instanceof ProtocolException && message.startsWith("Too many follow-up"))
        && !message.equals("Canceled");
  }
}
