package io.convosql.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A string in a message is shown as JSON writes it, whether or not it needs escapes. */
class BadAnswerShowTest {
  @Test
  void stringsAreQuotedAsJsonWritesThem() {
    for (String s : List.of("6816af315a09a4c7d90e6844", "", "a b ~!@#$%^&*()_+{}|:<>?/'", "say \"hi\"",
        "back\\slash", "tab\there", "line\nbreak", "bell\u0007", "del\u007f", "Zoë", "😀", "\u2028", "x".repeat(60))) {
      TextNode node = JsonNodeFactory.instance.textNode(s);
      assertThat(BadAnswer.show(node)).as(s).isEqualTo(node.toString());
    }
  }

  @Test
  void longStringsAreCutAfterSixtyCharacters() {
    String s = "y".repeat(61);
    assertThat(BadAnswer.show(JsonNodeFactory.instance.textNode(s)))
        .isEqualTo("\"" + "y".repeat(60) + "\"… (61 characters)");
  }
}
