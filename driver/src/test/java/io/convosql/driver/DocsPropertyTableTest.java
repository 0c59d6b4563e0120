package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/properties.md's property table is the property enum, row for row, so the two cannot drift apart. */
class DocsPropertyTableTest {
  @Test
  void propertiesPageListsEveryPropertyWithItsDefaultAndDescription() throws IOException {
    List<String> page = Docs.page("properties.md");
    int header = page.indexOf("| property | default | description |");
    assertThat(header).as("the property table header of docs/properties.md").isPositive();
    List<String> rows = new ArrayList<>();
    for (int i = header + 2; i < page.size() && page.get(i).startsWith("|"); i++) {
      rows.add(page.get(i));
    }
    List<String> expected = Stream.of(ConvoSqlProperty.values())
        .map(p -> "| `" + p.propertyName() + "` |" + (p.defaultValue() == null ? "" : " `" + p.defaultValue() + "`")
            + " | " + p.description() + " |")
        .toList();
    assertThat(rows).isEqualTo(expected);
  }
}
