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
}
