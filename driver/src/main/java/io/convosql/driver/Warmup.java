package io.convosql.driver;

import io.convosql.core.http.ApiClient;
import io.convosql.core.plan.Matches;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Prepares, on one daemon thread per JVM, representative queries on a private connection whose API
 * URLs no request ever reaches (preparing sends none), so that the classes and generated code a
 * user's first query needs (Calcite's parser, validator, rules and metadata handlers, Janino, the
 * scans, Jackson) are ready before it; once a user's statement is being prepared it gives up the
 * query it is preparing and stops, and {@code -Dconvosql.warmup=false} switches it off.
 */
final class Warmup {
  /** The system property that switches the warm-up off ({@code false}). */
  static final String SWITCH = "convosql.warmup";

  /**
   * What is prepared: a PathSim listing with the pushed filter, sort and limit, an Insights
   * aggregate over a window, and a join of the two (the joins' rules and metadata). None is a query
   * of the benchmark, so a measured query compiles its own code.
   */
  static final List<String> QUERIES = List.of(
      "SELECT id, started_at, test_type FROM pathsim.sessions WHERE test_type = 'Voice'"
          + " AND started_at >= TIMESTAMP '2025-01-01 00:00:00' ORDER BY started_at DESC LIMIT 10",
      "SELECT agent_name, COUNT(*) AS n FROM insights.sessions"
          + " WHERE session_start_time >= TIMESTAMP '2025-01-01 00:00:00' GROUP BY agent_name",
      "SELECT p.id, i.id FROM pathsim.sessions p JOIN insights.sessions i ON i.destination = p.target"
          + " WHERE p.started_at >= TIMESTAMP '2025-01-01 00:00:00'"
          + " AND i.session_start_time >= TIMESTAMP '2025-01-01 00:00:00'");

  private static final AtomicReference<Thread> THREAD = new AtomicReference<>();
  private static volatile boolean prepared;
  /** Set once a user's statement is being prepared; the warm-up's own preparations are then cancelled. */
  private static final AtomicBoolean USER_PREPARING = new AtomicBoolean();
  /** On the thread running {@link #run}, the flag that cancels its preparation under way. */
  private static final ThreadLocal<AtomicBoolean> CANCEL = new ThreadLocal<>();
  private static volatile boolean deferred;

  private Warmup() {}

  /**
   * Starts the warm-up once per JVM, unless switched off or {@linkplain #defer deferred}; returns at
   * once. Called by the driver's class initialization.
   */
  static void startInBackground() {
    if (!deferred) {
      start();
    }
  }

  /**
   * Keeps the driver's class initialization from starting the warm-up, for a program that has work
   * of its own to finish first ({@code serve}: its start-up); it then calls {@link #start}.
   */
  static void defer() {
    deferred = true;
  }

  /** Starts the warm-up once per JVM unless switched off, deferred or not; returns at once. */
  static void start() {
    if (!enabled(System.getProperty(SWITCH))) {
      return;
    }
    Thread t = new Thread(() -> prepared = run(privateConnection(), USER_PREPARING::get, USER_PREPARING),
        "convosql-warmup");
    t.setDaemon(true); // never keeps a JVM alive
    t.setPriority(Thread.MIN_PRIORITY);
    if (THREAD.compareAndSet(null, t)) {
      t.start();
    }
  }

  /**
   * For {@code serve --demo}, once it listens: generates the demo sandbox's PathSim data on a daemon
   * thread, which its first request would otherwise wait for (Insights' data, generated after
   * PathSim's, is left to its first request). Any request that waits for it meanwhile would have
   * generated it itself.
   */
  static void demoDataInBackground() {
    if (!enabled(System.getProperty(SWITCH))) {
      return;
    }
    Thread t = new Thread(() -> DemoSandbox.get().pathSim(), "convosql-warmup-demo");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Whether the system property's value leaves the warm-up on (anything but {@code false}). */
  static boolean enabled(String value) {
    return value == null || !value.trim().equalsIgnoreCase("false");
  }

  /** The warm-up thread of this JVM, or null when it was not started (switched off). */
  static Thread thread() {
    return THREAD.get();
  }

  /** Whether this JVM's warm-up prepared all its queries (false while it runs, or once it stopped). */
  static boolean prepared() {
    return prepared;
  }

  /**
   * Notes that a user's statement is being prepared (called by every preparation; the warm-up's own
   * do not count): the warm-up then gives up the query it is preparing and prepares no more, since
   * from now on it would only take CPU from the user's thread.
   */
  static void userPreparing() {
    if (!USER_PREPARING.get() && Thread.currentThread() != THREAD.get() && CANCEL.get() == null) {
      USER_PREPARING.set(true);
    }
  }

  /**
   * The flag that cancels the preparation under way when set, on a thread running the warm-up (its
   * planner and its code generation check it: {@link PlanCachingPrepare}); null on any other thread.
   */
  static @Nullable AtomicBoolean cancelFlag() {
    return CANCEL.get();
  }

  /**
   * Opens a connection with these properties, builds Calcite's code generator, prepares
   * {@link #QUERIES} and closes the connection, stopping before the next query once {@code stop} says
   * so; returns whether all were prepared. Never prints and never throws: a failed warm-up costs only time.
   */
  static boolean run(Properties connection, BooleanSupplier stop) {
    return run(connection, stop, new AtomicBoolean());
  }

  /**
   * The same; besides, a query being prepared when {@code cancel} is set is given up at the planner's
   * next step or before its code is compiled, so that a user's first statement, which needs the same
   * classes and none of the warm-up's own plans, has the CPU to itself.
   */
  static boolean run(Properties connection, BooleanSupplier stop, AtomicBoolean cancel) {
    CANCEL.set(cancel);
    try (Connection c = new ConvoSqlDriver().connect(ConvoSqlDriver.PREFIX, connection)) {
      // Calcite's code generator (RexImpTable, some 600 classes), which getConnection used to build
      // (matches was a ScalarFunctionImpl) and a first query's code needs: built right after
      // connecting, so that a query sent at once finds it ready by the time its plan is compiled
      // (and a getConnection at the same time shares this thread's connection work, as before)
      Matches.function().getImplementor();
      for (String sql : QUERIES) {
        if (stop.getAsBoolean()) {
          return false;
        }
        try (PreparedStatement ignored = c.prepareStatement(sql)) {
          // prepared, never executed: no request is sent
        }
        if (sql.equals(QUERIES.get(0))) { // then the JSON parser every answer goes through
          ApiClient.warmUpJson();
        }
      }
      return true;
    } catch (Exception | LinkageError e) {
      return false;
    } finally {
      CANCEL.remove();
    }
  }

  /**
   * A connection that cannot reach any API: both URLs are the loopback discard port, the keys
   * placeholders, so a request sent by mistake would fail at once and carry no secret.
   */
  static Properties privateConnection() {
    Properties p = new Properties();
    p.setProperty(ConvoSqlProperty.PATHSIM_URL.propertyName(), "http://127.0.0.1:9/pathsim/v1");
    p.setProperty(ConvoSqlProperty.PATHSIM_API_KEY.propertyName(), "warmup");
    p.setProperty(ConvoSqlProperty.INSIGHTS_URL.propertyName(), "http://127.0.0.1:9/insights");
    p.setProperty(ConvoSqlProperty.INSIGHTS_API_KEY.propertyName(), "warmup");
    p.setProperty(ConvoSqlProperty.PLAN_CACHE_SIZE.propertyName(), "0");
    return p;
  }
}
