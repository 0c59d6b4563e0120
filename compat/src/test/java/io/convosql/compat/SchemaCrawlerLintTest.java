package io.convosql.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.command.lint.options.LintReportOutputFormat;
import schemacrawler.tools.command.text.schema.options.TextOutputFormat;
import schemacrawler.tools.executable.SchemaCrawlerExecutable;
import schemacrawler.tools.options.OutputOptionsBuilder;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * SchemaCrawler 16 crawls the driver at its maximum info level and then runs its lint, as its
 * command line does ({@code --info-level=maximum --command=lint}), against a sandbox as large as the
 * demo's: the crawl finds every table and sends no request, the lint's {@code SELECT COUNT(*)} on
 * every table does not send thousands of requests, and neither logs a SEVERE line.
 */
class SchemaCrawlerLintTest {
  /** Sessions in each API, as in demo mode. */
  private static final int SESSIONS = 3000;
  /** Most requests the whole lint may send: sixteen tables, none of them read to its end. */
  private static final int MOST_LINT_REQUESTS = 1000;
  @TempDir
  static Path dir;
  private static Sandbox sandbox;
  private static Catalog catalog;
  private static List<String> crawlSevere;
  private static int crawlRequests;
  private static String report;
  private static List<String> lintSevere;
  private static List<LogRecord> lintWarnings;
  private static Map<String, Integer> lintRequests;
  private static int lintRequestCount;

  @BeforeAll
  static void crawlAndLint() throws Exception {
    sandbox = CompatSandbox.start(SESSIONS, SESSIONS);
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLoadOptions(LoadOptionsBuilder.builder()
            .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
    try (LogWatch log = LogWatch.start()) {
      DatabaseConnectionSource source = source();
      try {
        SchemaCrawlerExecutable crawl = new SchemaCrawlerExecutable("list");
        crawl.setSchemaCrawlerOptions(options);
        crawl.setOutputOptions(OutputOptionsBuilder.newOutputOptions(TextOutputFormat.text, dir.resolve("list.txt")));
        crawl.setDataSource(source);
        crawl.execute();
        catalog = crawl.getCatalog();
      } finally {
        source.close();
      }
      crawlSevere = log.lines(Level.SEVERE);
    }
    crawlRequests = sandbox.requests().all().size();
    sandbox.requests().clear();
    Path lint = dir.resolve("lint.txt");
    try (LogWatch log = LogWatch.start()) {
      DatabaseConnectionSource source = source();
      try {
        SchemaCrawlerExecutable executable = new SchemaCrawlerExecutable("lint");
        executable.setSchemaCrawlerOptions(options);
        executable.setOutputOptions(OutputOptionsBuilder.newOutputOptions(LintReportOutputFormat.text, lint));
        executable.setDataSource(source);
        executable.execute();
      } finally {
        source.close();
      }
      lintSevere = log.lines(Level.SEVERE);
      lintWarnings = log.records(Level.WARNING);
    }
    report = Files.readString(lint);
    lintRequestCount = sandbox.requests().all().size();
    lintRequests = CompatSandbox.byEndpoint(sandbox.requests().all());
  }

  /** A connection source as SchemaCrawler's command line makes one, with a user and password. */
  private static DatabaseConnectionSource source() {
    return DatabaseConnectionSources.newDatabaseConnectionSource(CompatSandbox.url(sandbox),
        new MultiUseUserCredentials("someone", "secret"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void theMaximumCrawlFindsEveryTableAndColumnWithoutARequestOrASevereLine() {
    Map<String, Integer> columns = new TreeMap<>();
    for (Table t : catalog.getTables()) {
      columns.put(t.getFullName(), t.getColumns().size());
      for (Column c : t.getColumns()) {
        assertThat(c.getColumnDataType().getName()).as(c.getFullName()).isNotBlank();
      }
    }
    assertThat(columns).containsKeys("convosql.requests", "insights.sessions", "insights.parameters",
        "insights.transcript_lines", "insights.collected_tags", "insights.collected_parameters",
        "insights.request_ids", "insights.node_tags", "insights.execution_parameters",
        "insights.altered_parameters", "pathsim.sessions", "pathsim.steps", "pathsim.recordings",
        "pathsim.transcript_lines", "pathsim.workspaces");
    assertThat(columns.get("pathsim.sessions")).isEqualTo(27);
    assertThat(crawlRequests).isZero();
    // "Abnormal termination - not all database connections are closed" was one (issue 14, item 4)
    assertThat(crawlSevere).isEmpty();
  }

  @Test
  void theLintReportsOnEveryTableWithoutASevereLine() {
    for (Table t : catalog.getTables()) {
      assertThat(report).as("the lint report").contains(t.getName());
    }
    assertThat(lintSevere).isEmpty();
  }

  /**
   * {@code SELECT COUNT(*)} on a child table once read every session's detail (3,033 requests for
   * each of transcript_lines, steps and recordings): now it is counted within a bound, or refused
   * before any request by the per-statement budget, which the lint logs as a warning naming it.
   */
  @Test
  void theLintsCountsDoNotSendThousandsOfRequests() {
    assertThat(lintRequestCount).as("requests sent by the lint, by endpoint: %s", lintRequests)
        .isLessThanOrEqualTo(MOST_LINT_REQUESTS);
    List<LogRecord> refusedCounts = lintWarnings.stream()
        .filter(r -> r.getLoggerName().endsWith("LinterTableEmpty")).toList();
    // the child tables' counts would each read every session's detail: the budget refuses them
    assertThat(refusedCounts).as("the lint's warnings on refused counts").isNotEmpty();
    for (LogRecord w : refusedCounts) {
      // SchemaCrawler wraps the driver's exception in one of its own (the message and the SQL, no
      // SQLState): the driver's is the one in the chain that says what the count would cost
      SQLException refused = null;
      for (Throwable t = w.getThrown(); t != null && refused == null; t = t.getCause()) {
        if (t instanceof SQLException e && e.getSQLState() != null) {
          refused = e;
        }
      }
      assertThat((Throwable) refused).as("the driver's SQLException behind: %s", w.getThrown()).isNotNull();
      assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("54000");
      assertThat(refused.getMessage()).as("a refused count names its cost and the property")
          .contains("requests", "maxRequestsPerStatement");
    }
  }
}
