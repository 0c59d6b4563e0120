package io.convosql.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An HTML report of PathSim test results built from SQL through the driver: passed tests by virtual
 * customer and day as a grid, and each customer's average far-end latency by day as small multiples,
 * drawn as inline SVG in one file that needs nothing else to open.
 *
 * <pre>
 * java -cp examples/target/convosql-examples.jar:driver/target/convosql-jdbc.jar \
 *     io.convosql.examples.Report --demo [out.html]
 * </pre>
 *
 * <p>{@code --url 'jdbc:convosql:…'} instead of {@code --demo} for the real API, {@code --days N}
 * for the last N whole days (14 by default, up to yesterday, UTC). Without an output file the page
 * goes to a new temporary file; the path written is printed.
 */
public final class Report {
  /** The report's one query: every test in the date range, by virtual customer and day. */
  static final String SQL = String.join("\n",
      "SELECT virtual_customer,",
      "       CAST(started_at AS DATE) AS \"day\",",
      "       COUNT(*) AS tests,",
      "       SUM(CASE WHEN test_successful THEN 1 ELSE 0 END) AS passed,",
      "       SUM(CAST(latency_avg_ms AS BIGINT)) AS latency_sum_ms,",
      "       COUNT(latency_avg_ms) AS latency_tests",
      "FROM pathsim.sessions",
      "WHERE started_at >= ? AND started_at < ?",
      "GROUP BY virtual_customer, CAST(started_at AS DATE)",
      "ORDER BY virtual_customer, 2");

  private Report() {}

  public static void main(String[] args) throws SQLException, IOException {
    String url = null;
    Path out = null;
    int days = 14;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--demo" -> url = "jdbc:convosql:demo=true";
        case "--url" -> url = args[++i];
        case "--days" -> days = Integer.parseInt(args[++i]);
        default -> out = Path.of(args[i]);
      }
    }
    if (url == null || days < 1) {
      System.err.println("usage: Report (--demo | --url 'jdbc:convosql:…') [--days N] [out.html]");
      System.exit(2);
      return;
    }
    LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1); // whole days only
    LocalDate first = last.minusDays(days - 1L);
    Path target = target(out);
    try (Connection c = connect(url)) {
      write(c, first, last, target);
    }
    System.out.println("wrote " + target.toAbsolutePath());
  }

  /**
   * A connection on {@code url} without the default request budget: the report knowingly reads
   * every test of the period, one detail request each (about 300 for the demo's 14 days, more than
   * the default 250). A {@code maxRequestsPerStatement} in the URL still wins.
   */
  static Connection connect(String url) throws SQLException {
    Properties info = new Properties();
    info.setProperty("maxRequestsPerStatement", "0");
    return DriverManager.getConnection(url, info);
  }

  /** The file to write: the one given, or a new temporary file, never a fixed name in the working directory. */
  static Path target(Path given) throws IOException {
    return given != null ? given : Files.createTempFile("convosql-report-", ".html");
  }

  /** Queries the days {@code first} to {@code last} (UTC, both included) and writes the page. */
  static void write(Connection c, LocalDate first, LocalDate last, Path out) throws SQLException, IOException {
    List<DayStats> stats = query(c, first, last);
    Files.writeString(out, ReportPage.render(first, last, stats, SQL), StandardCharsets.UTF_8);
  }

  static List<DayStats> query(Connection c, LocalDate first, LocalDate last) throws SQLException {
    List<DayStats> stats = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setTimestamp(1, Timestamp.valueOf(first.atStartOfDay()));
      s.setTimestamp(2, Timestamp.valueOf(last.plusDays(1).atStartOfDay()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String customer = rs.getString(1);
          stats.add(new DayStats(customer == null ? "(none)" : customer, LocalDate.parse(rs.getString(2)),
              rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }
      }
    }
    return stats;
  }
}
