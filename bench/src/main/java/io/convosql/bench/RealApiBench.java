package io.convosql.bench;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 13's measures, each at default settings beside the defaults before the adaptive limit
 * (requestsPerSecond=50, maxConcurrentRequests=8, retryMaxAttempts=4): detail hydration at 40 ms
 * against one request at a time; one query of hundreds of requests against a sandbox enforcing 20
 * requests/s per key; 16 connections of the JVM at once against the same limit. Each run gets a
 * sandbox of its own, so the shared limit starts afresh. Prints a Markdown table.
 */
public final class RealApiBench {
  static final String OLD = "requestsPerSecond=50;maxConcurrentRequests=8;retryMaxAttempts=4;"
      + "retryBudgetSeconds=120";
  static final String DETAILS = PathSimSuite.detailAggregate().sql();
  /** Every session's detail: about one request per session, plus the listing's pages. */
  static final String ALL_DETAILS = "SELECT workspace_id, COUNT(*), SUM(duration_seconds) FROM"
      + " pathsim.sessions GROUP BY workspace_id ORDER BY workspace_id";

  private RealApiBench() {}

  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder("| measure | settings | time | requests | answered 429"
        + " | answered/s | result |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    double serial = hydration(out, "one request at a time", "maxConcurrentRequests=1", 0);
    hydration(out, "defaults", "", serial);
    hydration(out, "old defaults", OLD, serial);
    for (String[] s : new String[][] {{"defaults", ""}, {"old defaults", OLD}}) {
      limited(out, "1 connection, 20 req/s per key", s[0], s[1], 300, 1);
      limited(out, "16 connections, 20 req/s per key", s[0], s[1], 30, 16);
    }
    System.out.println(out);
  }

  private static Sandbox sandbox(int sessions) {
    return Sandbox.builder().seed(42).pathSimSessions(sessions).insightsSessions(10)
        .now(Benchmark.NOW).latency(Duration.ofMillis(40)).start();
  }

  private static String url(Sandbox s, String props) {
    return "jdbc:convosql:pathsim.url=" + s.pathSimUrl() + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY
        + ";insights.url=" + s.insightsUrl() + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY
        + ";maxRequestsPerStatement=0" + (props.isEmpty() ? "" : ";" + props);
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        rows.add(b.toString());
      }
    }
    return rows;
  }

  /** Detail hydration on the benchmark's data; returns its time in ms. */
  private static double hydration(StringBuilder out, String name, String props, double serialMs)
      throws SQLException {
    try (Sandbox s = sandbox(3000); Connection c = DriverManager.getConnection(url(s, props))) {
      rows(c, DETAILS); // plans the query and warms the JVM
      s.requests().clear();
      long t0 = System.nanoTime();
      rows(c, DETAILS);
      double ms = (System.nanoTime() - t0) / 1e6;
      int requests = s.requests().all().size();
      String result = serialMs == 0 ? "1x" : String.format(Locale.ROOT, "%.1fx faster than one at a time",
          serialMs / ms);
      out.append(String.format(Locale.ROOT, "| detail hydration, 40 ms | %s | %.0f ms | %d | 0 | %.0f | %s |%n",
          name, ms, requests, requests / (ms / 1000), result));
      Benchmark.progress("hydration " + name + ": " + ms + " ms");
      return ms;
    }
  }

  /** {@code connections} connections at once, each reading the details of its sessions. */
  private static void limited(StringBuilder out, String measure, String name, String props,
      int sessionsEach, int connections) throws Exception {
    try (Sandbox s = sandbox(sessionsEach * connections)) {
      List<String> ids = s.pathSim().data().sessions().stream()
          .map(io.convosql.sandbox.pathsim.Session::id).sorted().toList();
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        queries.add(connections == 1 ? ALL_DETAILS : "SELECT id, duration_seconds FROM"
            + " pathsim.sessions WHERE id IN " + inList(ids.subList(i * sessionsEach,
            (i + 1) * sessionsEach)) + " ORDER BY id");
      }
      List<List<String>> expected = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(url(s, props))) {
        for (String q : queries) {
          expected.add(rows(c, q));
        }
      }
      s.requests().clear();
      s.setRateLimit(20);
      long refusedBefore = s.rateLimited();
      ExecutorService pool = Executors.newFixedThreadPool(connections);
      long t0 = System.nanoTime();
      List<Future<List<String>>> runs = new ArrayList<>();
      for (String q : queries) {
        runs.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url(s, props))) {
            return rows(c, q);
          }
        }));
      }
      String result = "exact";
      for (int i = 0; i < runs.size(); i++) {
        try {
          if (!runs.get(i).get().equals(expected.get(i))) {
            result = "DIFFERENT ANSWER";
          }
        } catch (java.util.concurrent.ExecutionException e) {
          result = "failed: " + e.getCause().getMessage().split("\\. Hint")[0];
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      pool.shutdownNow();
      int requests = s.requests().all().size();
      long refused = s.rateLimited() - refusedBefore;
      out.append(String.format(Locale.ROOT, "| %s | %s | %.1f s | %d | %d (%.1f%%) | %.1f | %s |%n",
          measure, name, seconds, requests, refused, 100.0 * refused / requests,
          (requests - refused) / seconds, result));
      Benchmark.progress(measure + " " + name + ": " + seconds + " s, " + requests + " requests, "
          + refused + " 429, " + result);
    }
  }

  private static String inList(List<String> values) {
    StringBuilder b = new StringBuilder("(");
    for (String v : values) {
      b.append(b.length() == 1 ? "" : ", ").append('\'').append(v).append('\'');
    }
    return b.append(')').toString();
  }
}
