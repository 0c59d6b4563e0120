package io.convosql.driver;

import io.convosql.sandbox.Sandbox;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Prints how long queries take to plan (prepare) and to start (execute and read the first row) on a
 * warm connection, for each query shape: with a literal not seen before (planned: not in the plan
 * cache, but its compiled class is reused), then the same SQL text again (from the plan cache).
 * Wall and CPU time of the calling thread; on a shared machine the CPU time is the honest figure. A
 * measurement to run by hand (not a test: timings are never asserted):
 * {@code java -cp <driver test class path> io.convosql.driver.PlanTimings [rounds]}; run with
 * {@code -Xlog:class+load} and count {@code Baz} to see how many classes Janino compiled.
 */
public final class PlanTimings {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private PlanTimings() {}

  /** Milliseconds of one prepare and of one execute with its first row, wall and CPU. */
  private record Timing(double prepareWall, double prepareCpu, double executeWall, double executeCpu) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    try (Sandbox sandbox = OwnSandbox.start(200, 40);
         Connection c = DriverManager.getConnection(OwnSandbox.url(sandbox, "requestsPerSecond=0",
             "cacheTtlSeconds=600"))) {
      String ws = OwnSandbox.busiestWorkspace(sandbox);
      List<IntFunction<String>> shapes = List.of(
          n -> "SELECT id, test_type FROM pathsim.sessions WHERE workspace_id = '" + ws
              + "' AND test_type = 'Voice' ORDER BY started_at DESC LIMIT " + n,
          n -> "SELECT id, agent_name FROM insights.sessions WHERE agent_name = 'A" + n + "' AND "
              + OwnSandbox.INSIGHTS_RANGE + " LIMIT 5",
          n -> "SELECT agent_name, COUNT(*) FROM insights.sessions WHERE " + OwnSandbox.INSIGHTS_RANGE
              + " GROUP BY agent_name HAVING COUNT(*) > " + n,
          n -> "SELECT s.id, w.name FROM pathsim.sessions s JOIN pathsim.workspaces w"
              + " ON w.id = s.workspace_id WHERE s.test_type = 'Web' AND w.name <> 'x" + n + "' LIMIT 3");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM pathsim.workspaces")) {
        while (rs.next()) {
          // warm-up: the first query on an adapter table loads and compiles much
        }
      }
      List<List<Timing>> planned = new ArrayList<>();
      List<List<Timing>> cached = new ArrayList<>();
      for (int q = 0; q < shapes.size(); q++) {
        planned.add(new ArrayList<>());
        cached.add(new ArrayList<>());
      }
      for (int round = 1; round <= rounds; round++) {
        for (int q = 0; q < shapes.size(); q++) {
          String sql = shapes.get(q).apply(round);
          Timing first = time(c, sql);
          Timing again = time(c, sql);
          if (round > 1) { // the first round also compiles each shape's class
            planned.get(q).add(first);
            cached.get(q).add(again);
          }
          System.out.printf("round %d shape %d: new literal %s | same SQL again %s%n", round, q + 1,
              show(first), show(again));
        }
      }
      for (int q = 0; q < shapes.size(); q++) {
        System.out.printf("shape %d, median of rounds 2-%d:%n  new literal (planned):  %s%n"
            + "  same SQL again (cached): %s%n", q + 1, rounds, show(median(planned.get(q))),
            show(median(cached.get(q))));
      }
    }
  }

  private static Timing time(Connection c, String sql) throws Exception {
    long t0 = System.nanoTime();
    long cpu0 = CPU.getCurrentThreadCpuTime();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      long t1 = System.nanoTime();
      long cpu1 = CPU.getCurrentThreadCpuTime();
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        long t2 = System.nanoTime();
        long cpu2 = CPU.getCurrentThreadCpuTime();
        while (rs.next()) {
          // drain
        }
        return new Timing((t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6, (t2 - t1) / 1e6, (cpu2 - cpu1) / 1e6);
      }
    }
  }

  private static String show(Timing t) {
    return String.format("prepare %6.2f ms (cpu %6.2f), execute + first row %6.2f ms (cpu %6.2f)",
        t.prepareWall(), t.prepareCpu(), t.executeWall(), t.executeCpu());
  }

  private static Timing median(List<Timing> all) {
    return new Timing(median(all, Timing::prepareWall), median(all, Timing::prepareCpu),
        median(all, Timing::executeWall), median(all, Timing::executeCpu));
  }

  private static double median(List<Timing> all, java.util.function.ToDoubleFunction<Timing> f) {
    double[] v = all.stream().mapToDouble(f).toArray();
    Arrays.sort(v);
    return v.length == 0 ? Double.NaN : v[v.length / 2];
  }
}
