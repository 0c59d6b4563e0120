package io.convosql.bench;

import java.util.Arrays;
import java.util.List;

/** The command line of the benchmark; {@link #usage()} lists it. */
record BenchOptions(
    int latencyMs,
    int runs,
    List<String> only,
    long seed,
    int pathSimSessions,
    int insightsSessions,
    int bigRows,
    String bigHeap,
    boolean coldStart,
    String driverProps,
    String extraProps,
    String markdown) {

  static String usage() {
    return String.join("\n",
        "usage: java -jar bench/target/convosql-bench.jar [options]",
        "  --latency-ms N         latency the sandbox adds to every request (default 40)",
        "  --runs N               timed warm runs per query; the median is shown (default 5)",
        "  --only a,b             run only these suite queries (names as in the table)",
        "  --seed N               sandbox data seed (default 42)",
        "  --pathsim-sessions N   PathSim sessions in the suite's sandbox (default 3000)",
        "  --insights-sessions N  Insights sessions besides the linked calls (default 3000)",
        "  --big-rows N           rows of the large scan, 0 to skip it (default 1000000)",
        "  --big-heap SIZE        -Xmx of the JVM that runs the large scan (default 256m)",
        "  --no-cold-start        skip the cold-start measurement",
        "  --driver-props 'a=b;c=d'  more connection properties for the driver",
        "  --extra-props 'a=b'    run the suite once more with these properties too, as extra rows",
        "  --markdown FILE        also write the results as Markdown to FILE",
        "  --help                 this text");
  }

  static BenchOptions parse(String[] args) {
    int latency = 40;
    int runs = 5;
    List<String> only = List.of();
    long seed = 42;
    int pathSim = 3000;
    int insights = 3000;
    int big = 1_000_000;
    String bigHeap = "256m";
    boolean cold = true;
    String props = "";
    String extra = "";
    String markdown = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--latency-ms" -> latency = Integer.parseInt(value(args, ++i, a));
        case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
        case "--only" -> only = Arrays.asList(value(args, ++i, a).split(","));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--pathsim-sessions" -> pathSim = Integer.parseInt(value(args, ++i, a));
        case "--insights-sessions" -> insights = Integer.parseInt(value(args, ++i, a));
        case "--big-rows" -> big = Integer.parseInt(value(args, ++i, a));
        case "--big-heap" -> bigHeap = value(args, ++i, a);
        case "--no-cold-start" -> cold = false;
        case "--driver-props" -> props = value(args, ++i, a);
        case "--extra-props" -> extra = value(args, ++i, a);
        case "--markdown" -> markdown = value(args, ++i, a);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1");
    }
    return new BenchOptions(latency, runs, only, seed, pathSim, insights, big, bigHeap, cold, props, extra, markdown);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value\n" + usage());
    }
    return args[i];
  }
}
