package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plain {@code -e} statement run by {@link OneShot} prints what sqlline prints for it, byte for
 * byte on standard output and standard error, with the same exit status, in every output format
 * sqlline has, with the options it takes, and on errors and warnings: each case runs in this JVM
 * twice, once as is and once with {@code -Dconvosql.shell.sqlline=true}. {@code OneShotIT} checks
 * the same through {@code bin/convosql} in fresh processes.
 */
class OneShotOutputTest {
  static final List<String> FORMATS = List.of("table", "vertical", "csv", "tsv", "json", "xmlattr",
      "xmlattrs", "xmlelements", "ansiconsole");
  /** NULLs of each kind, numbers, booleans, timestamps, dates, wide, unicode, quoted and control text. */
  static final String VALUES = "SELECT * FROM (VALUES"
      + " (1, 'a', CAST(NULL AS VARCHAR(3)), CAST(NULL AS INTEGER), TRUE, TIMESTAMP '2026-01-02 03:04:05',"
      + " DATE '2026-01-02', 1.5e0, CAST(2.50 AS DECIMAL(5,2)), 'héllo ünïcødé 日本', 'x\"y''z<&>]]>',"
      + " CAST(NULL AS TIMESTAMP), CAST(NULL AS BOOLEAN)),"
      + " (22, 'a much wider value here', 'b', 3, FALSE, TIMESTAMP '2026-01-02 03:04:05.123',"
      + " DATE '2026-12-31', -0.25e0, 0, '', 'tab\tand\nnewline', TIMESTAMP '2026-01-02 03:04:05', TRUE))"
      + " AS t(i, s, n, ni, b, ts, d, f, dec, u, q, nts, nb)";

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {}

