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
 * Through {@code bin/convosql} in fresh processes, a plain {@code -e} statement run by {@link OneShot}
 * prints what sqlline prints for it, byte for byte on standard output and standard error, with the
 * same exit status (every format, option, error and warning is compared in one JVM by
 * {@link OneShotOutputTest}); and it loads no JLine line reader, completer or sqlline option class.
 * Each run is once as is and once with {@code -Dconvosql.shell.sqlline=true}.
 */
@Tag("shaded-jar")
class OneShotIT {
  private static final Path JAR = Path.of(System.getProperty("convosql.jar", "target/convosql-jdbc.jar"));
  private static final Path SCRIPT = Path.of(System.getProperty("convosql.launcher", "../bin/convosql"));
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
    ThisJava.forLauncher(builder, ThisJava.home());
    return exec(builder);
  }

  /** The builder's process under the C locale, whose charset is ASCII, as in many containers. */
  private static ProcessBuilder underTheCLocale(ProcessBuilder builder) {
    builder.environment().keySet().removeIf(k -> k.startsWith("LC_"));
    builder.environment().put("LANG", "C");
    return builder;
  }

  private static Run exec(ProcessBuilder builder) throws IOException, InterruptedException {
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

  private static String elapsed(String err) {
    return OneShotOutputTest.elapsed(err);
  }

  @Test
  void aFreshProcessPrintsTheSameBytesAsSqllineInTextAndDocumentFormats() throws Exception {
    for (String format : List.of("table", "json")) {
      Run run = assertSameAsSqlline("--demo", "--outputformat=" + format, "-e", OneShotOutputTest.VALUES);
      assertThat(run.out()).as(format).contains("日本");
      assertThat(run.err()).as(format).matches("2 rows selected \\([0-9.]+ seconds\\)\\R");
    }
  }

  @Test
  void underTheCLocaleTheLauncherReadsNonAsciiAndJavaJarRefusesWhatItCouldNotRead() throws Exception {
    String sql = "SELECT 'Grüße 日本' AS t, CHAR_LENGTH('Grüße') AS n";
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString(), "--demo", "--outputformat=csv",
        "-e", sql));
    ProcessBuilder launcher = underTheCLocale(new ProcessBuilder(command));
    launcher.environment().put("CONVOSQL_JAR", jar.toString());
    launcher.environment().put("JAVA_OPTS", "");
    ThisJava.forLauncher(launcher, ThisJava.home());
    Run run = exec(launcher);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly("\"t\",\"n\"", "\"Grüße 日本\",\"5\"");

    command = ThisJava.command();
    command.addAll(List.of("-jar", jar.toString(), "--demo", "--outputformat=csv", "-e", sql));
    Run plain = exec(underTheCLocale(new ProcessBuilder(command)));
    assertThat(plain.exit()).isEqualTo(2);
    assertThat(plain.out()).isEmpty();
    assertThat(plain.err()).startsWith("The -e statement holds characters this JVM could not read: it"
        + " decodes its arguments as ").contains("Run it under a UTF-8 locale (LC_ALL=C.UTF-8 java -jar ...)");
  }

  @Test
  void aFreshProcessExitsWithSqllinesStatusOnAnError() throws Exception {
    Run error = assertSameAsSqlline("--demo", "-e", "SELECT nope FROM pathsim.sessions");
    assertThat(error.exit()).isEqualTo(1);
    assertThat(error.err()).contains("Column 'nope' not found in any table (state=42000)");
  }

  @Test
  void aWarningPrintsAsSqllinePrintsIt() throws Exception {
    String sql = "SELECT id FROM insights.sessions ORDER BY id LIMIT 1";
    Run fast = launch("", "--demo", "-e", sql);
    Run sqlline = launch("-D" + OneShot.SQLLINE + "=true", "--demo", "-e", sql);
    assertThat(fast.out()).isEqualTo(sqlline.out());
    // the lookback window in the message is each run's clock; a warning is one line, as at the prompt
    assertThat(OneShotOutputTest.warningLines(fast.err())).isEqualTo(OneShotOutputTest.warningLines(sqlline.err()));
    assertThat(fast.err()).startsWith("Warning: insights.sessions: the query has no lower bound")
        .endsWith(" seconds)" + System.lineSeparator());
    assertThat(fast.err() + sqlline.err()).doesNotContain("SQLWarning", "\tat ");
    assertThat(fast.err().lines()).hasSize(2);
  }

  @Test
  void aScriptsWarningIsOneLineAndVerboseAddsItsStackTrace() throws Exception {
    Path script = dir.resolve("warning.sql");
    Files.writeString(script, "SELECT id FROM insights.sessions ORDER BY id LIMIT 1;\n");
    Run quiet = launch("", "--demo", "--run=" + script);
    assertThat(quiet.exit()).as(quiet.err()).isZero();
    assertThat(quiet.err()).containsOnlyOnce("Warning: insights.sessions: the query has no lower bound")
        .doesNotContain("SQLWarning", "\tat ");
    Run verbose = launch("", "--demo", "--verbose=true", "--run=" + script);
    assertThat(verbose.exit()).as(verbose.err()).isZero();
    assertThat(verbose.err()).contains("java.sql.SQLWarning: insights.sessions: the query has no lower bound", "\tat ");
  }

  @Test
  void aPlainOneShotLoadsNoLineReaderCompleterOrSqllineOptions() throws Exception {
    Path classes = dir.resolve("classes.log");
    // JDK 25's AOT cache loads every class it holds as the JVM starts, used or not: read a run without it
    String noCache = Runtime.version().feature() >= 25 ? "-XX:AOTMode=off " : "";
    Run fast = launch(noCache + "-Xlog:class+load=info:file=" + classes, "--demo", "-e", "VALUES 1");
    assertThat(fast.exit()).as(fast.err()).isZero();
    List<String> loaded = Files.readAllLines(classes);
    assertThat(loaded).anyMatch(l -> l.contains(" io.convosql.driver.OneShot "));
    assertThat(loaded).noneMatch(l -> l.contains(" org.jline.reader.") || l.contains(" org.jline.terminal.")
        || l.contains("Completer ") || l.contains(" sqlline.SqlLineOpts ") || l.contains(" sqlline.Application "));

    // sqlline's own path, forced, does load them: what the fast path leaves out
    launch(noCache + "-D" + OneShot.SQLLINE + "=true -Xlog:class+load=info:file=" + classes, "--demo", "-e", "VALUES 1");
    assertThat(Files.readAllLines(classes)).anyMatch(l -> l.contains(" org.jline.reader.impl.LineReaderImpl "))
        .anyMatch(l -> l.contains(" sqlline.SqlLineOpts "));
  }
  @Test
  void theArchiveHoldsBothPathsAndAOneShotBuildsNoCacheOrOtherDriver() throws Exception {
    Path classes = dir.resolve("archived.log");
    String pathsim = "SELECT id, started_at FROM pathsim.sessions LIMIT 1";
    Run fast = launch("-Xlog:class+load=info:file=" + classes, "--demo", "-e", pathsim);
    assertThat(fast.exit()).as(fast.err()).isZero();
    List<String> loaded = Files.readAllLines(classes);
    // recorded through both paths: the one-shot's own classes come from the archive too
    assertThat(loaded).filteredOn(l -> l.contains(" io.convosql.driver.OneShotFormat "))
        .singleElement().asString().contains("shared objects file");
    // one statement: no plan cache (Caffeine), and the driver itself rather than DriverManager,
    // which would load every driver the jar lists. JDK 25's AOT cache loads every class it holds
    // as the JVM starts, used or not (sqlline's path, also recorded, uses both): read a run without it
    if (Runtime.version().feature() >= 25) {
      launch("-XX:AOTMode=off -Xlog:class+load=info:file=" + classes, "--demo", "-e", pathsim);
      loaded = Files.readAllLines(classes);
    }
    assertThat(loaded).noneMatch(l -> l.contains(".shaded.caffeine.")
        || l.contains(" org.apache.calcite.avatica.remote.Driver "));

    launch("-D" + OneShot.SQLLINE + "=true -Xlog:class+load=info:file=" + classes, "--demo", "-e", pathsim);
    assertThat(Files.readAllLines(classes)).filteredOn(l -> l.contains(" sqlline.SqlLineOpts "))
        .singleElement().asString().contains("shared objects file");
  }
}
