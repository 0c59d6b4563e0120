package io.convosql.bench;

import io.convosql.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cold-start rows alone, each beside Calcite's own floor measured in the same run: fresh JVMs
 * (on the benchmark's class path) that connect and read one row, medians of {@code runs} (the first
 * argument, default 5). Rows: a bare {@code jdbc:calcite:} connection running VALUES (the floor); a
 * convosql URL on a sandbox in this process (PathSim at zero latency), with its first getConnection
 * and its first query on an adapter table apart; {@code demo=true} running VALUES and a PathSim
 * query; in a JVM that already runs with the driver loaded, Calcite's own first query on a table of
 * {@link FloorSchema} (the floor of a first adapter query) and the same convosql connections (the goals for
 * DBeaver or an application server), the query at once and after a 1 s and a 3 s think time, each with the
 * driver's warm-up on and off ({@code -Dconvosql.warmup=false}), the two alternating run by run;
 * {@code serve --demo}'s ready time and its first remote query, at once and 3 s after ready, warm-up
 * on and off, started by {@code java} on the bench's class path and by {@code bin/convosql}; the
 * one-shot shell ({@code bin/convosql} and {@code java -jar} with {@code -e}) on
 * that sandbox's URL and on {@code --demo}. Prints one line per row: wall medians, then the medians
 * of the child's main-thread CPU and process CPU. A second argument {@code running} or {@code serve}
 * runs only those rows.
 */
public final class ColdStart {
  private static final List<String> WARMUP_OFF = List.of("-Dconvosql.warmup=false");
  /** How long after {@code serve} is ready its first client comes, in the second pair of serve rows. */
  private static final long SERVE_PAUSE_MS = 3000;
  /** Calcite's own connection to a table of {@link FloorSchema}: the floor of a first query on a table. */
  private static final String FLOOR_TABLE_URL = "jdbc:calcite:schemaFactory="
      + "org.apache.calcite.adapter.java.ReflectiveSchema$Factory;lex=JAVA;schema=bare;schema.class=" + FloorSchema.class.getName();
  private static final String FLOOR_TABLE_SQL = "SELECT id, started_at FROM bare.sessions LIMIT 1";

