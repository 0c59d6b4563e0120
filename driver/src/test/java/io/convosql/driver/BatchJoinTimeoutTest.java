package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A batched join opens its API scan once per batch of keys; the statement's query timeout covers
 * them all, rather than each batch starting a timeout of its own.
 */
class BatchJoinTimeoutTest {
  @Test
  void theBatchesOfAJoinShareTheStatementsTimeout() throws Exception {
    try (Sandbox sandbox = OwnSandbox.start(50, 0);
         Connection c = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "maxConcurrentRequests=8")) {
      // 240 keys: three batches of gets (100, 100, 40), each about 13 rounds of 8 gets
      String keys = IntStream.range(0, 240).mapToObj(i -> "(CAST('no-such-" + i + "' AS VARCHAR(32)))")
          .collect(Collectors.joining(", "));
      // a detail column: listing every session would then be a get per session, more than 240 keys
      // gets, so the keys are batched (with list columns only one listing is cheaper: a hash join)
      String sql = "SELECT v.k, s.summary FROM (VALUES " + keys + ") AS v(k)"
          + " JOIN pathsim.sessions s ON s.id = v.k";
      assertThat(String.join("\n", DriverFixture.rows(c, "EXPLAIN PLAN FOR " + sql)))
          .contains("EnumerableBatchNestedLoopJoin");
      // 60 ms a request: each batch takes under a second (13 rounds, about 0.8 s), all three about 2 s
      sandbox.setLatency(Duration.ofMillis(60));
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(1);
        Outcome o = OwnSandbox.run(s, sql);
        assertThat((Throwable) o.failure()).isInstanceOf(SQLTimeoutException.class)
            .hasMessageContaining("timeout");
        assertThat(o.failure().getSQLState()).isEqualTo("HY008");
      }
      // the gets of the third batch were never sent
      assertThat(sandbox.requests().of("pathsim").size()).isLessThan(240);
    }
  }
}
