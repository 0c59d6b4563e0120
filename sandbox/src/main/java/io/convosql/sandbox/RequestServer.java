package io.convosql.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Serves each request of a sandbox: applies the latency, draws a fault, lets the API answer into a
 * {@link HeldExchange}, logs the request, runs the hook and only then sends the answer (or cuts the
 * connection), so a client that has its answer finds the request logged and the hook's work done.
 */
final class RequestServer {
  private static final String FAILURE = "{\"success\":false,\"error\":\"sandbox failure\"}";

  private final RequestLog log;
  private final AtomicLong injected = new AtomicLong();
  private final Map<FaultKind, AtomicLong> injectedByKind = new EnumMap<>(FaultKind.class);
  private final AtomicReference<Throwable> hookFailure = new AtomicReference<>();
  private volatile Duration latency;
  private volatile FaultInjector faults;
  private volatile Consumer<RecordedRequest> hook;
  private volatile boolean closeAfterEachAnswer;
  private volatile KeyRateLimit rateLimit;
  private final AtomicLong rateLimited = new AtomicLong();

  RequestServer(RequestLog log, Duration latency, Faults faults) {
    this.log = Objects.requireNonNull(log, "log");
    this.latency = Objects.requireNonNull(latency, "latency");
    this.faults = new FaultInjector(faults);
    for (FaultKind kind : FaultKind.values()) {
      injectedByKind.put(kind, new AtomicLong());
    }
  }

  void setLatency(Duration latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
  }

  void setFaults(Faults faults) {
    this.faults = new FaultInjector(faults);
  }

  Faults faults() {
    return faults.faults();
  }

  long injected() {
    return injected.get();
  }

  long injected(FaultKind kind) {
    return injectedByKind.get(Objects.requireNonNull(kind, "kind")).get();
  }

  /** Answers with {@code Connection: close}, as an HTTP/1.0 server does: one request per connection. */
  void setCloseAfterEachAnswer(boolean close) {
    this.closeAfterEachAnswer = close;
  }

  /** Refuses a key's requests beyond this many a second with 429; 0 for no limit. */
  void setRateLimit(double perSecond) {
    this.rateLimit = perSecond > 0 ? new KeyRateLimit(perSecond) : null;
  }

  double rateLimit() {
    KeyRateLimit r = rateLimit;
    return r == null ? 0 : r.perSecond();
  }

  long rateLimited() {
    return rateLimited.get();
  }

  void onRequest(Consumer<RecordedRequest> hook) {
    this.hook = hook;
  }

  Optional<Throwable> hookFailure() {
    return Optional.ofNullable(hookFailure.get());
  }

  void serve(ApiHandler handler, String root, HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring(root.length());
    Map<String, List<String>> params = Exchanges.queryParams(exchange);
    String method = exchange.getRequestMethod();
    boolean auth = exchange.getRequestHeaders().containsKey("Authorization");
    boolean vgai = exchange.getRequestHeaders().containsKey("X-Vgai-Key");
    String key = handler.api() + " " + exchange.getRequestHeaders().getFirst(
        auth ? "Authorization" : "X-Vgai-Key");
    HeldExchange held = new HeldExchange(exchange);
    FaultKind fault = null;
    RecordedRequest recorded;
    long arrival = log.begin();
    try {
      fault = answer(handler, held, method, path, params, key);
    } finally {
      int status = fault != null && fault.cut() ? 0 : held.answered() ? held.status() : 500;
      recorded =
          new RecordedRequest(handler.api(), method, path, params, status, auth, vgai, fault);
      log.add(arrival, recorded);
    }
    runHook(recorded);
    if (fault == FaultKind.CUT_BEFORE_ANSWER) {
      throw FaultAnswers.cutBeforeAnswer(exchange);
    }
    if (fault == FaultKind.CUT_MID_BODY) {
      throw FaultAnswers.cutMidBody(exchange, held);
    }
    if (closeAfterEachAnswer) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    held.release();
  }

  /**
   * The longest request target (path and query, as sent) answered; longer ones get 414, as nginx
   * answers a request line past its default 8 KB buffer (and most gateways have a limit near it).
   */
  static final int MAX_TARGET_BYTES = 8000;

  private static int targetLength(HeldExchange held) {
    java.net.URI uri = held.getRequestURI();
    String query = uri.getRawQuery();
    return uri.getRawPath().length() + (query == null ? 0 : 1 + query.length());
  }

  /** Fills the held exchange with the answer to send; returns the fault drawn, or null. */
  private FaultKind answer(ApiHandler handler, HeldExchange held, String method, String path,
      Map<String, List<String>> params, String key) throws IOException {
    Duration delay = latency;
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Exchanges.sendJson(held, 503, "{\"success\":false,\"error\":\"sandbox stopping\"}");
        return null;
      }
    }
    if (targetLength(held) > MAX_TARGET_BYTES) {
      Exchanges.sendJson(held, 414, "{\"success\":false,\"error\":\"URI Too Long\"}");
      return null;
    }
    KeyRateLimit limit = rateLimit;
    int wait = limit == null || handler.api().equals("storage") ? 0 : limit.take(key);
    if (wait > 0) {
      rateLimited.incrementAndGet();
      FaultAnswers.tooManyRequests(held, handler.api(), Integer.toString(wait));
      return null;
    }
    FaultInjector injector = faults;
    FaultKind fault = injector.draw(handler.api(), method, path);
    if (fault != null) {
      injected.incrementAndGet();
      injectedByKind.get(fault).incrementAndGet();
    }
    if (fault != null && !fault.cut()) {
      FaultAnswers.error(held, handler.api(), fault, injector.faults());
    } else if (fault == null || fault == FaultKind.CUT_MID_BODY && method.equals("GET")) {
      // A GET changes nothing, so a cut GET can carry the start of its true answer.
      handle(handler, held, method, path, params);
    }
    return fault;
  }

  private static void handle(ApiHandler handler, HeldExchange held, String method, String path,
      Map<String, List<String>> params) throws IOException {
    try {
      handler.handle(held, method, path, params);
      if (held.answered()) {
        return;
      }
    } catch (RuntimeException e) {
      held.discard();
    }
    Exchanges.sendJson(held, 500, FAILURE);
  }

  private void runHook(RecordedRequest recorded) {
    Consumer<RecordedRequest> h = hook;
    if (h == null) {
      return;
    }
    try {
      h.accept(recorded);
    } catch (RuntimeException | AssertionError e) {
      hookFailure.compareAndSet(null, e);
    }
  }
}
