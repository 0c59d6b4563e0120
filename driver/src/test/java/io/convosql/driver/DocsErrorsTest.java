package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md lists every SQLState the code gives, and none it does not: each string literal of
 * the form of an SQLState (two digits, a digit and A as in 0A000, or {@code HY}; then three letters or digits) in the main
 * sources of every module has a row in the page's table, with a cause and a fix.
 */
class DocsErrorsTest {
  private static final Pattern LITERAL = Pattern.compile("\"((?:[0-9][0-9A]|HY)[0-9A-Z]{3})\"");
  private static final Pattern ROW = Pattern.compile("\\| `([0-9A-Z]{5})` \\| (.+) \\| (.+) \\|");

  @Test
  void errorsPageListsEverySqlStateTheCodeUses() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String line : Docs.page("errors.md")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        assertThat(documented.add(m.group(1))).as("one row for " + m.group(1)).isTrue();
        assertThat(m.group(2).strip()).as("the cause of " + m.group(1)).isNotEmpty();
        assertThat(m.group(3).strip()).as("the fix of " + m.group(1)).isNotEmpty();
      }
    }
    assertThat(documented).as("the SQLStates of docs/errors.md").isEqualTo(usedInCode());
  }

  private static Set<String> usedInCode() throws IOException {
    Set<String> states = new TreeSet<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Docs.ROOT)) {
      sources = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> Docs.ROOT.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
          .toList();
    }
    assertThat(sources).as("the main sources").isNotEmpty();
    for (Path source : sources) {
      Matcher m = LITERAL.matcher(Files.readString(source));
      while (m.find()) {
        states.add(m.group(1));
      }
    }
    return states;
  }
}
