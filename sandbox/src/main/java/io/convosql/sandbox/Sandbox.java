package io.convosql.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.convosql.sandbox.insights.InsightsData;
import io.convosql.sandbox.insights.InsightsEmulator;
import io.convosql.sandbox.pathsim.PathSimData;
import io.convosql.sandbox.pathsim.PathSimEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Both emulated APIs on one loopback HTTP server: PathSim under {@code /pathsim/v1} and Insights
 * under {@code /vonage} (so its endpoints are {@code /vonage/insights/sessions...}). Data is
 * generated from a seed and a fixed "now", so the same builder always serves the same answers. For
 * tests of clients, it can inject transient faults ({@link #setFaults}) and call a hook between
 * requests ({@link #onRequest}).
 */
public final class Sandbox implements AutoCloseable {
  /** The API key the emulated PathSim API accepts. */
  public static final String PATHSIM_KEY = "sandbox-pathsim-key";
  /** The API key the emulated Insights API accepts. */
  public static final String INSIGHTS_KEY = "sandbox-insights-key";

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits for
    // the client's delayed ACK (about 40 ms). The server reads this once, when its classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final String PATHSIM_ROOT = "/pathsim/v1";
  private static final String INSIGHTS_ROOT = "/vonage";
  private static final String STORAGE_ROOT = "/storage";

  private final HttpServer server;
  private final ExecutorService executor;
  private final RequestLog log = new RequestLog();
  private final RequestServer requests;
  private final Builder options;
  private final KeepAliveFront front;
  private PathSimEmulator pathSim;
  /** PathSim's voice calls as generated, before any session a test adds; Insights links to these. */
  private List<LinkedCall> linkedCalls;
  private InsightsEmulator insights;

  private Sandbox(Builder b) throws IOException {
    this.requests = new RequestServer(log, b.latency, b.faults);
    this.options = b.copy();
    requests.setCloseAfterEachAnswer(b.closeAfterEachAnswer);
    requests.setRateLimit(b.rateLimit);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 0);
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "convosql-sandbox");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext(PATHSIM_ROOT, ex -> requests.serve(pathSim(), PATHSIM_ROOT, ex));
    server.createContext(INSIGHTS_ROOT, ex -> requests.serve(insights(), INSIGHTS_ROOT, ex));
    server.createContext(STORAGE_ROOT, ex -> requests.serve(pathSim().storage(), STORAGE_ROOT, ex));
    startAsDaemon(server);
    this.front = b.keepAliveTimeout == null ? null
        : new KeepAliveFront(server.getAddress().getPort(), b.keepAliveTimeout);
    if (!b.lazy) {
      insights(); // generates both APIs' data, PathSim's first
    }
  }

  /**
   * Starts the server from a daemon thread: its dispatcher thread inherits that, so a program using
   * the sandbox (say, {@code demo=true}) can still end when its own work is done.
   */
  private static void startAsDaemon(HttpServer server) {
    Thread starter = new Thread(server::start, "convosql-sandbox-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the sandbox", e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The PathSim base URL, e.g. {@code http://127.0.0.1:41234/pathsim/v1}. */
  public String pathSimUrl() {
    return "http://127.0.0.1:" + port() + PATHSIM_ROOT;
  }

  /** The Insights host root, e.g. {@code http://127.0.0.1:41234/vonage}. */
  public String insightsUrl() {
    return "http://127.0.0.1:" + port() + INSIGHTS_ROOT;
  }

  /**
   * Where recording downloads are redirected: the same server under another host name
   * ({@code localhost} instead of {@code 127.0.0.1}), so clients treat it as a different host.
   */
  public String storageUrl() {
    return "http://localhost:" + port() + STORAGE_ROOT;
  }

  /** The port clients use: the keep-alive front's when there is one, else the server's. */
  public int port() {
    return front != null ? front.port() : server.getAddress().getPort();
  }

  /**
   * How many idle client connections the sandbox has closed, silently, for outliving the builder's
   * {@link Builder#keepAliveTimeout}; 0 without one.
   */
  public long idleConnectionsClosed() {
    return front == null ? 0 : front.idleClosed();
  }

  /**
   * Enforces a rate limit per API key from now on, as real APIs do: a key's requests beyond
   * {@code perSecond} a second (after a burst of one second's worth) are answered 429 with a
   * {@code Retry-After} in whole seconds; 0 turns it off.
   */
  public void setRateLimit(double perSecond) {
    requests.setRateLimit(perSecond);
  }

  /** How many requests the rate limit has answered 429. */
  public long rateLimited() {
    return requests.rateLimited();
  }

  /** How many connections clients have opened, when there is a {@link Builder#keepAliveTimeout}. */
  public long connectionsOpened() {
    return front == null ? 0 : front.opened();
  }

  /**
   * Whether each answer says {@code Connection: close}, as an HTTP/1.0 server's do, so a client
   * opens a connection for every request; off by default.
   */
  public void setCloseAfterEachAnswer(boolean close) {
    requests.setCloseAfterEachAnswer(close);
  }

  public RequestLog requests() {
    return log;
  }

  /**
   * The emulated PathSim API; a {@linkplain Builder#lazy lazy} sandbox generates its data on the first
   * call (the first request), with the same generator, so the data is the same either way.
   */
  public synchronized PathSimEmulator pathSim() {
    if (pathSim == null) {
      pathSim = new PathSimEmulator(
          PathSimData.generate(options.seed, options.pathSimSessions, options.now), PATHSIM_KEY);
      pathSim.setBaseUrl(pathSimUrl());
      pathSim.setStorageUrl(storageUrl());
      pathSim.setDayFirst(options.pathSimDayFirst);
      linkedCalls = options.linkCalls ? pathSim.data().linkedCalls() : List.of();
    }
    return pathSim;
  }

  /**
   * The emulated Insights API; its data is generated on the first call, after PathSim's (its linked
   * sessions come from PathSim's voice calls).
   */
  public synchronized InsightsEmulator insights() {
    if (insights == null) {
      pathSim();
      insights = new InsightsEmulator(
          InsightsData.generate(options.seed, options.insightsSessions, options.now, linkedCalls), INSIGHTS_KEY);
    }
    return insights;
  }

  /** Sets the delay added before every answer, to model a remote host. */
  public void setLatency(Duration latency) {
    requests.setLatency(latency);
  }

  /**
   * Injects faults from now on, in place of the settings before; the draws start again from the
   * settings' seed. {@link Faults#none()} stops injecting.
   */
  public void setFaults(Faults faults) {
    requests.setFaults(Objects.requireNonNull(faults, "faults"));
  }

  /** Stops injecting faults. */
  public void clearFaults() {
    setFaults(Faults.none());
  }

  /** The fault settings in force. */
  public Faults faults() {
    return requests.faults();
  }

  /** How many faults this sandbox has injected since it started. */
  public long faultsInjected() {
    return requests.injected();
  }

  /** How many faults of one kind this sandbox has injected since it started. */
  public long faultsInjected(FaultKind kind) {
    return requests.injected(kind);
  }

  /**
   * Calls {@code hook} with every request once it is logged and before its answer is sent, so the
   * client's next request sees what the hook did: a test can change the data between two requests,
   * say add sessions once the first page of a listing is served. Faulted requests are passed too.
   * Concurrent requests call it concurrently.
   * An exception it throws does not stop the answer; see {@link #hookFailure()}. Null removes it.
   */
  public void onRequest(Consumer<RecordedRequest> hook) {
    requests.onRequest(hook);
  }

  /** The first exception or assertion error the {@link #onRequest} hook threw, if any. */
  public Optional<Throwable> hookFailure() {
    return requests.hookFailure();
  }

  @Override
  public void close() {
    if (front != null) {
      front.close();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  /** Options for a sandbox; every one has a default fit for the demo. */
  public static final class Builder {
    private long seed = 42L;
    private int pathSimSessions = 3000;
    private int insightsSessions = 3000;
    private Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private int port;
    private Duration latency = Duration.ZERO;
    private Faults faults = Faults.none();
    private boolean linkCalls = true;
    private boolean lazy;
    private Duration keepAliveTimeout;
    private boolean closeAfterEachAnswer;
    private double rateLimit;
    private boolean pathSimDayFirst;

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many PathSim sessions to generate across all workspaces. */
    public Builder pathSimSessions(int count) {
      this.pathSimSessions = count;
      return this;
    }

    /** How many Insights sessions to generate besides those linked to PathSim voice calls. */
    public Builder insightsSessions(int count) {
      this.insightsSessions = count;
      return this;
    }

    /** The instant the generated history ends at; tests fix it so answers never change. */
    public Builder now(Instant now) {
      this.now = Objects.requireNonNull(now, "now");
      return this;
    }

    /** The loopback port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder latency(Duration latency) {
      this.latency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    /** The faults to inject from the start; the default is none. */
    public Builder faults(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * Whether every connected PathSim voice call also gets the Insights session it produced (the
     * default). Off, the Insights data holds only its own {@link #insightsSessions} sessions: for a
     * large PathSim-only sandbox, such as the benchmark's million sessions.
     */
    public Builder linkCalls(boolean link) {
      this.linkCalls = link;
      return this;
    }

    /**
     * Whether each API's data is generated on its first request instead of at start (the default is
     * at start): a demo that queries one API, or none, pays only for what it reads. The data is the
     * same either way.
     */
    public Builder lazy(boolean lazy) {
      this.lazy = lazy;
      return this;
    }

    /**
     * Whether PathSim writes the sessions' Time day first ({@code 13/08/2025 18:00}) rather than
     * month first ({@code 08/13/2025 18:00}, the default): the document's examples fit both
     * readings (see {@link PathSimEmulator#setDayFirst}). The data is the same either way.
     */
    public Builder pathSimDayFirst(boolean dayFirst) {
      this.pathSimDayFirst = dayFirst;
      return this;
    }

    private Builder copy() {
      Builder c = new Builder();
      c.seed = seed;
      c.pathSimSessions = pathSimSessions;
      c.insightsSessions = insightsSessions;
      c.now = now;
      c.linkCalls = linkCalls;
      c.lazy = lazy;
      c.pathSimDayFirst = pathSimDayFirst;
      return c;
    }

    /**
     * Closes a client's connection, silently, once it has been idle (no request under way) for this
     * long, as servers and load balancers do (often after 5 to 75 s); tests give a fraction of a
     * second. Null, the default, leaves it to the JDK's HTTP server (about 30 s).
     */
    public Builder keepAliveTimeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("keepAliveTimeout must be positive: " + timeout);
      }
      this.keepAliveTimeout = timeout;
      return this;
    }

    /** Answers with {@code Connection: close}, as an HTTP/1.0 server does; off by default. */
    public Builder closeAfterEachAnswer(boolean close) {
      this.closeAfterEachAnswer = close;
      return this;
    }

    /** A rate limit per API key (see {@link Sandbox#setRateLimit}); 0, the default, for none. */
    public Builder rateLimit(double perSecond) {
      this.rateLimit = perSecond;
      return this;
    }

    public Sandbox start() {
      try {
        return new Sandbox(this);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the sandbox on loopback: " + e.getMessage(), e);
      }
    }
  }
}
