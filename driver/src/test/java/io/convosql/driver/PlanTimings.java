package io.convosql.driver;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Prints how long queries take to plan (prepare) and to start (execute and read the first row) on a
 * warm connection: the same SQL again, and the same shape with another literal. A measurement to run
 * by hand (not a test: timings are never asserted):
 * {@code java -cp <driver test class path> io.convosql.driver.PlanTimings}; run with
 * {@code -Xlog:class+load} and count {@code Baz} to see how many classes Janino compiled.
 */
public final class PlanTimings {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private PlanTimings() {}

  public static void main(String[] args) throws Exception {
    try (Sandbox sandbox = OwnSandbox.start(200, 40);
         Connection c = DriverManager.getConnection(OwnSandbox.url(sandbox, "requestsPerSecond=0",
             "cacheTtlSeconds=600"))) {
      String ws = OwnSandbox.busiestWorkspace(sandbox);
      List<String> queries = List.of(
          "SELECT id, test_type FROM pathsim.sessions WHERE workspace_id = '" + ws
              + "' AND test_type = 'Voice' ORDER BY started_at DESC LIMIT 5",
          "SELECT id, test_type FROM pathsim.sessions WHERE workspace_id = '" + ws
              + "' AND test_type = 'Web' ORDER BY started_at DESC LIMIT 5",
          "SELECT id, agent_name FROM insights.sessions WHERE agent_name = 'A' AND "
              + OwnSandbox.INSIGHTS_RANGE + " LIMIT 5",
          "SELECT id, agent_name FROM insights.sessions WHERE agent_name = 'B' AND "
              + OwnSandbox.INSIGHTS_RANGE + " LIMIT 5",
          "SELECT agent_name, COUNT(*) FROM insights.sessions WHERE " + OwnSandbox.INSIGHTS_RANGE
              + " GROUP BY agent_name");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM pathsim.workspaces")) {
        while (rs.next()) {
          // warm-up: the first query on an adapter table loads and compiles much
        }
      }
      int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
      for (int round = 1; round <= rounds; round++) {
        for (int q = 0; q < queries.size(); q++) {
          long t0 = System.nanoTime();
          long cpu0 = CPU.getCurrentThreadCpuTime();
          try (PreparedStatement p = c.prepareStatement(queries.get(q))) {
            long t1 = System.nanoTime();
            long cpu1 = CPU.getCurrentThreadCpuTime();
            try (ResultSet rs = p.executeQuery()) {
              long t2 = System.nanoTime();
              rs.next();
              long t3 = System.nanoTime();
              while (rs.next()) {
                // drain
              }
              long cpu3 = CPU.getCurrentThreadCpuTime();
              System.out.printf("round %d query %d: prepare %6.1f ms (cpu %6.1f), execute + first row"
                  + " %5.1f ms (cpu %5.1f)%n", round, q + 1, (t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6,
                  (t3 - t1) / 1e6, (cpu3 - cpu1) / 1e6);
            }
          }
        }
      }
    }
  }
}
