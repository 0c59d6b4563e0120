package io.convosql.driver.differential;

import io.convosql.driver.ConvoSqlDriver;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A sandbox with a fixed seed and "now", and two connections to it: one with pushdown and one with
 * {@code pushdown=false}. Both modes of a query read the same sandbox, so values holding its URL
 * (such as download_url) agree, and the requests of each mode are counted by running the modes one
 * after the other.
 *
 * <p>The driver reads "now" for the Insights lookback window from the system clock, while the
 * sandbox's data ends at a fixed instant in the past; {@code insights.lookbackDays} is therefore
 * set to reach from today back past the oldest generated session, so that a query without a lower
 * bound on session_start_time reads every session in both modes.
 */
final class DiffEnvironment implements AutoCloseable {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
  /** The Insights sandbox generates sessions over the 180 days before its "now". */
  private static final int INSIGHTS_HISTORY_DAYS = 180;

  final long dataSeed;
  private final int pathSimRequested;
  private final int insightsRequested;
  final Sandbox sandbox;
  private final String more;
  final int lookbackDays;
  final Connection pushed;
  final Connection plain;

  DiffEnvironment(long dataSeed, int pathSimSessions, int insightsSessions) {
    this(dataSeed, pathSimSessions, insightsSessions, "");
  }

  /** {@code more} is appended to both connections' URLs: {@code ;name=value...}. */
  DiffEnvironment(long dataSeed, int pathSimSessions, int insightsSessions, String more) {
    this.more = more;
    this.dataSeed = dataSeed;
    this.pathSimRequested = pathSimSessions;
    this.insightsRequested = insightsSessions;
    this.sandbox = Sandbox.builder().seed(dataSeed).pathSimSessions(pathSimSessions)
        .insightsSessions(insightsSessions).now(NOW).start();
    AlteredSessions.addTo(sandbox);
    Instant oldest = NOW.minus(INSIGHTS_HISTORY_DAYS + 1, ChronoUnit.DAYS);
    this.lookbackDays = (int) Duration.between(oldest, Instant.now()).toDays() + 2;
    try {
      this.pushed = connect(true);
      this.plain = connect(false);
    } catch (SQLException e) {
      sandbox.close();
      throw new IllegalStateException("cannot connect to the sandbox", e);
    }
  }

  static String url(Sandbox s, int lookbackDays, boolean pushdown) {
    return ConvoSqlDriver.PREFIX + "pathsim.url=" + s.pathSimUrl() + ";pathsim.apiKey="
        + Sandbox.PATHSIM_KEY + ";insights.url=" + s.insightsUrl() + ";insights.apiKey="
        + Sandbox.INSIGHTS_KEY + ";insights.lookbackDays=" + lookbackDays + ";pushdown=" + pushdown
        + ";requestsPerSecond=0" // the sandbox is local: no client-side rate limit
        + ";maxRequestsPerStatement=0"; // answers are compared, not costs: whole tables are read
  }

  private Connection connect(boolean pushdown) throws SQLException {
    return DriverManager.getConnection(url(sandbox, lookbackDays, pushdown) + more);
  }

  /** The system properties that rebuild this data. */
  String dataProperties() {
    return "-Dconvosql.diff.dataSeed=" + dataSeed + " -Dconvosql.diff.pathSimSessions="
        + pathSimRequested + " -Dconvosql.diff.insightsSessions=" + insightsRequested;
  }

  int pathSimSessions() {
    return sandbox.pathSim().data().sessions().size();
  }

  int insightsSessions() {
    return sandbox.insights().data().size();
  }

  /** The requests the sandbox served since the last call; clears its log. */
  int takeRequests() {
    int n = sandbox.requests().all().size();
    sandbox.requests().clear();
    return n;
  }

  @Override
  public void close() throws SQLException {
    try (sandbox; Connection a = pushed; Connection b = plain) {
      // closes both connections, then the sandbox
    }
  }
}
