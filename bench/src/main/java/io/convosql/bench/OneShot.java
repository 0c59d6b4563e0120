package io.convosql.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-shot shell as users run it, in child processes: {@code bin/convosql ... -e SQL} (its CDS
 * archive recorded by a first run that is not counted) or {@code java -jar convosql-jdbc.jar ... -e
 * SQL}; the medians of the ms from starting the process to reading the first row of the table it
 * prints, and to its exit. Found from the working directory (the repository's root) and the shaded
 * jar on the class path; a row whose launcher or jar is missing says so.
 */
final class OneShot {
  private static final Path LAUNCHER = Path.of("bin", "convosql");

  private OneShot() {}

  /** The shaded jar this JVM runs on, or null. */
  static Path jar() {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.endsWith("convosql-jdbc.jar")) {
        return Path.of(entry).toAbsolutePath();
      }
    }
    return null;
  }

  /** Prints one row: {@code bin/convosql} if {@code launcher}, else {@code java -jar}, with the args. */
  static void row(String name, int runs, boolean launcher, String... args) {
    Path jar = jar();
    if (jar == null || (launcher && !Files.isRegularFile(LAUNCHER))) {
      System.out.println(name + ": skipped (needs bin/convosql in the working directory and"
          + " convosql-jdbc.jar on the class path)");
      return;
    }
    List<String> command = new ArrayList<>();
    if (launcher) {
      command.addAll(List.of("sh", LAUNCHER.toString()));
      time(command, jar, args); // records the archive if the jar is newer; not counted
    } else {
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          jar.toString()));
    }
    double[] first = new double[runs];
    double[] exit = new double[runs];
    for (int i = 0; i < runs; i++) {
      double[] t = time(command, jar, args);
      first[i] = t[0];
      exit[i] = t[1];
    }
    System.out.printf(Locale.ROOT, "%s: process start to first row %.0f ms, to exit %.0f ms (medians of %d)%n",
        name, Report.median(first), Report.median(exit), runs);
  }

  /** The ms to the table's first row (its 4th line: border, header, border, row) and to the exit. */
  private static double[] time(List<String> command, Path jar, String... args) {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("CONVOSQL_JAR", jar.toString());
    // the launcher runs JAVA_HOME's java, else the PATH's: this JDK's
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
        + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    try {
      long start = System.nanoTime();
      Process p = pb.start();
      p.getOutputStream().close();
      double firstRow = Double.NaN;
      StringBuilder output = new StringBuilder();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        int lines = 0;
        for (String line; (line = r.readLine()) != null; ) {
          if (++lines == 4) {
            firstRow = (System.nanoTime() - start) / 1e6;
          }
          output.append(line).append('\n');
        }
      }
      int status = p.waitFor();
      double exit = (System.nanoTime() - start) / 1e6;
      if (status != 0 || Double.isNaN(firstRow)) {
        throw new IllegalStateException(full + " exited " + status + " after printing:\n" + output);
      }
      return new double[] {firstRow, exit};
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + full + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
