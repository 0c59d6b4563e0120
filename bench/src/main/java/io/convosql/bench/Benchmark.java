package io.convosql.bench;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * The benchmark program: the suite of queries through the driver and through the hand-written
 * client against the sandbox with injected latency, then the zero-latency scan rate, the cold start
 * and the large scan in a small heap. Prints Markdown (see BENCHMARKS.md); exits non-zero when the
 * driver and the hand-written client disagree on any query.
 */
public final class Benchmark {
  /** The sandbox's "now": the data, and so every answer and request count, never changes. */
  static final Instant NOW = Instant.parse("2025-09-01T00:00:00Z");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println(BenchOptions.usage());
      return;
    }
    BenchOptions o;
    try {
      o = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    Report report = new Report(o);
    try {
      run(o, report);
    } catch (IllegalStateException e) {
      System.err.println("BENCHMARK FAILED: " + e.getMessage());
      System.exit(1);
    }
    String markdown = report.markdown();
    System.out.println(markdown);
    if (o.markdown() != null) {
      Files.writeString(Path.of(o.markdown()), markdown, StandardCharsets.UTF_8);
    }
  }

  private static void run(BenchOptions o, Report report) throws SQLException, IOException {
    try (Sandbox sandbox = Sandbox.builder().seed(o.seed()).pathSimSessions(o.pathSimSessions())
            .insightsSessions(o.insightsSessions()).now(NOW).latency(Duration.ofMillis(o.latencyMs())).start();
        Connection c = DriverManager.getConnection(url(sandbox, o));
        HandClient hand = new HandClient(sandbox.pathSimUrl(), Sandbox.PATHSIM_KEY, sandbox.insightsUrl(),
            Sandbox.INSIGHTS_KEY)) {
      SuiteRunner runner = new SuiteRunner(sandbox, c, hand, o.runs());
      List<SuiteQuery> suite = suite(sandbox, o);
      for (SuiteQuery q : suite) {
        progress("suite: " + q.name());
        report.add(runner.run(q));
      }
      if (!o.extraProps().isEmpty()) {
        try (Connection extra = DriverManager.getConnection(url(sandbox, o) + ";" + o.extraProps())) {
          SuiteRunner other = new SuiteRunner(sandbox, extra, hand, o.runs());
          for (SuiteQuery q : suite) {
            progress("suite with " + o.extraProps() + ": " + q.name());
            report.add(other.run(q.renamed(q.name() + " (" + o.extraProps() + ")")));
          }
        }
      }
      sandbox.setLatency(Duration.ZERO);
      progress("warm prepare times");
      report.planning(Planning.measure(url(sandbox, o), suite, Math.max(5, o.runs())));
      if (o.coldStart()) {
        progress("cold start");
        report.coldStart(coldStart(url(sandbox, o), o.runs()));
      }
      if (o.bigRows() == 0) {
        progress("zero-latency scan of the suite's sandbox");
        report.scanRate(o.pathSimSessions(), scanMs(runner, o.runs()));
      }
    }
    if (o.bigRows() > 0) {
      bigScan(o, report);
    }
  }

  private static List<SuiteQuery> suite(Sandbox sandbox, BenchOptions o) {
    List<Session> sessions = sandbox.pathSim().data().sessions();
    List<SuiteQuery> all = new ArrayList<>(PathSimSuite.queries(
        spread(sessions, TestType.VOICE, 8), spread(sessions, TestType.WEB, 8)));
    var documents = sandbox.insights().data().documents();
    String agent = documents.get(documents.size() - 1).path("agent_information").path("name").asText();
    all.addAll(InsightsSuite.queries(agent));
    if (o.only().isEmpty()) {
      return all;
    }
    List<SuiteQuery> chosen = all.stream().filter(q -> o.only().contains(q.name())).toList();
    if (chosen.size() != o.only().size()) {
      throw new IllegalStateException("--only names unknown queries; the suite has " + SuiteRunner.names(all));
    }
    return chosen;
  }

  /** {@code n} sessions of a type spread evenly over the history, for the child-table queries. */
  private static List<String> spread(List<Session> sessions, TestType type, int n) {
    List<Session> ofType = sessions.stream().filter(s -> s.testType() == type).toList();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n && i < ofType.size(); i++) {
      ids.add(ofType.get((int) ((long) i * ofType.size() / n)).id());
    }
    return ids;
  }

  /**
   * Medians of: process start to first row, connecting to first row, the first getConnection; then
   * the same three for Calcite's floor (a bare {@code jdbc:calcite:} running VALUES), measured in
   * turn with the convosql runs so both see the same load.
   */
  private static double[] coldStart(String url, int runs) {
    double[][] ms = new double[6][runs];
    for (int i = 0; i < runs; i++) {
      measure(ms, 0, i, url, "SELECT id, started_at FROM pathsim.sessions LIMIT 1");
      measure(ms, 3, i, "jdbc:calcite:", "VALUES 1");
    }
    double[] medians = new double[6];
    for (int k = 0; k < 6; k++) {
      medians[k] = Report.median(ms[k]);
    }
    return medians;
  }

  private static void measure(double[][] ms, int at, int run, String url, String sql) {
    ChildJvm.Line line = ChildJvm.run(List.of(), FirstRow.class, "FIRST_ROW", url, sql);
    String[] parts = line.text().split(" ");
    ms[at][run] = line.msFromStart();
    ms[at + 1][run] = Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]); // connect + query
    ms[at + 2][run] = Double.parseDouble(parts[2]);
  }

  /** Median ms of the full PathSim scan at zero latency, after one warm-up. */
  private static double scanMs(SuiteRunner runner, int runs) {
    String sql = "SELECT " + PathSimSuite.listColumns() + " FROM pathsim.sessions";
    runner.count(sql);
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      runner.count(sql);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return Report.median(ms);
  }

  /**
   * Ms of the hand-written client's loop over every page of every workspace at zero latency, reading
   * each page's tree and nothing else: what the sandbox, OkHttp and Jackson cost one request after
   * the other, for comparison with the driver's rate.
   */
  private static double handScanMs(HandClient hand) {
    long start = System.nanoTime();
    long[] rows = {0};
    for (String w : hand.workspaceIds()) {
      hand.sessions(w, java.util.Map.of(), r -> {
        rows[0]++;
        return true;
      });
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /**
   * A sandbox of {@code bigRows} PathSim sessions (no linked Insights sessions) at zero latency: the
   * scan rate measured here, then the whole scan in a child JVM with the small heap.
   */
  private static void bigScan(BenchOptions o, Report report) throws SQLException {
    progress("generating " + o.bigRows() + " PathSim sessions");
    long t = System.nanoTime();
    try (Sandbox big = Sandbox.builder().seed(o.seed()).pathSimSessions(o.bigRows()).insightsSessions(0)
            .linkCalls(false).now(NOW).start();
        Connection c = DriverManager.getConnection(bigUrl(big, o));
        HandClient hand = new HandClient(big.pathSimUrl(), Sandbox.PATHSIM_KEY, big.insightsUrl(),
            Sandbox.INSIGHTS_KEY)) {
      report.bigGenerated((System.nanoTime() - t) / 1e6);
      progress("zero-latency scan of " + o.bigRows() + " rows");
      SuiteRunner runner = new SuiteRunner(big, c, hand, 1);
      report.scanRate(o.bigRows(), scanMs(runner, Math.min(3, o.runs())));
      progress("the hand-written client's zero-latency scan of " + o.bigRows() + " rows");
      report.handScanRate(handScanMs(hand));
      progress("the same scan in a child JVM with -Xmx" + o.bigHeap());
      big.requests().clear();
      ChildJvm.Line line = ChildJvm.run(List.of("-Xmx" + o.bigHeap()), ScanChild.class, "SCAN",
          bigUrl(big, o),
          "SELECT " + PathSimSuite.listColumns() + " FROM pathsim.sessions");
      report.bigScan(line.text(), big.requests().all().size());
    }
  }

  static String url(Sandbox s, BenchOptions o) {
    return "jdbc:convosql:pathsim.url=" + s.pathSimUrl() + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY
        + ";insights.url=" + s.insightsUrl() + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY
        + (o.driverProps().isEmpty() ? "" : ";" + o.driverProps());
  }

  /** {@link #url} for the large scans, which read the whole table on purpose: no request budget. */
  private static String bigUrl(Sandbox s, BenchOptions o) {
    return url(s, o) + ";maxRequestsPerStatement=0";
  }

  static void progress(String what) {
    System.err.println("[bench] " + what);
  }
}
