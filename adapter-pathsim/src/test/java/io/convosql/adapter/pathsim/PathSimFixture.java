package io.convosql.adapter.pathsim;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.PathSimData;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * One sandbox shared by the PathSim tests (fixed seed and "now", so answers never change) and
 * connections to it with pushdown on or off; the sandbox's data is the oracle for expected rows.
 */
final class PathSimFixture {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
  static final Sandbox SANDBOX = Sandbox.builder().seed(11).pathSimSessions(2000).insightsSessions(50)
      .now(NOW).start();

  private PathSimFixture() {}

  static PathSimData data() {
    return SANDBOX.pathSim().data();
  }

  static Connection connect(boolean pushdown) throws SQLException {
    PathSimSchema schema = new PathSimSchema(HttpUrl.get(SANDBOX.pathSimUrl()), Sandbox.PATHSIM_KEY,
        TestHttp.settings(Duration.ofSeconds(10)), pushdown);
    return Sql.connect("pathsim", schema);
  }

  /** The requests PathSim received since the last {@link #clear()}, in compact form. */
  static List<String> requests() {
    return SANDBOX.requests().lines("pathsim");
  }

  static void clear() {
    SANDBOX.requests().clear();
  }

  /** The workspaces that have sessions, most sessions first. */
  static List<String> busyWorkspaces() {
    return data().sessions().stream()
        .collect(Collectors.groupingBy(Session::workspaceId, Collectors.counting()))
        .entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .map(java.util.Map.Entry::getKey).toList();
  }

  static List<Session> sessions(Predicate<Session> filter) {
    return data().sessions().stream().filter(filter).toList();
  }

  /** Session ids, sorted, for comparing with an unordered answer. */
  static List<String> sortedIds(List<Session> sessions) {
    return sessions.stream().map(Session::id).sorted().toList();
  }

  static List<Session> newestFirst(List<Session> sessions) {
    return sessions.stream().sorted(Session.ASCENDING.reversed()).toList();
  }

  /** A start time as JDBC shows a UTC wall-clock TIMESTAMP. */
  static String jdbcTime(Instant t) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }
}
