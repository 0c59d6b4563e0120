package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/convosql} as users run it: its first run records a CDS archive next to the jar, its
 * second maps that archive, and both print the statement's result as {@code java -jar} does.
 */
@Tag("shaded-jar")
class LauncherIT {
  private static final Path JAR = Path.of(System.getProperty("convosql.jar", "target/convosql-jdbc.jar"));
  private static final Path SCRIPT = Path.of(System.getProperty("convosql.launcher", "../bin/convosql"));

  /** What one run of the launcher printed and returned. */
  private record Run(int exit, String out, String err) {}

  /** Runs {@code sh bin/convosql --demo -e "VALUES 1"} on the given jar, with JAVA_OPTS. */
  private static Run run(Path jar, Path dir, String javaOpts) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString(), "--demo", "-e", "VALUES 1"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("CONVOSQL_JAR", jar.toString());
    builder.environment().put("JAVA_OPTS", javaOpts);
    // The JDK running the tests, first on the PATH, as the script runs `java`.
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
        + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("the launcher did not exit within 180 s: " + command
          + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void assertPrintsOneRow(Run run) {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly("+--------+", "| EXPR$0 |", "+--------+", "| 1      |",
        "+--------+");
    assertThat(run.err().strip()).matches("1 row selected \\([0-9.]+ seconds\\)");
  }

  @Test
  void theFirstRunRecordsTheArchiveAndTheSecondMapsIt(@TempDir Path dir) throws Exception {
    Path jar = Files.copy(JAR, dir.resolve("convosql-jdbc.jar"));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    Path archive = dir.resolve("convosql-jdbc.jsa");

    assertPrintsOneRow(run(jar, dir, ""));
    assertThat(archive).isRegularFile();
    FileTime recorded = Files.getLastModifiedTime(archive);

    Path classes = dir.resolve("classes.log");
    assertPrintsOneRow(run(jar, dir, "-Xlog:class+load=info:file=" + classes));
    assertThat(Files.getLastModifiedTime(archive)).as("the second run keeps the archive").isEqualTo(recorded);
    // The shell's own classes came from the archive, not from the jar.
    assertThat(Files.readAllLines(classes)).filteredOn(l -> l.contains(" io.convosql.driver.Shell "))
        .singleElement().asString().contains("source: shared objects file (top)");
  }
}
