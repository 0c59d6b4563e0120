package io.convosql.core.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Builds the OkHttp client of one {@link ApiClient}: a pool and dispatcher of its own over the TLS
 * setup the JVM shares, and the interceptors every request goes through, in order.
 */
final class OkHttpClients {
  /**
   * How long an idle pooled connection is kept: shorter than the idle timeouts of common servers and
   * load balancers (30 s and more), so most are dropped by us before the server drops them; those
   * the server drops sooner are found by {@link StaleConnections}.
   */
  static final Duration POOL_IDLE = Duration.ofSeconds(20);

  private OkHttpClients() {}

  /**
   * A client built once per JVM only for what every client may share: the TLS socket factory and
   * trust manager. OkHttp builds those for each new client, reading the JDK's trusted certificates
   * again; a connection has two clients and an application opens many connections.
   */
  private static final class TlsBase {
    static final OkHttpClient CLIENT = new OkHttpClient();
  }

  /**
   * Builds the shared TLS setup on a daemon thread (about a third of a first getConnection's time in
   * profiles), so a connection opened later finds it ready; one opened sooner waits for the same
   * class initialization rather than repeating it.
   */
  static void prepareTls() {
    Thread t = new Thread(() -> TlsBase.CLIENT.hashCode(), "TLS setup for convosql");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The client for one API root and key: the JVM-wide adaptive limit first, then stale-connection
   * checks, no silent re-sends, the key ({@code authenticate}) and the optional log, whose text
   * {@code redact} cleans of the key.
   */
  static OkHttpClient build(ApiSpec spec, HttpUrl root, @Nullable String key, HttpSettings settings,
      Interceptor authenticate, UnaryOperator<String> redact) {
    ConnectionPool pool = new ConnectionPool(settings.maxConcurrent(), POOL_IDLE.toMillis(),
        TimeUnit.MILLISECONDS);
    StaleConnections stale = new StaleConnections(pool);
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(settings.maxConcurrent());
    dispatcher.setMaxRequestsPerHost(settings.maxConcurrent());
    OkHttpClient.Builder b = TlsBase.CLIENT.newBuilder()
        .dispatcher(dispatcher)
        .addInterceptor(SharedConcurrency.of(spec, root, key)::intercept)
        .connectionPool(pool)
        .eventListener(stale)
        .addNetworkInterceptor(stale::intercept)
        .addNetworkInterceptor(NoSilentRetry::intercept)
        .addNetworkInterceptor(authenticate)
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .callTimeout(settings.callTimeout())
        .retryOnConnectionFailure(false) // retries are Failsafe's, counted and bounded
        .followRedirects(true);
    if (settings.log() != HttpLog.NONE) {
      b.addNetworkInterceptor(HttpLogging.interceptor(spec, settings.log(), redact));
    }
    return b.build();
  }
}
