package io.convosql.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What {@link ApiClient} notes about one request while it runs (attempts, final status, items in
 * the answer), reported once as a {@link RequestRecord} when the request is over.
 */
final class RequestTrace {
  private final String api;
  private final String method;
  private final String path;
  private final Map<String, String> params;
  private final Instant startedAt = Instant.now();
  private final long startNanos = System.nanoTime();
  final AtomicInteger attempts = new AtomicInteger();
  private final Map<String, Integer> outcomes = new LinkedHashMap<>();
  private volatile int status;
  private int rows;
  private boolean cacheHit;

  RequestTrace(String api, String method, String path, Map<String, String> params) {
    this.api = api;
    this.method = method;
    this.path = path;
    this.params = params;
  }

  /** Notes one attempt's outcome: its status, or what went wrong ({@link AnswerReader#describe}). */
  synchronized void outcome(String what) {
    outcomes.merge(what, 1, Integer::sum);
  }

  /** The outcomes of the attempts so far, e.g. {@code "503 x2, 429, connection failed"}. */
  synchronized String outcomes() {
    StringBuilder b = new StringBuilder();
    outcomes.forEach((what, n) -> b.append(b.length() == 0 ? "" : ", ").append(what)
        .append(n > 1 ? " x" + n : ""));
    return b.toString();
  }

  /** Milliseconds since the request started. */
  long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  void status(int finalStatus) {
    this.status = finalStatus;
  }

  /** Marks the request as answered from the cache: no attempt went out. */
  void cacheHit() {
    this.cacheHit = true;
  }

  /** Counts the items of a parsed answer: its list's length, or 1 for one object. */
  void items(@Nullable JsonNode answer) {
    rows = count(answer);
  }

  static int count(@Nullable JsonNode answer) {
    if (answer == null || answer.isMissingNode() || answer.isNull()) {
      return 0;
    }
    if (answer.isArray()) {
      return answer.size();
    }
    for (String list : new String[] {"data", "hits"}) {
      JsonNode n = answer.get(list);
      if (n != null && n.isObject() && n.get("hits") != null && n.get("hits").isArray()) {
        n = n.get("hits"); // ElasticSearch's {hits: {hits: [...]}}
      }
      if (n != null && n.isArray()) {
        return n.size();
      }
      if (n != null && n.isObject()) {
        return 1;
      }
    }
    return answer.isObject() && answer.size() > 0 ? 1 : 0;
  }

  /**
   * Tells the observer, with every parameter value stripped of the key and key-like ones hidden;
   * nothing when no attempt was made (the statement was cancelled before the request went out).
   */
  void report(RequestObserver observer, UnaryOperator<String> redact) {
    if (attempts.get() == 0 && !cacheHit) {
      return;
    }
    Map<String, String> shown = new LinkedHashMap<>();
    params.forEach((k, v) -> shown.put(redact.apply(k), redact.apply(v)));
    long millis = elapsedMillis();
    try {
      observer.finished(new RequestRecord(startedAt, api, method, redact.apply(path),
          RequestRecord.redacted(shown), status, millis, attempts.get(), rows, cacheHit));
    } catch (RuntimeException e) {
      // an observer's failure must not fail the query it watches
    }
  }
}
