package io.convosql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * How long a warm connection takes to prepare the suite's queries: the same SQL text again (which
 * the driver's plan cache answers) and, on a connection with {@code planCacheSize=0}, planned anew
 * each time (what a query whose literals change costs). Preparing sends no request. Wall and CPU
 * time of the preparing thread; CPU time is the fairer figure on a machine that runs other work.
 *
 * @param cachedMs median over the queries of each query's median wall ms, same SQL again
 * @param cachedCpuMs the same in CPU ms
 * @param plannedMs median over the queries of each query's median wall ms, planned anew
 * @param plannedCpuMs the same in CPU ms
 * @param plannedMaxCpuMs the slowest query's median CPU ms, planned anew
 */
record Planning(int queries, double cachedMs, double cachedCpuMs, double plannedMs, double plannedCpuMs,
    double plannedMaxCpuMs) {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  static Planning measure(String url, List<SuiteQuery> suite, int runs) throws SQLException {
    try (Connection cached = DriverManager.getConnection(url);
         Connection planned = DriverManager.getConnection(url + ";planCacheSize=0")) {
      double[][] c = times(cached, suite, runs);
      double[][] p = times(planned, suite, runs);
      return new Planning(suite.size(), Report.median(c[0]), Report.median(c[1]), Report.median(p[0]),
          Report.median(p[1]), Arrays.stream(p[1]).max().orElse(0));
    }
  }

  /** Per query, the median wall ms [0] and CPU ms [1] of preparing it, after one warm-up. */
  private static double[][] times(Connection c, List<SuiteQuery> suite, int runs) throws SQLException {
    double[][] out = new double[2][suite.size()];
    for (int q = 0; q < suite.size(); q++) {
      String sql = suite.get(q).sql();
      prepare(c, sql);
      double[] wall = new double[runs];
      double[] cpu = new double[runs];
      for (int i = 0; i < runs; i++) {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        prepare(c, sql);
        wall[i] = (System.nanoTime() - t0) / 1e6;
        cpu[i] = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e6;
      }
      out[0][q] = Report.median(wall);
      out[1][q] = Report.median(cpu);
    }
    return out;
  }

  private static void prepare(Connection c, String sql) throws SQLException {
    try (PreparedStatement ignored = c.prepareStatement(sql)) {
      // prepared: planned (or taken from the plan cache) and compiled, not executed
    }
  }
}
