package io.convosql.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a sandbox served, in arrival order; thread-safe, so tests can assert what a query
 * sent. A request is counted as in flight from its arrival until it is recorded, and reading the
 * log waits for requests in flight, so a client that has its answer always finds its request in the
 * log. Each request takes its place by arrival, not by the moment it is recorded (once its answer
 * is made, just before it is sent), so a client's next request never appears before the one it
 * followed.
 */
public final class RequestLog {
  private static final long WAIT_MILLIS = 5_000;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<Long> arrivals = new ArrayList<>();
  private long nextArrival;
  private int inFlight;
  private long lastArrivalNanos = System.nanoTime();

  /** Notes a request's arrival; returns its place, to pass to {@link #add}. */
  synchronized long begin() {
    inFlight++;
    lastArrivalNanos = System.nanoTime();
    return nextArrival++;
  }

  synchronized void add(long arrival, RecordedRequest request) {
    int at = arrivals.size();
    while (at > 0 && arrivals.get(at - 1) > arrival) {
      at--;
    }
    arrivals.add(at, arrival);
    requests.add(at, request);
    inFlight--;
    notifyAll();
  }

  private void awaitSettled() {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (inFlight > 0 && System.currentTimeMillis() < deadline) {
      try {
        wait(Math.max(1, deadline - System.currentTimeMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Every request served since the last {@link #clear()}. */
  public synchronized List<RecordedRequest> all() {
    awaitSettled();
    return List.copyOf(requests);
  }

  /** The requests served for one API ({@code "pathsim"} or {@code "insights"}). */
  public synchronized List<RecordedRequest> of(String api) {
    awaitSettled();
    return requests.stream().filter(r -> r.api().equals(api)).toList();
  }

  /** The compact string form of each request for one API, for exact assertions. */
  public List<String> lines(String api) {
    return of(api).stream().map(RecordedRequest::toString).toList();
  }

  /**
   * Clears the log once no request has arrived for {@code quiet} (and none is in flight), waiting at
   * most a few seconds: a request a client cancelled after sending it, as a query that stopped
   * early does, may reach the server a moment after the query returned, and must not be counted as
   * the next query's.
   */
  public synchronized void clearWhenQuiet(Duration quiet) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      awaitSettled();
      long sinceLast = System.nanoTime() - lastArrivalNanos;
      if (inFlight == 0 && sinceLast >= quiet.toNanos()) {
        break;
      }
      try {
        wait(Math.max(1, (quiet.toNanos() - sinceLast) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    clear();
  }

  public synchronized void clear() {
    awaitSettled();
    requests.clear();
    arrivals.clear();
  }
}
