package io.convosql.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Collects the measurements and renders them as Markdown: the suite table, the extras, the targets. */
final class Report {
  private final BenchOptions options;
  private final List<Result> results = new ArrayList<>();
  private double[] coldStart;
  private int scanRows;
  private double scanMs;
  private double bigGeneratedMs = -1;
  private String bigScan;
  private int bigRequests;
  private Planning planning;
  private double handScanMs;

  private final double loadAtStart = load();

  Report(BenchOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The system load average over the last minute; other programs on the machine skew the times. */
  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  void add(Result r) {
    results.add(r);
    Benchmark.progress(String.format(Locale.ROOT, "  %d rows, %d requests (min %d), driver %.0f ms,"
        + " hand-written %d requests %.0f ms", r.rows(), r.driverRequests(), r.minimum(), r.driverMs(),
        r.handRequests(), r.handMs()));
  }

  void coldStart(double[] ms) {
    this.coldStart = ms;
  }

  void scanRate(int rows, double ms) {
    this.scanRows = rows;
    this.scanMs = ms;
  }

  void handScanRate(double ms) {
    this.handScanMs = ms;
  }

  void planning(Planning p) {
    this.planning = p;
  }

  void bigGenerated(double ms) {
    this.bigGeneratedMs = ms;
  }

  void bigScan(String line, int requests) {
    this.bigScan = line;
    this.bigRequests = requests;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Latency %d ms per request, median of %d warm runs, seed %d,"
        + " %d PathSim and %d Insights sessions (plus the Insights sessions of linked calls).%n%n",
        options.latencyMs(), options.runs(), options.seed(), options.pathSimSessions(), options.insightsSessions()));
    b.append(String.format(Locale.ROOT, "%d processors; system load average %.1f at the start, %.1f at the"
        + " end (other programs running at the same time slow every measurement).%n%n",
        Runtime.getRuntime().availableProcessors(), loadAtStart, load()));
    b.append("| query | kind | rows | requests | minimum | hand-written requests | driver ms | hand-written ms"
        + " | driver / hand-written |\n");
    b.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Result r : results) {
      b.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %d%s | %d | %d | %.0f | %.0f | %.2f |%n",
          r.query().name(), r.query().what(), r.rows(), r.driverRequests(), r.atMinimum() ? "" : " ✗",
          r.minimum(), r.handRequests(), r.driverMs(), r.handMs(), r.ratio()));
    }
    b.append('\n');
    if (scanMs > 0) {
      b.append(String.format(Locale.ROOT, "- Zero-latency full scan of `pathsim.sessions` (%,d rows, list"
          + " columns): %.0f ms, **%,.0f rows/s** through JDBC.%n", scanRows, scanMs, scanRows / scanMs * 1000));
      if (handScanMs > 0) {
        b.append(String.format(Locale.ROOT, "- The hand-written client over the same sandbox at zero latency"
            + " (one page after the other, Jackson's tree of each page, no rows built): %.0f ms,"
            + " %,.0f rows/s.%n", handScanMs, scanRows / handScanMs * 1000));
      }
    }
    if (planning != null) {
      b.append(String.format(Locale.ROOT, "- Warm prepare of the %d suite queries (median over the queries of"
          + " each one's median): the same SQL again, from the plan cache, **%.2f ms** (CPU %.2f ms);"
          + " planned anew (`planCacheSize=0`, as for a query whose literals change) **%.1f ms** (CPU %.1f"
          + " ms, the slowest query %.1f ms).%n", planning.queries(), planning.cachedMs(),
          planning.cachedCpuMs(), planning.plannedMs(), planning.plannedCpuMs(), planning.plannedMaxCpuMs()));
    }
    if (coldStart != null) {
      b.append(String.format(Locale.ROOT, "- Cold start, process start to first row (new JVM, connect,"
          + " `SELECT id, started_at FROM pathsim.sessions LIMIT 1` at zero latency): **%.0f ms**"
          + " (median of %d; of which %.0f ms from connecting to the first row, %.0f ms the first"
          + " getConnection). Calcite's floor in the same run (new JVM, `jdbc:calcite:`, `VALUES 1`):"
          + " %.0f ms (%.0f ms from connecting, %.0f ms the first getConnection).%n",
          coldStart[0], options.runs(), coldStart[1], coldStart[2], coldStart[3], coldStart[4],
          coldStart[5]));
    }
    if (bigScan != null) {
      String[] f = bigScan.split(" ");
      b.append(String.format(Locale.ROOT, "- Large scan: %,d rows of `pathsim.sessions` read in a child JVM"
          + " with `-Xmx%s` (max heap %,.0f MB) in %,d ms, %,d requests; peak heap in use **%,.0f MB**"
          + " (sampled every 5 ms; the heap pools' peaks sum to %,.0f MB). Generating the sandbox's data"
          + " took %,.0f ms.%n",
          Long.parseLong(f[0]), options.bigHeap(), mb(f[4]), Long.parseLong(f[1]), bigRequests, mb(f[2]),
          mb(f[3]), bigGeneratedMs));
    }
    b.append('\n').append(targets());
    b.append("\n### The queries and their minimum requests\n\n| query | SQL | minimum requests, and why |\n"
        + "| --- | --- | --- |\n");
    for (Result r : base()) {
      b.append(String.format(Locale.ROOT, "| `%s` | `%s` | %d: %s |%n", r.query().name(),
          r.query().sql().replace("|", "\\|"), r.minimum(), r.query().minimumArgument()));
    }
    return b.toString();
  }

  private String targets() {
    StringBuilder b = new StringBuilder("| target | measured | met |\n| --- | --- | --- |\n");
    List<Result> suite = base();
    long atMin = suite.stream().filter(Result::atMinimum).count();
    b.append(String.format(Locale.ROOT, "| requests = minimum on every suite query | %d of %d | %s |%n",
        atMin, suite.size(), atMin == suite.size() ? "yes" : "no"));
    find("ps_detail_agg").ifPresent(r -> b.append(String.format(Locale.ROOT,
        "| detail hydration ≥ 4× faster than sequential (`ps_detail_agg`) | %.1f× | %s |%n",
        1 / r.ratio(), 1 / r.ratio() >= 4 ? "yes" : "no")));
    find("ps_full_scan").ifPresent(r -> b.append(String.format(Locale.ROOT,
        "| warm full scan ≤ 0.5× the hand-written client's time (`ps_full_scan`) | %.2f× | %s |%n",
        r.ratio(), r.ratio() <= 0.5 ? "yes" : "no")));
    if (planning != null) {
      boolean again = planning.cachedMs() < 20;
      b.append(String.format(Locale.ROOT, "| warm queries plan in under 20 ms | the same SQL again %.2f ms;"
          + " planned anew %.1f ms wall, %.1f ms CPU | %s |%n", planning.cachedMs(), planning.plannedMs(),
          planning.plannedCpuMs(), again && planning.plannedMs() < 20 ? "yes"
              : again && planning.plannedCpuMs() < 20 ? "again: yes; planned anew: in CPU time, not in wall time"
              : again ? "the same SQL again only" : "no"));
    }
    if (scanMs > 0) {
      double rate = scanRows / scanMs * 1000;
      b.append(String.format(Locale.ROOT, "| zero-latency scan ≥ 250,000 rows/s | %,.0f rows/s | %s |%n",
          rate, rate >= 250_000 ? "yes" : "no"));
    }
    if (bigScan != null) {
      long rows = Long.parseLong(bigScan.split(" ")[0]);
      b.append(String.format(Locale.ROOT, "| %,d-row scan runs in `-Xmx%s` | %,d rows read | %s |%n",
          options.bigRows(), options.bigHeap(), rows, rows == options.bigRows() ? "yes" : "no"));
    }
    return b.toString();
  }

  /** The suite's rows, without those of a run with {@code --extra-props} (named "query (props)"). */
  private List<Result> base() {
    return results.stream().filter(r -> r.query().name().indexOf(' ') < 0).toList();
  }

  private java.util.Optional<Result> find(String name) {
    return results.stream().filter(r -> r.query().name().equals(name)).findFirst();
  }

  private static double mb(String bytes) {
    return Long.parseLong(bytes) / (1024.0 * 1024.0);
  }
}
