package io.convosql.core.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last requests of one connection, oldest first, at most {@code capacity} of them (older ones
 * are dropped), and the listeners told of each as it finishes. Thread-safe.
 */
public final class RecentRequests implements RequestObserver {
  private final int capacity;
  private final ArrayDeque<RequestRecord> records;
  private final List<RequestObserver> listeners = new CopyOnWriteArrayList<>();

  /** @param capacity the most requests kept; 0 keeps none (listeners are still told) */
  public RecentRequests(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be 0 or more, not " + capacity);
    }
    this.capacity = capacity;
    this.records = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  @Override
  public void finished(RequestRecord record) {
    Objects.requireNonNull(record, "record");
    if (capacity > 0) {
      synchronized (records) {
        if (records.size() == capacity) {
          records.removeFirst();
        }
        records.addLast(record);
      }
    }
    for (RequestObserver l : listeners) {
      l.finished(record);
    }
  }

  /** The requests kept, oldest first. */
  public List<RequestRecord> snapshot() {
    synchronized (records) {
      return List.copyOf(new ArrayList<>(records));
    }
  }

  /** Tells {@code listener} of every request from now on. */
  public void addListener(RequestObserver listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(RequestObserver listener) {
    listeners.remove(listener);
  }
}
