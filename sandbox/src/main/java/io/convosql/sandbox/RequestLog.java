package io.convosql.sandbox;

import java.util.ArrayList;
import java.util.List;

/** The requests a sandbox served, in arrival order; thread-safe, so tests can assert what a query sent. */
public final class RequestLog {
  private final List<RecordedRequest> requests = new ArrayList<>();

  synchronized void add(RecordedRequest request) {
    requests.add(request);
  }

  /** Every request served since the last {@link #clear()}. */
  public synchronized List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  /** The requests served for one API ({@code "pathsim"} or {@code "insights"}). */
  public synchronized List<RecordedRequest> of(String api) {
    return requests.stream().filter(r -> r.api().equals(api)).toList();
  }

  /** The compact string form of each request for one API, for exact assertions. */
  public List<String> lines(String api) {
    return of(api).stream().map(RecordedRequest::toString).toList();
  }

  public synchronized void clear() {
    requests.clear();
  }
}
