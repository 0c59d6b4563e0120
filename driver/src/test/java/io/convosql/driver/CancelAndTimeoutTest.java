package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query timeout and {@code Statement.cancel()} stop a statement that is waiting for a slow API:
 * it fails with SQLState HY008 long before its requests could have been answered, the HTTP call in
 * flight is cancelled rather than left to finish, no further request is sent, and the connection
 * answers its next query.
 */
class CancelAndTimeoutTest {
  /** Six requests: the workspaces, then one page of sessions per workspace. */
  private static final String PATHSIM_COUNT =
      "SELECT COUNT(*), MAX(started_at) FROM pathsim.sessions";
  private static final String INSIGHTS_COUNT = "SELECT COUNT(*) FROM insights.transcript_lines"
      + " WHERE session_start_time >= TIMESTAMP '2025-03-01 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2025-09-02 00:00:00'";

  private static Sandbox sandbox;
  private static Connection connection;
  private static String pathSimCount;
  private static String insightsCount;
  /** The Insights count reads several time windows, each in one page. */
  private static int insightsWindows;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(200, 20);
    connection = OwnSandbox.connect(sandbox);
    pathSimCount = OwnSandbox.run(connection, PATHSIM_COUNT).rows().get(0);
    sandbox.requests().clear();
    insightsCount = OwnSandbox.run(connection, INSIGHTS_COUNT).rows().get(0);
    insightsWindows = sandbox.requests().of("insights").size();
    assertThat(pathSimCount).startsWith("200; ");
    assertThat(Long.parseLong(insightsCount)).isPositive();
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  @AfterEach
  void noLatency() {
    sandbox.setLatency(Duration.ZERO);
  }

  /** Whether an OkHttp dispatcher thread is running a call: it is named after the call's URL. */
  private static boolean callInFlight() {
    return callsInFlight() > 0;
  }

  private static long callsInFlight() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("OkHttp http")).count();
  }

  private static void awaitNoCallInFlight() throws InterruptedException {
    for (int i = 0; i < 100 && callInFlight(); i++) {
      Thread.sleep(20);
    }
    assertThat(callInFlight()).as("an HTTP call still in flight").isFalse();
  }

  /**
   * Once the sandbox has logged the requests it got (reading the log waits for those it is still
   * answering), nothing more arrives: the scan stopped paging.
   */
  private static void assertNoFurtherRequests(int expected) throws InterruptedException {
    assertThat(sandbox.requests().all()).hasSize(expected);
    Thread.sleep(200);
    assertThat(sandbox.requests().all()).hasSize(expected);
  }

  private static void assertAnswer(String what, Outcome o, String row) {
    assertThat((Object) o.failure()).as(what).isNull();
    assertThat(o.rows()).as(what).containsExactly(row);
  }

  @Test
  void aQueryTimeoutFailsTheQueryWithHy008() throws Exception {
    sandbox.setLatency(Duration.ofSeconds(2)); // six requests: 12 s without a timeout
    sandbox.requests().clear();
    try (PreparedStatement s = connection.prepareStatement(PATHSIM_COUNT)) {
      s.setQueryTimeout(1);
      long t0 = System.nanoTime();
      Outcome o = OwnSandbox.run(s);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("CancelAndTimeoutTest: query timeout of 1 s failed the query in %d ms%n",
          millis);
      assertThat((Throwable) o.failure()).isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("timeout");
      assertThat(o.failure().getSQLState()).isEqualTo("HY008");
      assertThat(millis).isBetween(900L, 4_000L);
      awaitNoCallInFlight();
      assertNoFurtherRequests(1);

      sandbox.setLatency(Duration.ZERO);
      assertAnswer("the same statement, within its timeout now", OwnSandbox.run(s), pathSimCount);
    }
    assertAnswer("another statement", OwnSandbox.run(connection, INSIGHTS_COUNT), insightsCount);
  }

  /**
   * Runs the query on another thread, cancels it once its first {@code calls} HTTP calls are in
   * flight (a scan that reads everything sends the first pages of its parts at once).
   */
  private static void cancelWhileWaiting(String sql, String api, int calls) throws Exception {
    sandbox.setLatency(Duration.ofSeconds(2));
    sandbox.requests().clear();
    try (Statement s = connection.createStatement()) {
      CompletableFuture<Outcome> running =
          CompletableFuture.supplyAsync(() -> OwnSandbox.run(s, sql));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (callsInFlight() < calls && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(callInFlight()).as("the query is waiting for an answer").isTrue();
      long t0 = System.nanoTime();
      s.cancel();
      Outcome o = running.get(10, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("CancelAndTimeoutTest: %s query failed %d ms after cancel()%n", api,
          millis);
      assertThat((Throwable) o.failure()).isNotNull().hasMessageContaining("cancelled");
      assertThat(o.failure().getSQLState()).isEqualTo("HY008");
      assertThat(o.rows()).isEmpty();
      assertThat(millis).as("well before the answer, 2 s after the request").isLessThan(1_500L);
      awaitNoCallInFlight();
      assertNoFurtherRequests(calls);
      assertThat(sandbox.requests().of(api)).hasSize(calls);

      sandbox.setLatency(Duration.ZERO);
      assertAnswer("the same statement again", OwnSandbox.run(s, PATHSIM_COUNT), pathSimCount);
    }
    assertAnswer("another statement", OwnSandbox.run(connection, INSIGHTS_COUNT), insightsCount);
  }

  @Test
  void cancelFromAnotherThreadStopsAPathSimQueryWaitingForAnAnswer() throws Exception {
    cancelWhileWaiting(PATHSIM_COUNT, "pathsim", 1);
  }

  @Test
  void cancelFromAnotherThreadStopsAnInsightsQueryWaitingForAnAnswer() throws Exception {
    assertThat(insightsWindows).isGreaterThan(1);
    cancelWhileWaiting(INSIGHTS_COUNT, "insights", insightsWindows);
  }
}
