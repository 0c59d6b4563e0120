package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.core.http.RequestRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shell for scripts (exact CSV and JSON with -e) and its progress line on a terminal. */
class ShellOutputTest {
  private static final String SQL = "SELECT 'a\"b, c' AS t, CAST(NULL AS VARCHAR) AS n, 1.5 AS d, 42 AS i,"
      + " TIMESTAMP '2025-01-02 03:04:05' AS ts, TRUE AS b FROM (VALUES 1)";
  private static final String ERASE = "\r\033[K";

  private record Run(int exit, String out, String err) {}

  private static Run run(Duration progress, String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Shell.run(args, null, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), progress, false);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void csvIsRfc4180() throws IOException {
    Run run = run(null, "--url", DriverFixture.url(), "--outputformat=csv", "-e", SQL);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(String.join(System.lineSeparator(),
        "\"t\",\"n\",\"d\",\"i\",\"ts\",\"b\"",
        "\"a\"\"b, c\",\"\",\"1.5\",\"42\",\"2025-01-02 03:04:05.0\",\"true\"", ""));
  }

  @Test
  void jsonIsOneDocument() throws IOException {
    Run run = run(null, "--url", DriverFixture.url(), "--outputformat=json", "-e", SQL);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(String.join(System.lineSeparator(), "{\"resultset\":[",
        "{\"t\":\"a\\\"b, c\",\"n\":null,\"d\":1.5,\"i\":42,\"ts\":\"2025-01-02 03:04:05.0\",\"b\":true}",
        "]}", ""));
  }

  @Test
  void aQueryOverTheApiPrintsItsRowsAsCsv() throws IOException {
    Run run = run(null, "--url", DriverFixture.url(), "--outputformat=csv", "-e",
        "SELECT name, is_active FROM pathsim.workspaces ORDER BY name");
    assertThat(run.exit()).as(run.err()).isZero();
    StringBuilder expected = new StringBuilder("\"name\",\"is_active\"").append(System.lineSeparator());
    DriverFixture.data().workspaces().stream()
        .sorted(java.util.Comparator.comparing(w -> w.name()))
        .forEach(w -> expected.append('"').append(w.name()).append("\",\"").append(w.active())
            .append('"').append(System.lineSeparator()));
    assertThat(run.out()).isEqualTo(expected.toString());
  }

  /** A row wider than any terminal: 300 characters, then a second column. */
  private static final String WIDE = "x".repeat(300);
  private static final String WIDE_SQL = "SELECT '" + WIDE + "' AS wide, 'last' AS next_col FROM (VALUES 1)";

  @Test
  void minusEPrintsWholeRowsInTheTableFormat() throws IOException {
    Run run = run(null, "--url", DriverFixture.url(), "-e", WIDE_SQL);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).contains("| " + WIDE + " | last     |");
  }

  @Test
  void minusEPrintsWholeRowsInEveryFormat() throws IOException {
    for (String format : new String[] {"table", "vertical", "csv", "tsv", "json", "ansiconsole", "xmlattr"}) {
      Run run = run(null, "--url", DriverFixture.url(), "--outputformat=" + format, "-e", WIDE_SQL);
      assertThat(run.exit()).as(format + ": " + run.err()).isZero();
      assertThat(run.out()).as(format).contains(WIDE).contains("last");
    }
  }

  @Test
  void withoutATerminalTheInteractiveShellPrintsWholeRowsToo() throws IOException {
    ShellTerminalTest.Run run = ShellTerminalTest.typed(WIDE_SQL + ";\n!quit\n", false, "--url", DriverFixture.url());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).contains("| " + WIDE + " | last     |");
  }

  @Test
  void onATerminalMaxWidthCutsRowsButExplainIsWhole() throws IOException {
    ShellTerminalTest.Run run = ShellTerminalTest.typed(WIDE_SQL + ";\n"
        + "EXPLAIN PLAN FOR SELECT id FROM pathsim.sessions WHERE test_type = 'Voice' LIMIT 5;\n"
        + WIDE_SQL + ";\n!quit\n", true, "--url", DriverFixture.url(), "--maxWidth=40");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("| xxx")))
        .containsExactly("| " + "x".repeat(36) + " |", "| " + "x".repeat(36) + " |");
    assertThat(run.out()).contains("request=[GET /workspaces; GET /workspaces/{each workspace}/sessions"
        + "?type=voice&limit=5&offset=0 (next pages: offset + pagination.limit while pagination.hasMore)],"
        + " estimate=[1 + 1 per 100 sessions of each workspace, up to the LIMIT's rows + up to 2 to learn how"
        + " Time writes dates (once per connection)])");
  }

  @Test
  void withoutATerminalThereIsNoProgress() throws IOException {
    Run run = run(null, "--url", DriverFixture.url(), "-e", "SELECT id FROM pathsim.sessions");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("fetched").doesNotContain("\r");
    assertThat(run.out()).doesNotContain("fetched");
  }

  @Test
  void onATerminalProgressShowsOnStandardErrorAndIsErasedBeforeTheResult() throws IOException {
    int workspaces = DriverFixture.data().workspaces().size();
    Run run = run(Duration.ZERO, "--url", DriverFixture.url(), "--outputformat=csv", "-e",
        "SELECT COUNT(*) AS n FROM pathsim.workspaces");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).startsWith(ERASE + "fetched 1 page, " + workspaces + " rows so far" + ERASE);
    assertThat(run.out()).isEqualTo("\"n\"" + System.lineSeparator() + "\"" + workspaces + "\""
        + System.lineSeparator());
  }

  @Test
  void theProgressLineCountsPagesAndRows() {
    assertThat(ScanProgress.format(1, 1)).isEqualTo("fetched 1 page, 1 row so far");
    assertThat(ScanProgress.format(12, 1150)).isEqualTo("fetched 12 pages, 1,150 rows so far");
    assertThat(ScanProgress.format(0, 0)).isEqualTo("fetched 0 pages, 0 rows so far");
  }

  @Test
  void theProgressLineWaitsBeforeShowingAndRepaintsAtMostEveryTenthOfASecond() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    ScanProgress p = new ScanProgress(new PrintStream(err, true, StandardCharsets.UTF_8),
        Duration.ofMillis(500), now::get);
    p.finished(page(100));
    now.set(Duration.ofMillis(400).toNanos());
    p.finished(page(100));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty(); // a short query stays quiet
    now.set(Duration.ofMillis(500).toNanos());
    p.finished(page(100));
    now.set(Duration.ofMillis(550).toNanos());
    p.finished(page(100)); // too soon to repaint
    now.set(Duration.ofMillis(600).toNanos());
    p.finished(page(7));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(ERASE + "fetched 3 pages, 300 rows so far"
        + ERASE + "fetched 5 pages, 407 rows so far");
    p.clear();
    p.clear();
    assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("407 rows so far" + ERASE);
    now.set(Duration.ofMillis(700).toNanos());
    p.finished(page(1)); // a new statement starts counting again
    assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("407 rows so far" + ERASE);
  }

  private static RequestRecord page(int rows) {
    return new RequestRecord(Instant.EPOCH, "PathSim", "GET", "/workspaces/w/sessions", Map.of(), 200, 1,
        1, rows, false);
  }
}
