package io.convosql.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's documentation as the tests that check it read it: README.md and docs/*.md. */
final class Docs {
  /** The repository's root, seen from the driver module's directory, where Maven runs its tests. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Docs() {}

  /** The lines of {@code docs/<page>}. */
  static List<String> page(String page) throws IOException {
    return Files.readAllLines(ROOT.resolve("docs").resolve(page));
  }

  /** The lines of the README. */
  static List<String> readme() throws IOException {
    return Files.readAllLines(ROOT.resolve("README.md"));
  }
}
