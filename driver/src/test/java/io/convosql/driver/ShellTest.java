package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shell's own logic in-process: arguments, exit status, concise errors and URL redaction. */
class ShellTest {
  /** What one run of the shell printed and returned. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Shell.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpGoesToStandardOutput() throws IOException {
    Run run = run("--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(Shell.usage() + System.lineSeparator());
    assertThat(run.err()).isEmpty();
    // every place a key may come from, as docs/keys.md lists them
    assertThat(run.out()).contains("PATHSIM_API_KEY").contains("INSIGHTS_API_KEY").contains("~/.convosql/credentials");
  }

  @Test
  void withoutAConnectionTheUsageIsAnError() throws IOException {
    Run run = run("-e", "SELECT 1");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(Shell.usage() + System.lineSeparator());
  }

  @Test
  void aStatementPrintsItsRowsAndExitsZero() throws IOException {
    Run run = run("--url", DriverFixture.url(), "--outputformat=csv", "-e", "SELECT COUNT(*) AS n FROM pathsim.workspaces");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly("\"n\"", "\"" + DriverFixture.data().workspaces().size() + "\"");
  }

  @Test
  void anErrorIsItsMessageAloneAndExitsOne() throws IOException {
    Run run = run("--url", DriverFixture.url(), "-e", "SELECT nope FROM pathsim.workspaces");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("Error: Error while executing SQL \"SELECT nope FROM pathsim.workspaces\":"
        + " From line 1, column 8 to line 1, column 11: Column 'nope' not found in any table (state=42000)");
  }

  @Test
  void aStatementTheJvmCouldNotDecodeIsRefusedNotRun() {
    // what java -jar gets for -e "SELECT 'Grüße'" under LANG=C: the JVM decoded argv as ASCII
    String mangled = "SELECT 'Gr\uFFFD\uFFFD\uFFFD\uFFFDe'";
    assertThat(ArgumentEncoding.refusal(mangled, "ANSI_X3.4-1968")).isEqualTo("The -e statement holds"
        + " characters this JVM could not read: it decodes its arguments as ANSI_X3.4-1968 (the locale's"
        + " charset), not UTF-8, so they became U+FFFD. Run it under a UTF-8 locale (LC_ALL=C.UTF-8 java"
        + " -jar ...), through bin/convosql, which does that, or put the statement in a file and run it"
        + " with --run=file.sql");
    assertThat(ArgumentEncoding.refusal(mangled, "UTF-8")).isNull(); // a U+FFFD the user wrote
    assertThat(ArgumentEncoding.refusal("SELECT 'Grüße 日本'", "ANSI_X3.4-1968")).isNull(); // decoded
  }

  @Test
  void thePromptSaysConvosqlAndWhetherItIsTheSandbox() {
    assertThat(Shell.prompt("jdbc:convosql:demo=true")).isEqualTo("convosql demo> ");
    assertThat(Shell.prompt("jdbc:convosql:pathsim.apiKey=sk-12345678")).isEqualTo("convosql> ");
  }

  @Test
  void theSecretsToMaskAreTheKeysOfTheUrl() {
    assertThat(Shell.secrets("jdbc:convosql:demo=true")).isEmpty();
    assertThat(Shell.secrets("jdbc:convosql:pathsim.url=http://h/v1;pathsim.apiKey=sk-12345678;"
        + "Insights.ApiKey=short")).containsExactly("sk-12345678");
    assertThat(Shell.secrets("jdbc:convosql:pathsim.apiKey='unclosed"))
        .containsExactly("pathsim.apiKey='unclosed");
  }

  @Test
  void redactionHidesKeysOnly() {
    assertThat(Shell.redact("jdbc:convosql:demo=true")).isEqualTo("jdbc:convosql:demo=true");
    assertThat(Shell.redact("jdbc:convosql:pathsim.url=http://h/v1;pathsim.apiKey=sk-123"))
        .isEqualTo("jdbc:convosql:pathsim.apiKey=****;pathsim.url=http://h/v1");
    assertThat(Shell.redact("jdbc:convosql:pathsim.apiKey='a;b=c'")).isEqualTo("jdbc:convosql:pathsim.apiKey=****");
    assertThat(Shell.redact("jdbc:convosql:pathsim.apiKey='unclosed")).doesNotContain("unclosed");
  }
}
