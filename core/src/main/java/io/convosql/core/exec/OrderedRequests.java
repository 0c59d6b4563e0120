package io.convosql.core.exec;

import io.convosql.core.http.Cancellation;
import io.convosql.core.http.Futures;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One asynchronous request per input item (a session's detail for each listed session), up to
 * {@code width} in flight, with the answers handed out in the order of the input. A null answer is
 * left out. The first failure in input order is the one thrown, however the answers arrived; closing
 * cancels every request in flight.
 *
 * <p>When the consumer is known to take at most {@code needed} answers (a LIMIT), no more requests
 * are in flight than answers it still certainly takes, so no request is sent that reading one item
 * after the other would not have sent.
 *
 * <p>With a width above 1 the window is topped up as an answer is handed out, so the next answers
 * travel while the consumer holds it (a consumer that then stops cancels those in flight, and the
 * request budget counts them, since each may have reached the API). With a width of 1, one after the
 * other, a request is started only when the consumer asks for the next answer: a consumer that takes
 * its last answer and closes (a LIMIT above the scan that its filter stops) has sent exactly the
 * requests whose answers it took.
 */
public final class OrderedRequests<T, R> implements Iterator<R>, AutoCloseable {
  private final Iterator<T> input;
  private final Function<T, CompletableFuture<@Nullable R>> request;
  private final int width;
  private final long needed;
  private final Cancellation cancellation;
  private final ArrayDeque<CompletableFuture<@Nullable R>> inFlight = new ArrayDeque<>();
  private @Nullable R next;
  private long taken;
  private boolean closed;

  /**
   * @param width most requests in flight at once (1 = one after the other)
   * @param needed answers (not null) the consumer takes at least, unless the input ends first;
   *     -1 when it reads all
   */
  public OrderedRequests(Iterator<T> input, Function<T, CompletableFuture<@Nullable R>> request,
      int width, long needed, Cancellation cancellation) {
    this.input = input;
    this.request = request;
    this.width = Math.max(1, width);
    this.needed = needed;
    this.cancellation = cancellation;
  }

  /** Starts requests for the next items while the window allows. */
  private void fill() {
    while (inFlight.size() < width && (needed < 0 || taken + inFlight.size() < needed)
        && input.hasNext()) {
      T item = input.next();
      cancellation.check();
      inFlight.add(request.apply(item));
    }
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null && !closed) {
        fill();
        if (inFlight.isEmpty()) {
          if (!input.hasNext()) {
            return false;
          }
          // a LIMIT's rows are all taken, yet the consumer still reads: one at a time from here
          T item = input.next();
          cancellation.check();
          inFlight.add(request.apply(item));
        }
        R answer = Futures.await(inFlight.peek(), cancellation);
        inFlight.poll();
        if (answer != null) {
          next = answer;
          taken++;
          if (width > 1) {
            fill(); // the next answers travel while the consumer holds this one
          }
        }
      }
      return next != null;
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    R r = next;
    next = null;
    return r;
  }

  @Override
  public void close() {
    closed = true;
    while (!inFlight.isEmpty()) {
      inFlight.poll().cancel(true);
    }
    if (input instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // closing only cancels requests; nothing to report
      }
    }
  }
}
