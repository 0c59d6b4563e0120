package io.convosql.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a child JVM on the benchmark's own class path and returns the first line of its output
 * that starts with a given word, with the ms from starting the process to reading that line.
 */
final class ChildJvm {
  record Line(String text, double msFromStart) {}

  private ChildJvm() {}

  static Line run(List<String> jvmOptions, Class<?> main, String marker, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    StringBuilder output = new StringBuilder();
    try {
      long start = System.nanoTime();
      Process p = pb.start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith(marker + " ")) {
            double ms = (System.nanoTime() - start) / 1e6;
            r.transferTo(java.io.Writer.nullWriter());
            p.waitFor();
            return new Line(line.substring(marker.length() + 1), ms);
          }
          output.append(line).append('\n');
        }
      }
      int exit = p.waitFor();
      throw new IllegalStateException(main.getSimpleName() + " ended (exit " + exit + ") without "
          + marker + ":\n" + output);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a child JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
