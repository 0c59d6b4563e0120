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
 * query; the same connections in a JVM that already runs with the driver loaded (the goals for
 * DBeaver or an application server); the one-shot shell ({@code bin/convosql} and {@code java -jar}
 * with {@code -e}) on that sandbox's URL and on {@code --demo}; {@code serve --demo}'s ready time and
 * its first remote query.
 * Prints one line per row.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.printf(Locale.ROOT, "load average at start: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    String limit1 = "SELECT id, started_at FROM pathsim.sessions LIMIT 1";
    row("calcite floor: jdbc:calcite: VALUES 1", runs, "jdbc:calcite:", "VALUES 1");
    try (Sandbox sandbox = Sandbox.builder().start()) {
      String url = "jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl() + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY
          + ";insights.url=" + sandbox.insightsUrl() + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY;
      row("real URL: " + limit1, runs, url, limit1);
      OneShot.row("one-shot bin/convosql -e, real URL: " + limit1, runs, true, "--url", url, "-e", limit1);
      OneShot.row("one-shot java -jar -e, real URL: " + limit1, runs, false, "--url", url, "-e", limit1);
      row("calcite floor, running JVM (driver loaded): jdbc:calcite: VALUES 1", runs, "jdbc:calcite:", "VALUES 1",
          "preloaded");
      row("running JVM (driver loaded), real URL: " + limit1, runs, url, limit1, "preloaded");
    }
    row("demo=true: VALUES 1", runs, "jdbc:convosql:demo=true", "VALUES 1");
    OneShot.row("one-shot bin/convosql --demo -e: VALUES 1", runs, true, "--demo", "-e", "VALUES 1");
    row("demo=true: SELECT name FROM pathsim.workspaces", runs, "jdbc:convosql:demo=true",
        "SELECT name FROM pathsim.workspaces");
    row("running JVM (driver loaded), demo=true: " + limit1, runs, "jdbc:convosql:demo=true", limit1, "preloaded");
    serveRow(runs, limit1);
  }

  private static void serveRow(int runs, String sql) {
    double[] ready = new double[runs];
    double[] first = new double[runs];
    for (int i = 0; i < runs; i++) {
      ServeStart.Times t = ServeStart.run(sql);
      ready[i] = t.readyMs();
      first[i] = t.firstQueryMs();
    }
    System.out.printf(Locale.ROOT, "serve --demo: process start to ready %.0f ms, first remote query (%s)"
        + " to its first row %.0f ms (medians of %d)%n", Report.median(ready), sql, Report.median(first), runs);
  }

  private static void row(String name, int runs, String url, String sql, String... mode) {
    double[] process = new double[runs];
    double[] connect = new double[runs];
    double[] query = new double[runs];
    for (int i = 0; i < runs; i++) {
      List<String> args = new java.util.ArrayList<>(List.of(url, sql));
      args.addAll(List.of(mode));
      ChildJvm.Line line = ChildJvm.run(List.of(), FirstRow.class, "FIRST_ROW", args.toArray(String[]::new));
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
