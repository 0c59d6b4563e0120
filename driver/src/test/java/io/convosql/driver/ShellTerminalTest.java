package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sqlline.Completions;

/**
 * The interactive shell on a simulated terminal (sqlline and JLine reading given streams): the first
 * prompt's hint, {@code !describe} and {@code !columns} with schema-qualified names, Ctrl-C at the
 * prompt, and what Tab offers.
 */
class ShellTerminalTest {
  private static ShellSqlLine completing;

  /** What one run of the shell printed and returned. */
  record Run(int exit, String out, String err) {}

  /** The shell reading {@code typed} as from a terminal. */
  static Run typed(String typed, boolean terminal, String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Shell.run(args, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        null, terminal);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void connectForCompletion() throws IOException {
    completing = Shell.configure(DriverFixture.url(), false, true);
    completing.setOutputStream(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    completing.setErrorStream(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    Completions.connect(completing, Shell.sqllineArgs(DriverFixture.url(), List.of(), null));
  }

  @AfterAll
  static void close() {
    Completions.close(completing);
  }

  @Test
  void theFirstPromptFollowsAHintOnListingTablesAndHelp() throws IOException {
    Run run = typed("!quit\n", true, "--url", DriverFixture.url());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err().lines()).containsExactly("sqlline version 1.12.0",
        "Type !tables to list the tables, !describe pathsim.sessions for a table's columns, !help for"
            + " the commands, !quit to leave; end SQL with ;");
  }

  @Test
  void aStatementWithMinusEPrintsNoBannerAndNoHint() throws IOException {
    Run run = typed("", false, "--url", DriverFixture.url(), "--outputformat=csv", "-e", "VALUES 1");
    assertThat(run.err()).doesNotContain("sqlline version").doesNotContain("!tables");
  }

  @Test
  void describeWithASchemaShowsThatTableOnly() throws IOException {
    Run run = typed("!describe insights.sessions\n!quit\n", false, "--url", DriverFixture.url(),
        "--outputformat=csv");
    assertThat(run.exit()).as(run.err()).isZero();
    List<String> rows = run.out().lines().filter(l -> l.startsWith("\"\",")).toList();
    assertThat(rows).hasSize(18).allMatch(l -> l.startsWith("\"\",\"insights\",\"sessions\","));
    assertThat(rows.get(0)).startsWith("\"\",\"insights\",\"sessions\",\"id\",\"12\",\"VARCHAR\"");
  }

  @Test
  void columnsWithASchemaAndAColumnPattern() throws IOException {
    Run run = typed("!columns insights.parameters value%\n!quit\n", false, "--url", DriverFixture.url(),
        "--outputformat=csv");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("\"\",")).map(l -> l.split(",")[3]))
        .containsExactly("\"value\"", "\"value_text\"");
  }

  @Test
  void ctrlCAtAnIdlePromptAfterAStatementPrintsNoError() throws Exception {
    PipedOutputStream keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = thread.submit(() -> Shell.run(new String[] {"--url", DriverFixture.url()}, in,
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
          null, true));
      keys.write("SELECT 1;\n".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      // Ctrl-C once the result is printed and the shell waits at its prompt again
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(out.toString(StandardCharsets.UTF_8).contains("| 1      |")
          && out.toString(StandardCharsets.UTF_8).endsWith("> ")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(200);
      keys.write("\u0003".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      Thread.sleep(200);
      keys.write("!quit\n".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    } finally {
      thread.shutdownNow();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("| 1      |");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Error").doesNotContain("closed");
  }

  @Test
  void tabOffersTablesSchemasColumnsAndFunctions() {
    assertThat(Completions.at(completing, "SELECT * FROM tra")).contains("transcript_lines");
    assertThat(Completions.at(completing, "SELECT * FROM insights.")).containsExactlyInAnyOrder(
        "insights.flow_path", "insights.sessions", "insights.transcript_lines", "insights.parameters",
        "insights.tags", "insights.collected_tags", "insights.collected_parameters", "insights.request_ids",
        "insights.node_tags", "insights.execution_parameters", "insights.altered_parameters");
    assertThat(Completions.at(completing, "SELECT insights.sessions.agent_n"))
        .containsExactly("insights.sessions.agent_name");
    assertThat(Completions.at(completing, "SELECT * FROM path")).contains("pathsim");
    assertThat(Completions.at(completing, "SELECT matc")).contains("matches");
    // PostgreSQL's, Oracle's and MySQL's that the default functions add
    assertThat(Completions.at(completing, "SELECT BTR")).contains("BTRIM");
    assertThat(Completions.at(completing, "SELECT TRUN")).contains("TRUNC", "TRUNCATE");
    assertThat(Completions.at(completing, "SELECT LOG")).contains("LOG2");
  }
}
