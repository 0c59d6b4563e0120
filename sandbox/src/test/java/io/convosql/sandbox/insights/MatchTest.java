package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.FilterTest.expected;
import static io.convosql.sandbox.insights.FilterTest.found;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * filter_by match clauses: any word, any case, never on ID fields nor on fields the document does not
 * define; and the filter-only shortcuts.
 */
class MatchTest {
  /**
   * Words split on anything not a letter or digit: for the plain words these tests search for, the
   * same matches as the standard analyser's words (the generated texts' compounds, such as
   * {@code it's}, hold none of them).
   */
  private static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
  }

  /** True when a turn of the chosen speaker (user, agent or either) shares a word with the query. */
  private static boolean said(JsonNode doc, String speaker, String query) {
    Set<String> wanted = words(query);
    for (JsonNode turn : doc.get("transcription")) {
      var field = turn.fields().next();
      boolean user = field.getKey().equals("user");
      boolean pick = speaker.equals("any") || (speaker.equals("user") == user);
      if (pick && words(field.getValue().asText()).stream().anyMatch(wanted::contains)) {
        return true;
      }
    }
    return false;
  }

  private static String match(String field, String text) {
    return "{\"must\":[{\"match\":{\"" + field + "\":\"" + text + "\"}}]}";
  }

  @Test
  void matchFindsAnyWordInAnyCase() {
    List<String> appointment = found(match("transcription.client", "APPOINTMENT"));
    assertThat(appointment).isEqualTo(expected(d -> said(d, "user", "appointment"))).isNotEmpty();
    List<String> either = found(match("transcription.client", "appointment, pizza!"));
    assertThat(either).isEqualTo(expected(d -> said(d, "user", "appointment pizza")))
        .containsAll(appointment).hasSizeGreaterThan(appointment.size());
    assertThat(found(match("transcription.client", "appoint"))).isEmpty();
    assertThat(found(match("transcription.client", "?!"))).isEmpty();
  }

  /**
   * The document searches the caller's turns as {@code transcription.client} (its own example) and
   * defines no field for the agent's turns (keyed by the agent's id) nor for all turns together.
   */
  @Test
  void onlyTheCallersTurnsAreSearchable() {
    assertThat(found(match("transcription.client", "cancel")))
        .isEqualTo(expected(d -> said(d, "user", "cancel"))).isNotEmpty();
    assertThat(found(match("transcription.client", "repeat"))).isNotEmpty();
    assertThat(expected(d -> said(d, "agent", "balance"))).isNotEmpty();
    JsonNode doc = InsightsHttp.shared().insights().data().document(expected(d -> said(d, "agent", "balance"))
        .get(0)).orElseThrow();
    String agentId = doc.get("transcription").get(0).fieldNames().next();
    for (String field : List.of("transcription.agent", "transcription.user", "transcription",
        "transcription." + agentId)) {
      assertThat(found(match(field, "balance cancel dentist hours"))).as(field).isEmpty();
      assertThat(found("{\"must\":[{\"term\":{\"" + field + "\":\"cancel\"}}]}")).as(field).isEmpty();
    }
  }

  /**
   * Words are what ElasticSearch's default standard analyser makes of a text (Unicode word boundaries,
   * lower-cased): a host name, a contraction, a decimal are one word each, every CJK ideograph is one.
   */
  @Test
  void matchSplitsWordsAsTheStandardAnalyser() {
    StoredSession session = new StoredSession((ObjectNode) Json.MAPPER.valueToTree(Map.of(
        "id", "s1", "session_start_time", "2025-08-30T10:00:00.000000", "language", "en-US",
        "transcription", List.of(Map.of("user", "Go to Chatbot.com, I don't know"), Map.of("user", "评分4.5"),
            Map.of("user", "我想要退款")))));
    assertThat(matches(session, "transcription.client", "chatbot")).isFalse();
    assertThat(matches(session, "transcription.client", "chatbot.com")).isTrue();
    assertThat(matches(session, "transcription.client", "CHATBOT.COM please")).isTrue();
    assertThat(matches(session, "transcription.client", "com")).isFalse();
    assertThat(matches(session, "transcription.client", "don")).isFalse();
    assertThat(matches(session, "transcription.client", "don't")).isTrue();
    assertThat(matches(session, "transcription.client", "4")).isFalse();
    assertThat(matches(session, "transcription.client", "4.5")).isTrue();
    assertThat(matches(session, "transcription.client", "款")).isTrue();
    assertThat(matches(session, "transcription.client", "退款")).isTrue(); // either ideograph
    assertThat(matches(session, "language", "en")).isTrue();
    assertThat(matches(session, "language", "EN-us")).isTrue();
    assertThat(TextWords.of("Go to Chatbot.com, I don't know")).containsExactly("go", "to", "chatbot.com", "i",
        "don't", "know");
  }

  private static boolean matches(StoredSession session, String field, String words) {
    return FilterQuery.parse("{\"must\":[{\"match\":{\"" + field + "\":\"" + words + "\"}}]}").matches(session);
  }

  @Test
  void matchOnIdFieldsMatchesNothing() {
    String agent = InsightsHttp.shared().insights().data().agents().get(1).name();
    assertThat(found("{\"must\":[{\"term\":{\"agent_information.name\":\"" + agent + "\"}}]}")).isNotEmpty();
    for (String field : List.of("agent_information.name", "channel", "source", "id", "tags_list.tag",
        "flow_path.type", "channel_data.call_status", "params_list.value")) {
      assertThat(found(match(field, "Pizza Palace voice ended speak invalid Benjamin"))).as(field).isEmpty();
    }
    assertThat(found(match("status", "ended"))).isEqualTo(expected(d -> d.get("status").asText().equals("ended")));
    assertThat(found(match("flow_path.context.user_input", "appointment")))
        .isEqualTo(found(match("transcription.client", "appointment")));
  }

  @Test
  void parameterShortcutComparesTheLastValue() {
    JsonNode doc = InsightsHttp.shared().insights().data().document(expected(d -> d.get("params").has("name")).get(0))
        .orElseThrow();
    String name = doc.get("params").get("name").get("value").asText();
    assertThat(found("{\"must\":[{\"term\":{\"parameters.name\":\"" + name + "\"}}]}"))
        .isEqualTo(expected(d -> d.path("params").path("name").path("value").asText().equals(name)))
        .contains(doc.get("id").asText());
    assertThat(found("{\"must\":[{\"term\":{\"params.name.value\":\"" + name + "\"}}]}"))
        .isEqualTo(found("{\"must\":[{\"term\":{\"parameters.name\":\"" + name + "\"}}]}"));
    assertThat(found("{\"must\":[{\"match\":{\"parameters.name\":\"" + name + "\"}}]}")).isEmpty();
  }

  @Test
  void tagShortcutComparesTheCountInAnyCategory() {
    List<String> twice = found("{\"must\":[{\"term\":{\"tags.invalid\":2}}]}");
    assertThat(twice).isEqualTo(expected(d -> countOf(d, "invalid") == 2)).isNotEmpty();
    assertThat(found("{\"must\":[{\"term\":{\"tags.invalid\":\"2\"}}]}")).isEqualTo(twice);
    assertThat(found("{\"must\":[{\"term\":{\"tags.resolved\":1}}]}"))
        .isEqualTo(expected(d -> countOf(d, "resolved") == 1)).isNotEmpty();
    assertThat(found("{\"must\":[{\"match\":{\"tags.resolved\":\"1\"}}]}")).isEmpty();
  }

  private static int countOf(JsonNode doc, String tag) {
    int count = 0;
    for (JsonNode category : doc.get("tags")) {
      count += category.path(tag).asInt();
    }
    return count;
  }
}
