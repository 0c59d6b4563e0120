package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's property table is the property enum, row for row, so the two cannot drift apart. */
class ReadmePropertyTableTest {
  @Test
  void readmeListsEveryPropertyWithItsDefaultAndDescription() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
    int header = readme.indexOf("| property | default | description |");
    assertThat(header).as("the README's property table header").isPositive();
    List<String> rows = new ArrayList<>();
    for (int i = header + 2; i < readme.size() && readme.get(i).startsWith("|"); i++) {
      rows.add(readme.get(i));
    }
    List<String> expected = Stream.of(ConvoSqlProperty.values())
        .map(p -> "| `" + p.propertyName() + "` |" + (p.defaultValue() == null ? "" : " `" + p.defaultValue() + "`")
            + " | " + p.description() + " |")
        .toList();
    assertThat(rows).isEqualTo(expected);
  }
}
