package io.convosql.driver;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.PathSimData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One sandbox shared by the driver tests (fixed seed and "now", so answers never change), reached the
 * way a user reaches a real API: {@code pathsim.url} and {@code pathsim.apiKey} through
 * {@link DriverManager}. Also renders results and failures as text.
 */
final class DriverFixture {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
  static final Sandbox SANDBOX = Sandbox.builder().seed(7).pathSimSessions(400).insightsSessions(20)
      .now(NOW).start();

  private DriverFixture() {}

  static PathSimData data() {
    return SANDBOX.pathSim().data();
  }

  /** A URL for the shared sandbox with the right key, followed by more {@code name=value} pairs. */
  static String url(String... more) {
    StringBuilder b = new StringBuilder(ConvoSqlDriver.PREFIX)
        .append("pathsim.url=").append(SANDBOX.pathSimUrl())
        .append(";pathsim.apiKey=").append(Sandbox.PATHSIM_KEY);
    for (String pair : more) {
      b.append(';').append(pair);
    }
    return b.toString();
  }

  static Connection connect(String... more) throws SQLException {
    return DriverManager.getConnection(url(more));
  }

  /** Each row as its values joined by "; " (NULL as "null"). */
  static List<String> rows(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            b.append(i > 1 ? "; " : "").append(rs.getString(i));
          }
          out.add(b.toString());
        }
        return out;
      }
    }
  }

  /** The SQLException a query fails with; an assertion error when it does not fail. */
  static Throwable queryFailure(Connection c, String sql) {
    try {
      rows(c, sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("the query did not fail: " + sql);
  }

  /**
   * Runs the SQL on the shared sandbox under {@code maxRequestsPerStatement=budget}, its request log
   * cleared first: null when it ran, else its SQLException.
   */
  static SQLException runUnderBudget(String sql, long budget) {
    SANDBOX.requests().clearWhenQuiet(Duration.ofMillis(200));
    try (Connection c = connect("maxRequestsPerStatement=" + budget)) {
      rows(c, sql);
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  /** The SQLException opening a connection fails with; an assertion error when it opens. */
  static Throwable connectFailure(String url, Properties info) {
    try (Connection c = DriverManager.getConnection(url, info)) {
      throw new AssertionError("the connection opened: " + url + " " + info);
    } catch (SQLException e) {
      return e;
    }
  }

  static Throwable connectFailure(String url) {
    return connectFailure(url, new Properties());
  }

  /** Everything a user or a log could see of an exception: messages and stack traces of the chain. */
  static String fullText(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    StringBuilder b = new StringBuilder(w.toString());
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      b.append('\n').append(t).append('\n').append(t.getLocalizedMessage());
    }
    return b.toString();
  }

  /** An instant as JDBC shows a UTC wall-clock TIMESTAMP(3): {@code 2025-08-01 10:15:00.000}. */
  static String wallClock(Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }
}
