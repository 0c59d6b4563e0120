package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing a JDBC connection closes its HTTP client: its kept-alive sockets go, other connections stay. */
class ConnectionCloseTest {
  private CountingRelay relay;

  @BeforeEach
  void startRelay() throws IOException {
    relay = new CountingRelay(SANDBOX.port());
  }

  @AfterEach
  void stopRelay() throws IOException {
    relay.close();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:convosql:pathsim.url=http://127.0.0.1:" + relay.port()
        + "/pathsim/v1;pathsim.apiKey=" + Sandbox.PATHSIM_KEY);
  }

  /** Waits up to five seconds for the count of open sockets to satisfy the condition; returns it. */
  private int awaitOpen(IntPredicate condition) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.test(relay.openConnections()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return relay.openConnections();
  }

  @Test
  void closingTheConnectionClosesItsSockets() throws Exception {
    Connection c = connect();
    assertThat(rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).hasSize(1);
    Thread.sleep(300);
    assertThat(relay.openConnections()).as("kept alive while the JDBC connection is open").isEqualTo(1);
    c.close();
    assertThat(awaitOpen(n -> n == 0)).isZero();
  }

  @Test
  void closingOneConnectionLeavesTheOthersWorking() throws Exception {
    try (Connection kept = connect()) {
      Connection closed = connect();
      rows(kept, "SELECT id FROM pathsim.workspaces");
      rows(closed, "SELECT id FROM pathsim.workspaces");
      assertThat(awaitOpen(n -> n == 2)).isEqualTo(2);
      closed.close();
      assertThat(awaitOpen(n -> n == 1)).isEqualTo(1);
      Thread.sleep(200);
      assertThat(relay.openConnections()).isEqualTo(1);
      assertThat(rows(kept, "SELECT COUNT(*) FROM pathsim.workspaces"))
          .containsExactly(Integer.toString(DriverFixture.data().workspaces().size()));
    }
    assertThat(awaitOpen(n -> n == 0)).isZero();
  }
}
