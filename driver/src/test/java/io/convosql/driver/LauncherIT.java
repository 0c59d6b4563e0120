package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/convosql} as users run it: its first run records a CDS archive next to the jar, its
 * second maps that archive, and both print the statement's result as {@code java -jar} does, byte
 * for byte and with the same exit status; a one-shot run through sqlline builds no native terminal.
 */
@Tag("shaded-jar")
class LauncherIT {
  private static final Path JAR = Path.of(System.getProperty("convosql.jar", "target/convosql-jdbc.jar"));
  private static final Path SCRIPT = Path.of(System.getProperty("convosql.launcher", "../bin/convosql"));

  /** What one run of the launcher printed and returned. */
  private record Run(int exit, String out, String err) {}

  /**
   * A copy of the jar that the tests of one-shot output share, and the launcher's first run on it,
   * the one that records its archive: recording takes several seconds, so it is done once.
   */
  @TempDir static Path shared;
  private static Path sharedJar;
  private static Run firstRun;

  @BeforeAll
  static void recordOnce() throws Exception {
    sharedJar = Files.copy(JAR, shared.resolve("convosql-jdbc.jar"));
    Files.setLastModifiedTime(sharedJar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    firstRun = run(sharedJar, shared, "");
  }

  /** Runs {@code sh bin/convosql --demo -e "VALUES 1"} on the given jar, with JAVA_OPTS. */
  private static Run run(Path jar, Path dir, String javaOpts) throws IOException, InterruptedException {
    return launch(jar, dir, javaOpts, "--demo", "-e", "VALUES 1");
  }

  /** Runs {@code sh bin/convosql} with the given arguments on the given jar, with JAVA_OPTS. */
  private static Run launch(Path jar, Path dir, String javaOpts, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CONVOSQL_JAR", jar.toString());
    builder.environment().put("JAVA_OPTS", javaOpts);
    return exec(ThisJava.forLauncher(builder, ThisJava.home()), dir);
  }

  /** Runs {@code java -jar} on the given jar with the given JVM options, then arguments. */
  private static Run javaJar(Path jar, Path dir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = ThisJava.command();
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    return exec(new ProcessBuilder(command), dir);
  }

  private static Run exec(ProcessBuilder builder, Path dir) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("did not exit within 180 s: " + builder.command()
          + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The archive the launcher records beside {@code convosql-jdbc.jar} when run by this JDK. */
  static String archiveName(String javaHome) throws IOException {
    return archiveName(javaHome, "convosql-jdbc");
  }

  /** The same, for an archive whose name starts with {@code base} ({@code convosql-jdbc.serve}: serve's). */
  static String archiveName(String javaHome, String base) throws IOException {
    String version = version(Path.of(javaHome));
    return base + ".jdk-" + version + (Runtime.Version.parse(version).feature() >= 25 ? ".aot" : ".jsa");
  }

  /** The JAVA_VERSION of a JDK's release file, as the launcher reads it. */
  private static String version(Path javaHome) throws IOException {
    return Files.readAllLines(javaHome.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
        .findFirst().orElseThrow().replaceAll("^JAVA_VERSION=\"|\"$", "");
  }

  private static void assertPrintsOneRow(Run run) {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly("+--------+", "| EXPR$0 |", "+--------+", "| 1      |",
        "+--------+");
    assertThat(run.err().strip()).matches("1 row selected \\([0-9.]+ seconds\\)");
  }

  @Test
  void theFirstRunRecordsTheArchiveAndTheSecondMapsIt() throws Exception {
    Path archive = shared.resolve(archiveName(System.getProperty("java.home")));
    assertPrintsOneRow(firstRun);
    assertThat(archive).isRegularFile();
    FileTime recorded = Files.getLastModifiedTime(archive);

    Path classes = shared.resolve("classes.log");
    assertPrintsOneRow(run(sharedJar, shared, "-Xlog:class+load=info:file=" + classes));
    assertThat(Files.getLastModifiedTime(archive)).as("the second run keeps the archive").isEqualTo(recorded);
    // The shell's own classes came from the archive, not from the jar.
    assertThat(Files.readAllLines(classes)).filteredOn(l -> l.contains(" io.convosql.driver.Shell "))
        .singleElement().asString().contains("source: shared objects file"); // "(top)" on JDK 17
  }

  /**
   * Every JDK this machine has (those under /usr/lib/jvm, and the one running the tests): the launcher
   * records the archive that JDK maps (an AOT cache from JDK 25 on), and prints the row with nothing
   * else on standard error; JDK 24 and later would print four lines about the shaded protobuf's use
   * of sun.misc.Unsafe.
   */
  @Test
  void everyJdkHereRecordsItsOwnArchiveAndPrintsNoWarning(@TempDir Path dir) throws Exception {
    Path jar = Files.copy(JAR, dir.resolve("convosql-jdbc.jar"));
    Set<Path> homes = new TreeSet<>(List.of(Path.of(System.getProperty("java.home")).toRealPath()));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (var all = Files.list(jvms)) {
        for (Path home : all.toList()) {
          if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(home.resolve("release"))
              && Runtime.Version.parse(version(home)).feature() >= 17) {
            homes.add(home.toRealPath());
          }
        }
      }
    }
    for (Path home : homes) {
      ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString(), "--demo", "-e", "VALUES 1");
      builder.environment().put("CONVOSQL_JAR", jar.toString());
      ThisJava.forLauncher(builder, home);
      builder.environment().put("JAVA_OPTS", "");
      assertPrintsOneRow(exec(builder, dir));
      assertThat(dir.resolve(archiveName(home.toString()))).as(home.toString()).isRegularFile();
      builder.environment().put("JAVA_OPTS", "-Xlog:class+load=info:file=" + dir.resolve("classes.log"));
      assertPrintsOneRow(exec(builder, dir));
      assertThat(Files.readAllLines(dir.resolve("classes.log"))).as(home.toString())
          .filteredOn(l -> l.contains(" io.convosql.driver.Shell ")).singleElement().asString()
          .contains("source: shared objects file");
      if (Runtime.Version.parse(version(home)).feature() >= 23) {
        // denied, protobuf cannot initialize: an error with its SQLState and a hint, no Java stack trace
        ProcessBuilder denied = new ProcessBuilder(home.resolve("bin/java").toString(),
            "--sun-misc-unsafe-memory-access=deny", "-jar", jar.toString(), "--demo", "-e", "VALUES 1");
        Run run = exec(denied, dir);
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines).as(home.toString()).hasSize(2).last().isEqualTo("No current connection");
        assertThat(lines.get(0)).startsWith("Error: Cannot open a convosql connection: the JVM could not"
            + " initialize a class it needs").contains("Hint: this JVM runs with --sun-misc-unsafe-memory-access=deny")
            .endsWith("(state=08001)");
      }
    }
  }

  @Test
  void aOneShotRunPrintsWhatJavaJarPrintsByteForByte() throws Exception {
    Path jar = sharedJar;
    Path dir = shared;
    String sql = "SELECT id, started_at, test_type FROM pathsim.sessions ORDER BY id LIMIT 3";
    for (String format : List.of("table", "csv", "json", "vertical")) {
      Run plain = javaJar(jar, dir, List.of(), "--demo", "--outputformat=" + format, "-e", sql);
      Run launched = launch(jar, dir, "", "--demo", "--outputformat=" + format, "-e", sql);
      assertThat(plain.exit()).as(plain.err()).isZero();
      assertThat(plain.out()).as(format).contains("started_at").isEqualTo(launched.out());
      assertThat(launched.exit()).isZero();
      assertThat(launched.err().strip()).as(format).matches("3 rows selected \\([0-9.]+ seconds\\)");
    }
  }

  @Test
  void aOneShotRunExitsWithTheShellsStatus() throws Exception {
    Path jar = sharedJar;
    Path dir = shared;
    Run error = launch(jar, dir, "", "--demo", "-e", "SELECT nope FROM pathsim.sessions");
    assertThat(error.exit()).isEqualTo(1);
    assertThat(error.out()).isEmpty();
    assertThat(error.err().strip()).isEqualTo("Error: Error while executing SQL \"SELECT nope FROM pathsim.sessions\":"
        + " From line 1, column 8 to line 1, column 11: Column 'nope' not found in any table (state=42000)");

    Run noUrl = launch(jar, dir, "", "-e", "VALUES 1");
    assertThat(noUrl.exit()).isEqualTo(2);
    assertThat(noUrl.err()).startsWith("convosql shell: SQL over the PathSim and Insights APIs");
  }

  @Test
  void aOneShotRunBuildsNoNativeTerminalAndStartsNoWarmUp(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes.log");
    // sqlline's own -e path, the one that builds a terminal (a plain -e builds none: OneShotIT)
    Run run = javaJar(JAR, dir, List.of("-Xlog:class+load=info:file=" + classes, "-D" + OneShot.SQLLINE + "=true"),
        "--demo", "-e", "VALUES 1");
    assertPrintsOneRow(run);
    List<String> loaded = Files.readAllLines(classes);
    assertThat(loaded).anyMatch(l -> l.contains(" org.jline.terminal.impl.ExternalTerminal "));
    assertThat(loaded).noneMatch(l -> l.contains("org.jline.terminal.impl.jna.")
        || l.contains("org.jline.terminal.impl.jansi.") || l.contains("com.sun.jna."));
    // the driver loaded, but its warm-up thread (a lambda of Warmup's) was never made
    assertThat(loaded).anyMatch(l -> l.contains(" io.convosql.driver.Warmup "));
    assertThat(loaded).noneMatch(l -> l.contains("io.convosql.driver.Warmup$$Lambda"));
  }
}
