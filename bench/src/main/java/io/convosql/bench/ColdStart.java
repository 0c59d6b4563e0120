package io.convosql.bench;

import io.convosql.sandbox.Sandbox;
import java.util.List;
import java.util.Locale;

/**
 * The cold-start rows alone, each beside Calcite's own floor measured in the same run: fresh JVMs
 * (on the benchmark's class path) that connect and read one row, medians of {@code runs} (the first
 * argument, default 5). Rows: a bare {@code jdbc:calcite:} connection running VALUES (the floor); a
 * convosql URL on a sandbox in this process (PathSim at zero latency), with its first getConnection
 * and its first query on an adapter table apart; {@code demo=true} running VALUES and a PathSim
 * query. Prints one line per row.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.printf(Locale.ROOT, "load average at start: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    row("calcite floor: jdbc:calcite: VALUES 1", runs, "jdbc:calcite:", "VALUES 1");
    try (Sandbox sandbox = Sandbox.builder().start()) {
      String url = "jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl() + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY
          + ";insights.url=" + sandbox.insightsUrl() + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY;
      row("real URL: SELECT id, started_at FROM pathsim.sessions LIMIT 1", runs, url,
          "SELECT id, started_at FROM pathsim.sessions LIMIT 1");
    }
    row("demo=true: VALUES 1", runs, "jdbc:convosql:demo=true", "VALUES 1");
    row("demo=true: SELECT name FROM pathsim.workspaces", runs, "jdbc:convosql:demo=true",
        "SELECT name FROM pathsim.workspaces");
  }

  private static void row(String name, int runs, String url, String sql) {
    double[] process = new double[runs];
    double[] connect = new double[runs];
    double[] query = new double[runs];
    for (int i = 0; i < runs; i++) {
      ChildJvm.Line line = ChildJvm.run(List.of(), FirstRow.class, "FIRST_ROW", url, sql);
      String[] parts = line.text().split(" ");
      process[i] = line.msFromStart();
      connect[i] = Double.parseDouble(parts[2]);
      query[i] = Double.parseDouble(parts[1]) - connect[i];
    }
    System.out.printf(Locale.ROOT, "%s: process start to first row %.0f ms, first getConnection %.0f ms,"
        + " first query to its first row %.0f ms (medians of %d)%n", name, Report.median(process),
        Report.median(connect), Report.median(query), runs);
  }
}