  private ColdStart() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String only = args.length > 1 ? args[1] : "all"; // all, running (the running-JVM rows) or serve
    // every row's JVM, the launcher's too, is this JDK's: run the bench with another JDK to measure it
    System.out.printf(Locale.ROOT, "JDK %s (%s); load average at start: %.2f%n", System.getProperty("java.version"),
        System.getProperty("java.home"), load());
    String limit1 = "SELECT id, started_at FROM pathsim.sessions LIMIT 1";
    if (!only.equals("serve")) {
      rows(runs, only.equals("all"), limit1);
    }
    if (!only.equals("running")) {
      serveRows(runs, limit1, 0, false);
      serveRows(runs, limit1, SERVE_PAUSE_MS, false);
      serveRows(runs, limit1, 0, true);
      serveRows(runs, limit1, SERVE_PAUSE_MS, true);
    }
    System.out.printf(Locale.ROOT, "load average at end: %.2f%n", load());
  }

  private static void rows(int runs, boolean all, String limit1) {
    if (all) {
      row("calcite floor: jdbc:calcite: VALUES 1", runs, "jdbc:calcite:", "VALUES 1", "");
    }
    try (Sandbox sandbox = Sandbox.builder().start()) {
      String url = "jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl() + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY
          + ";insights.url=" + sandbox.insightsUrl() + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY;
      if (all) {
        pair("real URL: " + limit1, runs, url, limit1, "");
        OneShot.row("one-shot bin/convosql -e, real URL: " + limit1, runs, true, "--url", url, "-e", limit1);
        OneShot.row("one-shot java -jar -e, real URL: " + limit1, runs, false, "--url", url, "-e", limit1);
      }
      row("calcite floor, running JVM (driver loaded): jdbc:calcite: VALUES 1", runs, "jdbc:calcite:", "VALUES 1",
          "preloaded");
      pair("calcite floor, running JVM (driver loaded): a reflective table, query at once: " + FLOOR_TABLE_SQL, runs,
          FLOOR_TABLE_URL, FLOOR_TABLE_SQL, "preloaded");
      pair("running JVM (driver loaded), real URL, query at once: " + limit1, runs, url, limit1, "preloaded");
      pair("running JVM (driver loaded), real URL, query after 1 s: " + limit1, runs, url, limit1,
          "preloaded-pause");
      pair("running JVM (driver loaded), real URL, query after 3 s: " + limit1, runs, url, limit1,
          "preloaded-pause-3000");
    }
    if (all) {
      row("demo=true: VALUES 1", runs, "jdbc:convosql:demo=true", "VALUES 1", "");
      OneShot.row("one-shot bin/convosql --demo -e: VALUES 1", runs, true, "--demo", "-e", "VALUES 1");
      row("demo=true: SELECT name FROM pathsim.workspaces", runs, "jdbc:convosql:demo=true",
          "SELECT name FROM pathsim.workspaces", "");
      row("running JVM (driver loaded), demo=true, query at once: " + limit1, runs, "jdbc:convosql:demo=true",
          limit1, "preloaded");
    }
  }

  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void serveRows(int runs, String sql, long pauseMs, boolean launcher) {
    double[][] ready = new double[2][runs];
    double[][] first = new double[2][runs];
    for (int i = 0; i < runs; i++) {
      for (int v = 0; v < 2; v++) {
        ServeStart.Times t = ServeStart.run(sql, v == 0 ? List.of() : WARMUP_OFF, pauseMs, launcher);
        ready[v][i] = t.readyMs();
        first[v][i] = t.firstQueryMs();
      }
    }
    for (int v = 0; v < 2; v++) {
      System.out.printf(Locale.ROOT, "%sserve --demo%s: process start to ready %.0f ms, first remote query (%s)"
          + " %s to its first row %.0f ms (medians of %d)%n", launcher ? "bin/convosql " : "",
          v == 0 ? "" : " [warm-up off]",
          Report.median(ready[v]), sql, pauseMs == 0 ? "at once" : pauseMs + " ms after ready",
          Report.median(first[v]), runs);
    }
  }

  /** One row with the warm-up on and one with it off, their runs alternating. */
  private static void pair(String name, int runs, String url, String sql, String mode) {
    measure(List.of(name, name + " [warm-up off]"), List.of(List.of(), WARMUP_OFF), runs, url, sql, mode);
  }

  private static void row(String name, int runs, String url, String sql, String mode) {
    measure(List.of(name), List.of(List.of()), runs, url, sql, mode);
  }

  private static void measure(List<String> names, List<List<String>> jvmOptions, int runs, String url, String sql,
      String mode) {
    int n = names.size();
    double[][][] t = new double[n][6][runs]; // process, connect, query, connect CPU, query CPU, process CPU
    for (int i = 0; i < runs; i++) {
      for (int v = 0; v < n; v++) {
        List<String> args = new ArrayList<>(List.of(url, sql));
        if (!mode.isEmpty()) {
          args.add(mode);
        }
        ChildJvm.Line line = ChildJvm.run(jvmOptions.get(v), FirstRow.class, "FIRST_ROW", args.toArray(String[]::new));
        String[] parts = line.text().split(" ");
        t[v][0][i] = line.msFromStart();
        t[v][1][i] = Double.parseDouble(parts[2]);
        t[v][2][i] = Double.parseDouble(parts[1]);
        t[v][3][i] = Double.parseDouble(parts[3]);
        t[v][4][i] = Double.parseDouble(parts[4]);
        t[v][5][i] = Double.parseDouble(parts[5]);
      }
    }
    for (int v = 0; v < n; v++) {
      System.out.printf(Locale.ROOT, "%s: process start to first row %.0f ms, first getConnection %.0f ms,"
          + " first query to its first row %.0f ms; CPU: getConnection %.0f ms, query %.0f ms, process %.0f ms"
          + " (medians of %d)%n", names.get(v), Report.median(t[v][0]), Report.median(t[v][1]),
          Report.median(t[v][2]), Report.median(t[v][3]), Report.median(t[v][4]), Report.median(t[v][5]), runs);
    }
  }
}
