package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Details requested concurrently are all cancelled when the statement is cancelled or the result
 * set closed mid-hydration: the calls end while the sandbox still holds their answers, no further
 * request is sent, and the connection answers its next query.
 */
class ConcurrentCancelTest {
  private static final String DETAILS = "SELECT id, summary FROM pathsim.sessions";

  private static Sandbox sandbox;
  private static Connection connection;
  private CountDownLatch release;
  private final AtomicInteger held = new AtomicInteger();
  /** How many detail requests are answered at once before the rest are held. */
  private volatile int answeredFirst;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(200, 20);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "maxConcurrentRequests=4");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  /** Detail requests are held by the sandbox until the test releases them. */
  @BeforeEach
  void holdDetails() {
    release = new CountDownLatch(1);
    sandbox.requests().clear();
    sandbox.onRequest(r -> {
      if (r.path().startsWith("/sessions/") && held.incrementAndGet() > answeredFirst) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
  }

  @AfterEach
  void noHook() {
    release.countDown();
    sandbox.onRequest(null);
  }

  private static boolean callInFlight() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("OkHttp http"));
  }

  private void awaitHeld(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (held.get() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(held.get()).as("detail requests in flight at once").isGreaterThanOrEqualTo(count);
  }

  /** The calls end while the sandbox still holds the answers: they were cancelled, not finished. */
  private static void awaitNoCallInFlight() throws InterruptedException {
    for (int i = 0; i < 250 && callInFlight(); i++) {
      Thread.sleep(20);
    }
    assertThat(callInFlight()).as("an HTTP call still in flight").isFalse();
  }

  private long detailRequests() {
    return sandbox.requests().of("pathsim").stream().filter(r -> r.path().startsWith("/sessions/"))
        .count();
  }

  @Test
  void cancellingMidHydrationCancelsEveryDetailInFlight() throws Exception {
    try (Statement s = connection.createStatement()) {
      CompletableFuture<Outcome> running = CompletableFuture.supplyAsync(() -> OwnSandbox.run(s, DETAILS));
      awaitHeld(4); // maxConcurrentRequests
      Thread.sleep(100); // time to send a fifth if the bound did not hold
      s.cancel();
      Outcome o = running.get(10, TimeUnit.SECONDS);
      assertThat((Throwable) o.failure()).isNotNull().hasMessageContaining("cancelled");
      assertThat(o.failure().getSQLState()).isEqualTo("HY008");
      awaitNoCallInFlight();
      release.countDown();
      assertThat(held.get()).isEqualTo(4);
      assertThat(detailRequests()).isEqualTo(4);
    }
    sandbox.onRequest(null);
    assertThat(OwnSandbox.run(connection, "SELECT COUNT(*) FROM pathsim.sessions").rows())
        .containsExactly("200");
  }

  @Test
  void closingTheResultSetMidHydrationCancelsEveryDetailInFlight() throws Exception {
    answeredFirst = 4;
    try (Statement s = connection.createStatement()) {
      ResultSet rs = s.executeQuery(DETAILS);
      assertThat(rs.next()).isTrue(); // the first four details answer; more are requested
      awaitHeld(5);
      assertThat(callInFlight()).isTrue();
      rs.close();
      awaitNoCallInFlight();
      long sent = detailRequests();
      Thread.sleep(200);
      assertThat(detailRequests()).as("nothing sent after close").isEqualTo(sent);
    }
  }
}
