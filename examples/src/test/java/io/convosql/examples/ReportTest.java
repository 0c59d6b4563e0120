package io.convosql.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report holds the figures an independent query computes, and needs nothing else to open. */
class ReportTest {
  private static final LocalDate FIRST = LocalDate.parse("2025-08-19");
  private static final LocalDate LAST = LocalDate.parse("2025-09-01");
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = Sandbox.builder().seed(3).pathSimSessions(500).insightsSessions(0)
        .now(Instant.parse("2025-09-01T18:00:00Z")).start();
    connection = DriverManager.getConnection("jdbc:convosql:requestsPerSecond=0;pathsim.url="
        + sandbox.pathSimUrl() + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY);
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  /** Per customer over the whole range, with another shape of query than the report's. */
  private static List<String> expectedSummaryRows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT virtual_customer, COUNT(*),"
            + " COUNT(CASE WHEN test_successful IS TRUE THEN 1 END), AVG(CAST(latency_avg_ms AS DOUBLE))"
            + " FROM pathsim.sessions WHERE started_at BETWEEN TIMESTAMP '2025-08-19 00:00:00'"
            + " AND TIMESTAMP '2025-09-01 23:59:59.999' GROUP BY virtual_customer ORDER BY virtual_customer")) {
      while (rs.next()) {
        long tests = rs.getLong(2);
        long passed = rs.getLong(3);
        double latency = rs.getDouble(4);
        String latencyCell = rs.wasNull() ? "–" : String.format(Locale.ROOT, "%.0f ms", latency);
        rows.add("<tr><td>" + rs.getString(1) + "</td><td class=\"n\">" + tests + "</td><td class=\"n\">" + passed
            + "</td><td class=\"n\">" + String.format(Locale.ROOT, "%.1f%%", 100.0 * passed / tests)
            + "</td><td class=\"n\">" + latencyCell + "</td></tr>");
      }
    }
    return rows;
  }

  @Test
  void thePageHoldsTheIndependentlyQueriedFiguresAndNeedsNothingElse(@TempDir Path dir)
      throws SQLException, IOException {
    Path out = dir.resolve("report.html");
    Report.write(connection, FIRST, LAST, out);
    String html = Files.readString(out, StandardCharsets.UTF_8);
    List<String> expected = expectedSummaryRows();
    assertThat(expected).hasSizeGreaterThan(5);
    String summary = html.substring(html.indexOf("<h2>Summary</h2>"), html.indexOf("<h2>By day</h2>"));
    assertThat(summary.lines().filter(l -> l.startsWith("<tr><td>")).toList()).isEqualTo(expected);
    assertThat(expected).anyMatch(r -> r.endsWith(" ms</td></tr>")).anyMatch(r -> r.endsWith("–</td></tr>"));
    long total;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pathsim.sessions WHERE started_at"
            + " >= TIMESTAMP '2025-08-19 00:00:00' AND started_at < TIMESTAMP '2025-09-02 00:00:00'")) {
      rs.next();
      total = rs.getLong(1);
    }
    assertThat(html).contains("2025-08-19 to 2025-09-01 (UTC): " + String.format(Locale.ROOT, "%,d", total)
        + " tests of " + expected.size() + " virtual customers.");
    // one day's cells of the grid, from a query of that day alone
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT virtual_customer, COUNT(*),"
            + " SUM(CASE WHEN test_successful = TRUE THEN 1 ELSE 0 END) FROM pathsim.sessions"
            + " WHERE started_at >= TIMESTAMP '2025-08-25 00:00:00' AND started_at < TIMESTAMP '2025-08-26 00:00:00'"
            + " GROUP BY virtual_customer")) {
      int days = 0;
      while (rs.next()) {
        days++;
        long tests = rs.getLong(2);
        long passed = rs.getLong(3);
        assertThat(html).contains("<title>" + rs.getString(1) + ", 2025-08-25: " + passed + " of " + tests
            + " passed (" + String.format(Locale.ROOT, "%.1f%%", 100.0 * passed / tests) + ")</title>");
        assertThat(html).contains(">" + passed + "/" + tests + "</text>");
      }
      assertThat(days).isGreaterThan(1);
    }
    // the latency panels: one per customer with a measured latency, titled with the summary's
    // average, the highest first
    List<String> panelOrder = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    java.util.regex.Matcher panel = java.util.regex.Pattern.compile("font-weight=\"600\">([^<]+)</text>"
        + "<text [^>]+>mean ([0-9]+) ms</text>").matcher(html);
    while (panel.find()) {
      panelOrder.add(panel.group(1));
      means.add(Double.parseDouble(panel.group(2)));
    }
    assertThat(panelOrder).hasSize((int) expected.stream().filter(r -> r.endsWith(" ms</td></tr>")).count());
    assertThat(means).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    for (int i = 0; i < panelOrder.size(); i++) {
      String name = panelOrder.get(i);
      String mean = String.format(Locale.ROOT, "%.0f ms", means.get(i));
      assertThat(expected).anyMatch(r -> r.startsWith("<tr><td>" + name + "</td>") && r.endsWith(mean + "</td></tr>"));
    }
    // self-contained: two inline charts, no script, nothing fetched
    assertThat(html.split("<svg ", -1)).hasSize(3);
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
        .doesNotContain("@import");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
  }

  /**
   * A period with more tests than the default request budget (one detail request per test) still
   * makes its page: {@code Report --demo} on the sandbox's 14 days is about 300 tests.
   */
  @Test
  void aPeriodOfMoreTestsThanTheDefaultRequestBudgetIsReported(@TempDir Path dir) throws Exception {
    try (Sandbox big = Sandbox.builder().seed(5).pathSimSessions(3000).insightsSessions(0)
            .now(Instant.parse("2025-09-01T18:00:00Z")).start();
        Connection c = Report.connect("jdbc:convosql:requestsPerSecond=0;pathsim.url=" + big.pathSimUrl()
            + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY)) {
      long tests;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pathsim.sessions WHERE started_at"
              + " >= TIMESTAMP '2025-08-19 00:00:00' AND started_at < TIMESTAMP '2025-09-02 00:00:00'")) {
        rs.next();
        tests = rs.getLong(1);
      }
      assertThat(tests).isGreaterThan(250);
      Path out = dir.resolve("report.html");
      Report.write(c, FIRST, LAST, out);
      assertThat(Files.readString(out, StandardCharsets.UTF_8))
          .contains("(UTC): " + String.format(Locale.ROOT, "%,d", tests) + " tests of ");
    }
  }

  @Test
  void aDayWithoutTestsBreaksTheLineAndThePeakIsMarkedWithItsValue() {
    String svg = SvgSmallMultiples.render("t", List.of("a", "b", "c", "d"),
        List.of(new SvgSmallMultiples.Series("x", java.util.Arrays.asList(1.0, null, 3.0, 2.0), 2.0),
            new SvgSmallMultiples.Series("y", java.util.Arrays.asList(null, 4.0, null, null), 4.0)), v -> v + " ms");
    assertThat(svg.split("<polyline", -1)).hasSize(4); // x: [1] and [3, 2]; y: [4]
    assertThat(svg).contains(">x</text>").contains(">mean 2.0 ms</text>").contains(">3.0 ms</text>")
        .contains(">y</text>").contains(">mean 4.0 ms</text>").contains(">every panel: a to d, from 0 to 5.0 ms</text>")
        .contains("<title>x, c: 3.0 ms</title>");
    assertThat(svg.split("fill=\"#e15759\"/>", -1)).as("one peak per panel").hasSize(3);
    assertThat(SvgHeatmap.colour(0)).isEqualTo("hsl(0,65%,72%)");
    assertThat(SvgHeatmap.colour(100)).isEqualTo("hsl(120,65%,72%)");
    assertThat(SvgSmallMultiples.niceCeiling(3)).isEqualTo(5);
    assertThat(SvgSmallMultiples.niceCeiling(180)).isEqualTo(200);
    assertThat(SvgSmallMultiples.niceCeiling(1000)).isEqualTo(1000);
    assertThat(Html.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  }

  @Test
  void withoutAnOutputFileThePageGoesToANewTemporaryFile(@TempDir Path dir) throws IOException {
    Path given = dir.resolve("r.html");
    assertThat(Report.target(given)).isEqualTo(given);
    Path temp = Report.target(null);
    try {
      assertThat(temp).exists().hasParent(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
      assertThat(temp.getFileName().toString()).startsWith("convosql-report-").endsWith(".html");
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
