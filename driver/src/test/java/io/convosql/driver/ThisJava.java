package io.convosql.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a child JVM of the JDK running the tests, as a user of that JDK starts the
 * driver: on JDK 23 and later with {@code --sun-misc-unsafe-memory-access=allow}, without which
 * JDK 24+ print four warning lines for the shaded protobuf (docs/troubleshooting.md).
 */
final class ThisJava {
  private ThisJava() {}

  /** The java executable and the options every child JVM gets; add the rest to the returned list. */
  static List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    return command;
  }

  /** Makes {@code bin/convosql} run the given JDK: in JAVA_HOME, which it prefers, and first on the PATH. */
  static ProcessBuilder forLauncher(ProcessBuilder builder, Path javaHome) {
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("PATH", javaHome.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    return builder;
  }

  /** The home of the JDK running the tests. */
  static Path home() {
    return Path.of(System.getProperty("java.home"));
  }
}
