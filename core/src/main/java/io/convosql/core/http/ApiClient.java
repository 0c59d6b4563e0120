package io.convosql.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The HTTP client of one API for one connection. It adds the API key only to requests for the API's
 * own scheme, host and port (so a redirect to a storage host never carries it), retries idempotent
 * requests as its {@link HttpSettings} say, keeps to the client-side limits, stops waiting (and
 * cancels the call in flight) when the statement is cancelled, and turns every failure into an
 * {@link ApiException} that names the endpoint and never the key.
 */
public final class ApiClient implements AutoCloseable {
  private final ApiSpec spec;
  private final HttpUrl root;
  private final @Nullable String key;
  private final HttpSettings settings;
  private final Clock clock;
  /** Built on the first request ({@link #transport}); null until then. */
  private volatile @Nullable Transport transport;
  private boolean closed; // guarded by this
  private final CacheClaim cache;
  private volatile @Nullable CacheHitListener cacheHits;

  public ApiClient(ApiSpec spec, HttpUrl root, @Nullable String key, HttpSettings settings) {
    this(spec, root, key, settings, Clock.systemUTC());
  }

  ApiClient(ApiSpec spec, HttpUrl root, @Nullable String key, HttpSettings settings, Clock clock) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.root = Objects.requireNonNull(root, "root");
    this.key = key;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache = new CacheClaim(spec, root, key);
    Transport.checkTimeouts(settings); // what cannot be built fails now, not at the first request
  }

  /**
   * The OkHttp client, retry thread and policies, built once by the first request; after
   * {@link #close} built closed, so a late request fails as it always did on a closed client.
   */
  private Transport transport() {
    Transport t = transport;
    if (t == null) {
      synchronized (this) {
        if (transport == null) {
          transport = new Transport(spec, root, key, settings, clock, this::authenticate, this::redact);
          if (closed) {
            transport.close();
          }
        }
        t = transport;
      }
    }
    return t;
  }

  /** Whether the client has built its transport (sent or started a request), for tests. */
  boolean started() {
    return transport != null;
  }

  private Response authenticate(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (key != null && url.scheme().equals(root.scheme()) && url.host().equals(root.host())
        && url.port() == root.port()) {
      request = request.newBuilder().header(spec.keyHeader(), spec.keyPrefix() + key).build();
    } else {
      // never let a key reach another host, whoever set the header
      request = request.newBuilder().removeHeader(spec.keyHeader()).removeHeader("Authorization").build();
    }
    return chain.proceed(request);
  }

  public ApiSpec spec() {
    return spec;
  }

  public HttpSettings settings() {
    return settings;
  }

  /** The URL of a path below the API root, each segment encoded ({@link PathSegments}), params in order. */
  public HttpUrl url(String path, Map<String, String> params) {
    HttpUrl.Builder b = root.newBuilder();
    for (String segment : path.substring(1).split("/", -1)) {
      b.addEncodedPathSegment(PathSegments.encode(segment));
    }
    params.forEach(b::addQueryParameter);
    return b.build();
  }

  /**
   * GETs an endpoint (retrying as the settings allow) and parses its JSON body; a 404 answer is
   * returned as null when allowed.
   */
  public @Nullable JsonNode getJson(String path, Map<String, String> params, boolean notFoundIsNull,
      Cancellation cancellation) {
    return getJson(path, params, notFoundIsNull, cancellation, body -> false);
  }

  /**
   * {@link #getJson(String, Map, boolean, Cancellation)} for an answer that may be settled: when the
   * cache is on and {@code settled} says so of the parsed answer (say, a finished session's details),
   * the answer is kept for the cache's longer lifetime. Without a cache the same as the other.
   */
  public @Nullable JsonNode getJson(String path, Map<String, String> params, boolean notFoundIsNull,
      Cancellation cancellation, Predicate<JsonNode> settled) {
    cancellation.check();
    return Futures.await(getJsonAsync(path, params, notFoundIsNull, cancellation, settled), cancellation);
  }

  /** A GET's answer as it came and its parsed body (null for an allowed 404). */
  record Fetched(Answer answer, @Nullable JsonNode body) {}

  /**
   * Sends a GET without the cache, reporting it to the settings' observer when it is over; the
   * future's value is the answer with its parsed body. Cancelling the future cancels the call.
   */
  CompletableFuture<Fetched> fetch(HttpUrl url, String path, Map<String, String> params,
      boolean notFoundIsNull) {
    RequestTrace trace = new RequestTrace(spec.name(), "GET", path, params);
    CompletableFuture<Fetched> out = Futures.map(
        send(new Request.Builder().url(url).get().build(), true, "GET", path, trace), answer -> {
          JsonNode body = json("GET", path, answer, notFoundIsNull);
          trace.items(body);
          return new Fetched(answer, body);
        });
    out.whenComplete((v, e) -> trace.report(settings.observer(), this::redact));
    return out;
  }

  /**
   * Tells {@code cancellation} when the request has its answer (any status: an HTTP error is one),
   * not when it is cancelled or fails without one, before the returned future completes with the
   * same outcome; cancelling that future cancels the request.
   */
  static CompletableFuture<Fetched> tellAnswered(CompletableFuture<Fetched> fetched, Cancellation cancellation) {
    // told before anything that reads the answer, so an error raised on reading it counts it answered
    CompletableFuture<Fetched> out = new CompletableFuture<>();
    fetched.whenComplete((v, e) -> {
      Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
          ? e.getCause() : e;
      if (v != null || cause instanceof ApiException a && a.status() > 0) {
        cancellation.answered();
      }
      if (e != null) {
        out.completeExceptionally(cause);
      } else {
        out.complete(v);
      }
    });
    out.whenComplete((v, e) -> {
      if (out.isCancelled()) {
        fetched.cancel(true);
      }
    });
    return out;
  }

  /** Parses an answer as {@link #getJson} does. */
  @Nullable JsonNode parse(String method, String path, Answer answer, boolean notFoundIsNull) {
    return json(method, path, answer, notFoundIsNull);
  }

  /** Tells the observer of an answer served from the cache. */
  void reportCacheHit(String path, Map<String, String> params, Answer hit, @Nullable JsonNode body) {
    RequestTrace trace = new RequestTrace(spec.name(), "GET", path, params);
    trace.status(hit.status());
    trace.items(body);
    trace.cacheHit();
    trace.report(settings.observer(), this::redact);
  }

  /**
   * Keeps GET answers in a response cache shared with the other clients of this API, root and key in
   * the JVM ({@link ResponseCaches}), taken at the first request ({@link CacheClaim}); off when the
   * settings say so. Call before the first request.
   */
  public void useCache(CacheSettings settings) {
    cache.use(settings);
  }

  /** Uses a cache of the caller's own (tests give one with a fake clock); it is not released. */
  void useCache(@Nullable ResponseCache own) {
    cache.useOwn(own);
  }

  /** The response cache (taken now if not yet), or null when answers are not cached. */
  public @Nullable ResponseCache cache() {
    return cache.get();
  }

  /** Whether the client has taken its shared response cache yet, for tests. */
  boolean cacheTaken() {
    return cache.taken();
  }

  /** Who is told of each answer served from the cache (replacing the previous one); null for none. */
  public void setCacheHitListener(@Nullable CacheHitListener listener) {
    this.cacheHits = listener;
  }

  @Nullable CacheHitListener cacheHitListener() {
    return cacheHits;
  }

  /**
   * GETs an endpoint like {@link #getJson} without waiting: the parsed answer (null for an allowed
   * 404) or the same {@link ApiException} completes the future, on OkHttp's thread. Cancelling the
   * future cancels the call in flight. The caller checks its statement's cancellation before calling
   * and while waiting ({@link Futures#await}).
   */
  public CompletableFuture<@Nullable JsonNode> getJsonAsync(String path, Map<String, String> params,
      boolean notFoundIsNull) {
    return getJsonAsync(path, params, notFoundIsNull, Cancellation.NONE, body -> false);
  }

  /**
   * {@link #getJsonAsync(String, Map, boolean)} through the response cache when it is on: a cached
   * answer completes the future at once; {@code cancellation} may ask to bypass the cache
   * ({@link CacheControl}); {@code settled} says which answers keep the cache's longer lifetime.
   */
  public CompletableFuture<@Nullable JsonNode> getJsonAsync(String path, Map<String, String> params,
      boolean notFoundIsNull, Cancellation cancellation, Predicate<JsonNode> settled) {
    HttpUrl url = url(path, params);
    ResponseCache c = cache.get();
    if (c == null) {
      try {
        cancellation.beforeSend(spec.name(), "GET", path);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e); // a read-ahead never read costs nothing
      }
      return Futures.map(tellAnswered(fetch(url, path, params, notFoundIsNull), cancellation), Fetched::body);
    }
    return CachedGet.run(this, c, path, params, url, notFoundIsNull, cancellation, settled);
  }

  /** The success status of a write's answer and its parsed body (an empty object when blank). */
  public record Written(int status, JsonNode body) {}

  /**
   * Sends a request without body that must go out at most once (a DELETE: no retry, since a
   * repetition could change the outcome); its status and JSON answer, an empty body an empty object,
   * for an API whose body may report a failure.
   */
  public @Nullable Written sendOnce(String method, String path, Map<String, String> params,
      boolean notFoundIsNull, Cancellation cancellation) {
    cancellation.beforeSend(spec.name(), method, path);
    Request request = new Request.Builder().url(url(path, params)).method(method, null).build();
    RequestTrace trace = new RequestTrace(spec.name(), method, path, params);
    try {
      Answer answer = execute(request, false, method, path, cancellation, trace);
      cancellation.answered();
      JsonNode json = json(method, path, answer, notFoundIsNull);
      trace.items(json);
      return json == null ? null : new Written(answer.status(), json);
    } finally {
      trace.report(settings.observer(), this::redact);
      ResponseCache c = cache.get();
      if (c != null) {
        c.invalidateAll(); // a write (even one whose outcome is unknown) may change any answer
      }
    }
  }

  /** Downloads bytes from any URL (following redirects; the key goes only to the API's own host). */
  public byte[] download(HttpUrl url, String pathForMessages, Cancellation cancellation) {
    cancellation.beforeSend(spec.name(), "GET", pathForMessages);
    Request request = new Request.Builder().url(url).get().build();
    Map<String, String> params = new LinkedHashMap<>();
    url.queryParameterNames().forEach(n -> params.put(n, url.queryParameter(n)));
    RequestTrace trace = new RequestTrace(spec.name(), "GET", pathForMessages, params);
    try {
      Answer answer = execute(request, true, "GET", pathForMessages, cancellation, trace);
      cancellation.answered();
      if (!answer.successful()) {
        throw ApiErrors.httpError(spec, "GET", pathForMessages, answer, redact(answer.text()), 1);
      }
      return answer.body();
    } finally {
      trace.report(settings.observer(), this::redact);
    }
  }

  private @Nullable JsonNode json(String method, String path, Answer answer, boolean notFoundIsNull) {
    return JsonAnswers.parse(spec, method, path, answer, notFoundIsNull, this::redact);
  }

  /**
   * Runs a request through the policies, waiting for the answer on the caller's thread while asking
   * {@code cancellation} every few milliseconds; on cancellation the call in flight is cancelled.
   */
  private Answer execute(Request request, boolean idempotent, String method, String path,
      Cancellation cancellation, RequestTrace trace) {
    cancellation.check();
    return Futures.await(send(request, idempotent, method, path, trace), cancellation);
  }

  /**
   * Sends a request through the policies. The future holds the answer, or fails with the
   * {@link ApiException} naming the endpoint (also for a "try again" status the retries could not get
   * past); cancelling it cancels the call in flight.
   */
  private CompletableFuture<Answer> send(Request request, boolean idempotent, String method,
      String path, RequestTrace trace) {
    AtomicReference<Call> inFlight = new AtomicReference<>();
    CompletableFuture<Answer> future = start(request, idempotent, inFlight, trace);
    CompletableFuture<Answer> out = future.handle((answer, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        throw ApiErrors.failure(spec, method, path, cause, tries(trace), this::redact);
      }
      trace.status(answer.status());
      return exhausted(answer, method, path, trace);
    });
    out.whenComplete((v, e) -> {
      if (out.isCancelled()) {
        future.cancel(true);
        Call call = inFlight.get();
        if (call != null) {
          call.cancel();
        }
      }
    });
    return out;
  }

  /**
   * Starts a request through the policies, its first attempt on this thread; each attempt's call is
   * put in {@code inFlight}.
   */
  private CompletableFuture<Answer> start(Request request, boolean idempotent,
      AtomicReference<Call> inFlight, RequestTrace trace) {
    Transport t = transport();
    FailsafeExecutor<Answer> policies = idempotent ? t.retrying : t.single;
    Supplier<Call> resend = () -> {
      Call call = t.http.newCall(request);
      inFlight.set(call);
      return call;
    };
    return StartNowScheduler.start(() -> policies.getAsyncExecution(exec -> {
      StartNowScheduler.attemptBegins();
      trace.attempts.incrementAndGet();
      resend.get().enqueue(new AnswerReader(exec, resend, trace::outcome));
    }));
  }

  private static String tries(RequestTrace trace) {
    return ApiErrors.tries(trace.attempts.get(), trace.outcomes());
  }

  /** The answer, unless it is a "try again" status that the retries could not get past. */
  private Answer exhausted(Answer answer, String method, String path, RequestTrace trace) {
    if (trace.attempts.get() > 1 && RequestPolicies.RETRYABLE_STATUSES.contains(answer.status())) {
      throw ApiErrors.httpError(spec, method, path, answer, redact(answer.text()), tries(trace));
    }
    return answer;
  }

  /** Requests running or queued in this client, for tests that check nothing is left in flight. */
  int callsInFlight() {
    Transport t = transport;
    return t == null ? 0 : t.callsInFlight();
  }

  /** Removes the key from any text that may have echoed it. */
  public String redact(@Nullable String text) {
    if (text == null) {
      return "";
    }
    return key == null || key.isEmpty() ? text : text.replace(key, "****");
  }

  /** Stops the client's threads and closes its pooled connections; calls in flight are cancelled. */
  @Override
  public void close() {
    cache.close();
    Transport t;
    synchronized (this) {
      closed = true;
      t = transport;
    }
    if (t != null) {
      t.close();
    }
  }

  /**
   * Starts, in the background, the one part of a client that all share (the JDK's trusted
   * certificates and the TLS socket factory), so that the first client is quicker; for a driver's
   * class initialization.
   */
  public static void prepareInBackground() {
    OkHttpClients.prepareTls();
  }

  /** Reads a small JSON page as answers are read, so that a first answer finds the reader loaded. */
  public static void warmUpJson() {
    JsonAnswers.warmUp();
  }

  /** Parses a user-supplied root URL, failing with the property name when it is not an http(s) URL. */
  public static HttpUrl parseRoot(String url, String property) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(property + " is not an http(s) URL: " + url);
    }
    return parsed;
  }
}
