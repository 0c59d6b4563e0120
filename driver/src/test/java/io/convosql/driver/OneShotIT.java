package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code -e} statement run by {@link OneShot} prints what sqlline prints for it, byte for
 * byte on standard output and standard error, with the same exit status, in every output format
 * sqlline has; and it loads no JLine line reader, completer or sqlline option class. Each run is a
 * fresh {@code bin/convosql} process, once as is and once with {@code -Dconvosql.shell.sqlline=true}.
 */
@Tag("shaded-jar")
class OneShotIT {
  private static final Path JAR = Path.of(System.getProperty("convosql.jar", "target/convosql-jdbc.jar"));
  private static final Path SCRIPT = Path.of(System.getProperty("convosql.launcher", "../bin/convosql"));
  private static final List<String> FORMATS = List.of("table", "vertical", "csv", "tsv", "json", "xmlattr",
      "xmlattrs", "xmlelements", "ansiconsole");
  /** NULLs of each kind, numbers, booleans, timestamps, dates, wide, unicode, quoted and control text. */
  private static final String VALUES = "SELECT * FROM (VALUES"
      + " (1, 'a', CAST(NULL AS VARCHAR(3)), CAST(NULL AS INTEGER), TRUE, TIMESTAMP '2026-01-02 03:04:05',"
      + " DATE '2026-01-02', 1.5e0, CAST(2.50 AS DECIMAL(5,2)), 'héllo ünïcødé 日本', 'x\"y''z<&>]]>',"
      + " CAST(NULL AS TIMESTAMP), CAST(NULL AS BOOLEAN)),"
      + " (22, 'a much wider value here', 'b', 3, FALSE, TIMESTAMP '2026-01-02 03:04:05.123',"
      + " DATE '2026-12-31', -0.25e0, 0, '', 'tab\tand\nnewline', TIMESTAMP '2026-01-02 03:04:05', TRUE))"
      + " AS t(i, s, n, ni, b, ts, d, f, dec, u, q, nts, nb)";

  @TempDir static Path dir;
  private static Path jar;

  /** What one run printed and returned. */
  private record Run(int exit, String out, String err) {}

  @BeforeAll
  static void recordTheArchive() throws Exception {
    jar = Files.copy(JAR, dir.resolve("convosql-jdbc.jar"));
    launch("", "--demo", "-e", "VALUES 1");
  }

  private static Run launch(String javaOpts, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CONVOSQL_JAR", jar.toString());
    builder.environment().put("JAVA_OPTS", javaOpts);
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
        + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("did not exit within 180 s: " + builder.command());
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Runs the arguments both ways and asserts the same bytes and status; returns the fast run. */
  private static Run assertSameAsSqlline(String... args) throws Exception {
    Run fast = launch("", args);
    Run sqlline = launch("-D" + OneShot.SQLLINE + "=true", args);
    String what = String.join(" ", args);
    assertThat(fast.out()).as(what).isEqualTo(sqlline.out());
    assertThat(elapsed(fast.err())).as(what).isEqualTo(elapsed(sqlline.err()));
    assertThat(fast.exit()).as(what).isEqualTo(sqlline.exit());
    return fast;
  }

  /** Standard error with the elapsed time, the one thing two runs cannot share, made equal. */
  private static String elapsed(String err) {
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
    // a connection refused, with a key in the URL (sqlline is given a nickname for it)
    Run refused = assertSameAsSqlline("--url", "jdbc:convosql:pathsim.url=http://127.0.0.1:1/v1;pathsim.apiKey=abcdefghijkl",
        "-e", "SELECT id FROM pathsim.sessions LIMIT 1");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).doesNotContain("abcdefghijkl");
    Run badUrl = assertSameAsSqlline("--url", "jdbc:convosql:bogus=1", "-e", "VALUES 1");
    assertThat(badUrl.err()).endsWith("No current connection" + System.lineSeparator());
  }

  @Test
  void aWarningPrintsAsSqllinePrintsIt() throws Exception {
    String sql = "SELECT id FROM insights.sessions ORDER BY id LIMIT 1";
    Run fast = launch("", "--demo", "-e", sql);
    Run sqlline = launch("-D" + OneShot.SQLLINE + "=true", "--demo", "-e", sql);
    assertThat(fast.out()).isEqualTo(sqlline.out());
    // sqlline prints a -e warning's stack trace too: the frames below the driver are each path's own,
    // and the lookback window in the message is each run's clock
    assertThat(warningLines(fast.err())).isEqualTo(warningLines(sqlline.err()));
    assertThat(fast.err()).startsWith("Warning: insights.sessions: the query has no lower bound")
        .contains("java.sql.SQLWarning: ", "\tat ").endsWith(" seconds)" + System.lineSeparator());
  }

  private static List<String> warningLines(String err) {
    return elapsed(err).lines().filter(l -> !l.startsWith("\tat "))
        .map(l -> l.replaceAll("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+", "T")).toList();
  }

  @Test
  void aPlainOneShotLoadsNoLineReaderCompleterOrSqllineOptions() throws Exception {
    Path classes = dir.resolve("classes.log");
    Run fast = launch("-Xlog:class+load=info:file=" + classes, "--demo", "-e", "VALUES 1");
    assertThat(fast.exit()).as(fast.err()).isZero();
    List<String> loaded = Files.readAllLines(classes);
    assertThat(loaded).anyMatch(l -> l.contains(" io.convosql.driver.OneShot "));
    assertThat(loaded).noneMatch(l -> l.contains(" org.jline.reader.") || l.contains(" org.jline.terminal.")
        || l.contains("Completer ") || l.contains(" sqlline.SqlLineOpts ") || l.contains(" sqlline.Application "));

    // sqlline's own path, forced, does load them: what the fast path leaves out
    launch("-D" + OneShot.SQLLINE + "=true -Xlog:class+load=info:file=" + classes, "--demo", "-e", "VALUES 1");
    assertThat(Files.readAllLines(classes)).anyMatch(l -> l.contains(" org.jline.reader.impl.LineReaderImpl "))
        .anyMatch(l -> l.contains(" sqlline.SqlLineOpts "));
  }
}
