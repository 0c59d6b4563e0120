package io.convosql.driver;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sandbox of one test class's own, for the reliability tests that change faults or latency (the
 * shared {@link DriverFixture#SANDBOX} is never changed), with a URL reaching both of its APIs the
 * way a user reaches the real ones. Data is fixed by the seed and "now", as in
 * {@link DriverFixture}.
 */
final class OwnSandbox {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
  /**
   * A bound on {@code session_start_time} that covers the last 58 days of the generated Insights
   * history: one window of the API, so one request per page. The data ends at {@link #NOW}, long
   * before the real clock, so an Insights query without both bounds would read empty windows.
   */
  static final String INSIGHTS_RANGE = "session_start_time BETWEEN TIMESTAMP '2025-07-05 00:00:00'"
      + " AND TIMESTAMP '2025-09-01 23:59:59'";

  private OwnSandbox() {}

  /** A sandbox with the given numbers of PathSim sessions and unlinked Insights sessions. */
  static Sandbox start(int pathSimSessions, int insightsSessions) {
    return Sandbox.builder().seed(11).pathSimSessions(pathSimSessions)
        .insightsSessions(insightsSessions).now(NOW).start();
  }

  /** A URL for both APIs of the sandbox with their keys, then more {@code name=value} pairs. */
  static String url(Sandbox sandbox, String... more) {
    StringBuilder b = new StringBuilder(ConvoSqlDriver.PREFIX)
        .append("pathsim.url=").append(sandbox.pathSimUrl())
        .append(";pathsim.apiKey=").append(Sandbox.PATHSIM_KEY)
        .append(";insights.url=").append(sandbox.insightsUrl())
        .append(";insights.apiKey=").append(Sandbox.INSIGHTS_KEY);
    for (String pair : more) {
      b.append(';').append(pair);
    }
    return b.toString();
  }

  static Connection connect(Sandbox sandbox, String... more) throws SQLException {
    return DriverManager.getConnection(url(sandbox, more));
  }

  /** The workspace with the most sessions. */
  static String busiestWorkspace(Sandbox sandbox) {
    return sandbox.pathSim().data().sessions().stream()
        .collect(Collectors.groupingBy(Session::workspaceId, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** The ids of the latest {@code count} sessions of one type in a workspace, latest first. */
  static List<String> latestIds(Sandbox sandbox, String workspaceId, TestType type, int count) {
    return sandbox.pathSim().data().sessions(workspaceId).stream()
        .filter(s -> s.testType() == type)
        .sorted(Session.ASCENDING.reversed())
        .limit(count).map(Session::id).toList();
  }

  /** The ids of Insights sessions in {@link #INSIGHTS_RANGE}, every {@code step}-th, by start. */
  static List<String> insightsIds(Sandbox sandbox, int step, int count) {
    List<String> ids = sandbox.insights().data().documents().stream()
        .filter(d -> d.get("session_start_time").asText().compareTo("2025-07-06") >= 0)
        .sorted(Comparator.comparing(d -> d.get("session_start_time").asText()))
        .map(d -> d.get("id").asText()).toList();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ids.size() && out.size() < count; i += step) {
      out.add(ids.get(i));
    }
    return out;
  }

  /** {@code ('a', 'b', ...)} for an SQL IN list. */
  static String inList(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "(", ")"));
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows a query returned before it ended, and the SQLException it ended with, if any: from
   * {@code executeQuery} or from any {@code next()}, so a failure after some rows shows as such.
   */
  record Outcome(List<String> rows, SQLException failure) {
    boolean failed() {
      return failure != null;
    }
  }

  static Outcome run(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      return read(() -> s.executeQuery(sql));
    } catch (SQLException e) {
      return new Outcome(List.of(), e);
    }
  }

  static Outcome run(Statement s, String sql) {
    return read(() -> s.executeQuery(sql));
  }

  static Outcome run(PreparedStatement s) {
    return read(s::executeQuery);
  }

  /** Something that opens a result set. */
  interface Query {
    ResultSet open() throws SQLException;
  }

  private static Outcome read(Query query) {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = query.open()) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          b.append(i > 1 ? "; " : "").append(rs.getString(i));
        }
        rows.add(b.toString());
      }
      return new Outcome(rows, null);
    } catch (SQLException e) {
      return new Outcome(rows, e);
    }
  }
}
