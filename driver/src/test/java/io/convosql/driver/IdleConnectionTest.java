package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.TestType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pooled connections the server closes while they sit idle never fail a query: the next query finds
 * them closed before sending on them and sends its requests on fresh connections, so the server sees
 * exactly the requests of a query on a new connection, and a DELETE goes out once.
 */
class IdleConnectionTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().seed(11).pathSimSessions(450).insightsSessions(60)
        .now(OwnSandbox.NOW).latency(Duration.ofMillis(30))
        .keepAliveTimeout(Duration.ofMillis(300)).start();
  }

  @AfterEach
  void noHook() {
    sandbox.onRequest(null);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private long openedBefore;
  private long closedBefore;

  @BeforeEach
  void clear() {
    sandbox.requests().clear();
    openedBefore = sandbox.connectionsOpened();
    closedBefore = sandbox.idleConnectionsClosed();
  }

  /**
   * Waits, polling, until the sandbox has closed every connection clients opened, each for being
   * idle: none was closed by the client, which still pools them.
   */
  private long awaitAllClosedAsIdle() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sandbox.idleConnectionsClosed() - closedBefore < sandbox.connectionsOpened() - openedBefore
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long opened = sandbox.connectionsOpened() - openedBefore;
    assertThat(sandbox.idleConnectionsClosed() - closedBefore).isEqualTo(opened);
    return opened;
  }

  @Test
  void eightPooledConnectionsClosedWhileIdleFailNothing() throws Exception {
    String workspace = OwnSandbox.busiestWorkspace(sandbox);
    List<String> ids = OwnSandbox.latestIds(sandbox, workspace, TestType.VOICE, 24);
    assertThat(ids).hasSize(24);
    String sql = "SELECT id, duration_seconds FROM pathsim.sessions WHERE id IN "
        + OwnSandbox.inList(ids) + " ORDER BY id";
    CountDownLatch eightAtOnce = new CountDownLatch(8);
    sandbox.onRequest(r -> { // the first eight answers wait for each other: eight connections
      eightAtOnce.countDown();
      try {
        eightAtOnce.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try (Connection c = OwnSandbox.connect(sandbox, "maxConcurrentRequests=8")) {
      Outcome first = OwnSandbox.run(c, sql);
      sandbox.onRequest(null);
      assertThat((Object) first.failure()).isNull();
      assertThat(first.rows()).hasSize(24);
      List<String> sent = sandbox.requests().lines("pathsim");
      assertThat(sent).hasSize(24).allMatch(l -> l.startsWith("GET /sessions/"));
      long opened = awaitAllClosedAsIdle(); // silently, while the pool still holds them
      assertThat(opened).as("eight connections for eight requests at once").isEqualTo(8);
      sandbox.requests().clear();

      Outcome again = OwnSandbox.run(c, sql);

      assertThat((Object) again.failure()).isNull();
      assertThat(again.rows()).containsExactlyElementsOf(first.rows());
      // no request was lost on a closed connection and none reached the server twice
      assertThat(sandbox.requests().lines("pathsim")).containsExactlyInAnyOrderElementsOf(sent);
      assertThat(sandbox.connectionsOpened() - openedBefore).as("fresh connections")
          .isGreaterThan(opened);
    }
  }

  @Test
  void aDeleteAfterTheIdleTimeoutGoesOutOnceOnAFreshConnection() throws Exception {
    String id = OwnSandbox.insightsIds(sandbox, 5, 1).get(0);
    try (Connection c = OwnSandbox.connect(sandbox, "insights.allowDelete=true")) {
      Outcome found = OwnSandbox.run(c, "SELECT id FROM insights.sessions WHERE id = '" + id
          + "' AND " + OwnSandbox.INSIGHTS_RANGE);
      assertThat(found.rows()).containsExactly(id);
      awaitAllClosedAsIdle();
      sandbox.requests().clear();
      try (Statement s = c.createStatement()) {
        assertThat(s.executeUpdate("DELETE FROM insights.sessions WHERE id = '" + id + "'"))
            .isEqualTo(1);
      }
      List<String> sent = sandbox.requests().lines("insights");
      assertThat(sent).hasSize(2);
      assertThat(sent.get(0)).isEqualTo("GET /insights/sessions/search/" + id);
      assertThat(sent.get(1)).startsWith("DELETE /insights/sessions/" + id + "?");
    }
  }

  @Test
  void anHttp10ServerThatClosesAfterEachAnswerFailsNothing() throws SQLException {
    sandbox.setCloseAfterEachAnswer(true);
    try (Connection c = OwnSandbox.connect(sandbox)) {
      Outcome workspaces = OwnSandbox.run(c, "SELECT name FROM pathsim.workspaces ORDER BY name");
      Outcome again = OwnSandbox.run(c, "SELECT name FROM pathsim.workspaces ORDER BY name");
      assertThat((Object) again.failure()).isNull();
      assertThat(again.rows()).isNotEmpty().containsExactlyElementsOf(workspaces.rows());
      assertThat(sandbox.requests().lines("pathsim"))
          .containsExactly("GET /workspaces", "GET /workspaces");
    } finally {
      sandbox.setCloseAfterEachAnswer(false);
    }
  }
}