  private static Run run(boolean sqlline, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    if (sqlline) {
      System.setProperty(OneShot.SQLLINE, "true");
    }
    try {
      int exit = Shell.run(args, null, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), null, false);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.clearProperty(OneShot.SQLLINE);
    }
  }

  /** Runs the arguments both ways and asserts the same bytes and status; returns the fast run. */
  private static Run assertSameAsSqlline(String... args) throws Exception {
    Run fast = run(false, args);
    Run sqlline = run(true, args);
    String what = String.join(" ", args);
    assertThat(fast.out()).as(what).isEqualTo(sqlline.out());
    assertThat(elapsed(fast.err())).as(what).isEqualTo(elapsed(sqlline.err()));
    assertThat(fast.exit()).as(what).isEqualTo(sqlline.exit());
    return fast;
  }

  /** Standard error with the elapsed time, the one thing two runs cannot share, made equal. */
  static String elapsed(String err) {
    return err.replaceAll("\\([0-9.]+ seconds\\)", "(N seconds)");
  }

  @Test
  void everyFormatPrintsTheSameBytesAsSqlline() throws Exception {
    for (String format : FORMATS) {
      Run run = assertSameAsSqlline("--demo", "--outputformat=" + format, "-e", VALUES);
      assertThat(run.out()).as(format).contains("日本");
      assertThat(run.err()).as(format).matches("2 rows selected \\([0-9.]+ seconds\\)\\R");
    }
  }

  @Test
  void aNullPrintsAsNothingWhateverItsType() throws Exception {
    // n, ni, nts and nb are NULL text, integer, timestamp and boolean in the first row
    for (String format : List.of("csv", "tsv")) {
      String first = assertSameAsSqlline("--demo", "--outputformat=" + format, "-e", VALUES).out().lines()
          .skip(1).findFirst().orElseThrow();
      String sep = format.equals("csv") ? "," : "\t";
      assertThat(first).as(format).startsWith("\"1\"" + sep + "\"a\"" + sep)
          .contains(sep + String.join(sep, "\"\"", "\"\"", "\"true\"") + sep)
          .endsWith(String.join(sep, "\"\"", "\"\""));
    }
    assertThat(assertSameAsSqlline("--demo", "-e", VALUES).out()).doesNotContainIgnoringCase("null");
    assertThat(assertSameAsSqlline("--demo", "--outputformat=json", "-e", VALUES).out())
        .contains("\"n\":null,\"ni\":null,", "\"nts\":null,\"nb\":null}");
    // asked for, a word
    assertThat(run(false, "--demo", "--nullValue=NULL", "--outputformat=csv", "-e", VALUES).out())
        .contains(",\"NULL\",\"NULL\",\"true\",");
  }

  @Test
  void emptyResultsAndOptionsPrintTheSameBytesAsSqlline() throws Exception {
    String empty = "SELECT id, started_at FROM pathsim.sessions WHERE 1 = 0";
    for (String format : List.of("table", "json", "xmlelements", "vertical")) {
      assertSameAsSqlline("--demo", "--outputformat=" + format, "-e", empty);
    }
    assertSameAsSqlline("--demo", "--showHeader=false", "-e", VALUES);
    assertSameAsSqlline("--demo", "--showHeader=false", "--outputformat=json", "-e", VALUES);
    assertSameAsSqlline("--demo", "--maxWidth=30", "-e", VALUES);
    assertSameAsSqlline("--demo", "--maxWidth=30", "--outputformat=ansiconsole", "-e", VALUES);
    assertThat(assertSameAsSqlline("--demo", "--showElapsedTime=false", "-e", "VALUES 1;").err())
        .isEqualTo("1 row selected" + System.lineSeparator());
    assertThat(assertSameAsSqlline("--demo", "--silent=true", "-e", "VALUES 1").err()).isEmpty();
  }

  @Test
  void errorsPrintTheSameBytesAndStatusAsSqlline() throws Exception {
    Run error = assertSameAsSqlline("--demo", "-e", "SELECT nope FROM pathsim.sessions");
    assertThat(error.exit()).isEqualTo(1);
    assertThat(error.err()).contains("Column 'nope' not found in any table (state=42000)");
    Run delete = assertSameAsSqlline("--demo", "-e", "DELETE FROM insights.sessions WHERE id = 'x'");
    assertThat(delete.exit()).isEqualTo(1);
    // a connection refused, with a key in the URL (sqlline is given a nickname for it); one attempt,
    // so that both paths make the same number of attempts (the default's jitter may not)
    Run refused = assertSameAsSqlline("--url",
        "jdbc:convosql:pathsim.url=http://127.0.0.1:1/v1;pathsim.apiKey=abcdefghijkl;retryMaxAttempts=1",
        "-e", "SELECT id FROM pathsim.sessions LIMIT 1");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).doesNotContain("abcdefghijkl");
    Run badUrl = assertSameAsSqlline("--url", "jdbc:convosql:bogus=1", "-e", "VALUES 1");
    assertThat(badUrl.err()).endsWith("No current connection" + System.lineSeparator());
  }

  @Test
  void aWarningPrintsAsSqllinePrintsItAtThePrompt() throws Exception {
    String sql = "SELECT id FROM insights.sessions ORDER BY id LIMIT 1";
    PrintStream processErr = System.err;
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    System.setErr(new PrintStream(trace, true, StandardCharsets.UTF_8)); // where stack traces go
    Run fast;
    Run sqlline;
    try {
      fast = run(false, "--demo", "-e", sql);
      sqlline = run(true, "--demo", "-e", sql);
    } finally {
      System.setErr(processErr);
    }
    assertThat(fast.out()).isEqualTo(sqlline.out());
    // the lookback window in the message is each run's clock
    assertThat(warningLines(fast.err())).isEqualTo(warningLines(sqlline.err()));
    assertThat(warningLines(fast.err())).containsExactly(
        "Warning: insights.sessions: the query has no lower bound on session_start_time, so only"
            + " sessions from T to T UTC were read (lookbackDays=60); add a condition such as"
            + " session_start_time >= TIMESTAMP '...' to read further back (state=01000,code=0)",
        "1 row selected (N seconds)");
    assertThat(trace.toString(StandardCharsets.UTF_8)).doesNotContain("SQLWarning", "\tat ");
    assertThat(fast.exit()).isZero();
  }

  static List<String> warningLines(String err) {
    return elapsed(err).lines().filter(l -> !l.startsWith("\tat "))
        .map(l -> l.replaceAll("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+", "T")).toList();
  }
}
