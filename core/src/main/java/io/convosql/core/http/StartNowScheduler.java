package io.convosql.core.http;

import dev.failsafe.spi.Scheduler;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Failsafe's scheduler for one API client. Failsafe hands even a request's first attempt to its
 * scheduler; here the work of starting a request that is due now (the first attempt, a rate-limit
 * permit that is free) runs on the thread that starts it, inside {@link #start}, until the attempt
 * itself begins ({@link #attemptBegins}). Everything else (retries, even those due at once, and
 * waits for a permit) goes to the client's retry thread as before: Failsafe expects a retry to run
 * after the attempt before it has been fully recorded, not inside its recording. An attempt only
 * enqueues an OkHttp call, so this spares every request a hand-off to another thread before it is
 * even sent.
 */
final class StartNowScheduler implements Scheduler {
  private static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

  private final ScheduledExecutorService later;

  StartNowScheduler(ScheduledExecutorService later) {
    this.later = Objects.requireNonNull(later, "later");
  }

  /** Starts a request through Failsafe, letting its first attempt run on this thread. */
  static <T> T start(Supplier<T> failsafeCall) {
    STARTING.set(Boolean.TRUE);
    try {
      return failsafeCall.get();
    } finally {
      STARTING.remove();
    }
  }

  /**
   * Called by an attempt as it begins: from here on (say, a call rejected at once and its retry)
   * nothing runs on the starting thread any more.
   */
  static void attemptBegins() {
    STARTING.remove();
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    if (delay > 0 || STARTING.get() == null) {
      return later.schedule(callable, delay, unit);
    }
    Done<Object> done = new Done<>();
    try {
      done.complete(callable.call());
    } catch (Throwable t) { // Failsafe's callables record their own failures; this is a hard one
      done.completeExceptionally(t);
    }
    return done;
  }

  /** The future of work that has already run. */
  private static final class Done<V> extends CompletableFuture<V> implements ScheduledFuture<V> {
    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
