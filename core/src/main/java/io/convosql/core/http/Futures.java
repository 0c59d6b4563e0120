package io.convosql.core.http;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Waiting for and chaining the futures of asynchronous requests: a wait that keeps asking the
 * statement whether it was cancelled (and cancels the request when it was), and a mapping whose
 * cancellation reaches the request it was derived from.
 */
public final class Futures {
  /** How often a waiting thread asks whether its statement was cancelled. */
  private static final long POLL_MILLIS = 25;

  private Futures() {}

  /**
   * The future's value, waited for on the caller's thread while asking {@code cancellation} every few
   * milliseconds. On cancellation or interruption the future is cancelled (which cancels its call in
   * flight) and the cancellation's exception, or {@link RequestInterruptedException}, is
   * thrown; a failure is rethrown as it was raised.
   */
  public static <T> T await(CompletableFuture<T> future, Cancellation cancellation) {
    try {
      while (true) {
        try {
          return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          try {
            cancellation.check();
          } catch (RuntimeException cancelled) {
            future.cancel(true);
            throw cancelled;
          }
        }
      }
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RequestInterruptedException();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (CancellationException e) {
      cancellation.check(); // cancelled because the statement was: say so
      throw e;
    }
  }

  /**
   * The source's value passed through {@code fn} (on the thread that completes the source);
   * cancelling the result cancels the source.
   */
  public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<T, R> fn) {
    CompletableFuture<R> out = source.thenApply(fn);
    out.whenComplete((r, e) -> {
      if (out.isCancelled()) {
        source.cancel(true);
      }
    });
    return out;
  }
}
