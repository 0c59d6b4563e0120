package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code "matches"(column, 'words')} is pushed as a {@code match} on the column's document field and
 * evaluated locally with the same rule, so the answer does not depend on pushdown; on the API's ID
 * fields, where match finds nothing, and on transcript turns other than the caller's (the document
 * defines only {@code transcription.client}), it stays local. ({@code matches} is a reserved word in Calcite's parser, so it is quoted.)
 */
class InsightsMatchesTest {
  private static final Instant AUG25 = Instant.parse("2025-08-25T00:00:00Z");
  private static final String SINCE = " AND session_start_time >= TIMESTAMP '2025-08-25 00:00:00'";
  private static final String FROM = "2025-08-24T23:59:59.999999";
  private static final String TO = "2025-09-01T12:05:00"; // now, and the clock margin
  private static final String TURNS = "[\"id\",\"session_start_time\",\"transcription\"]";
  private static Db db;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  /**
   * The rule, written apart from the implementation: a shared word, words as ElasticSearch's
   * {@code standard} analyser makes them (Lucene's StandardAnalyzer without stop words).
   */
  private static boolean matches(String text, String words) {
    Set<String> wanted = words(words);
    return words(text).stream().anyMatch(wanted::contains);
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    try (StandardAnalyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** session_id; line_no of the lines since Aug 25 whose speaker passes and whose text matches. */
  private static List<String> lines(String words, Predicate<String> speaker) {
    return lines(words, speaker, AUG25, TestApi.NOW);
  }

  private static List<String> lines(String words, Predicate<String> speaker, Instant from, Instant to) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : Docs.between(from, to, x -> true)) {
      int n = 0;
      for (JsonNode turn : d.path("transcription")) {
        Iterator<Map.Entry<String, JsonNode>> said = turn.fields();
        while (said.hasNext()) {
          Map.Entry<String, JsonNode> e = said.next();
          n++;
          if (speaker.test(e.getKey()) && matches(e.getValue().asText(), words)) {
            out.add(d.get("id").asText() + "; " + n);
          }
        }
      }
    }
    return out;
  }

  private static List<String> filters() {
    return TestApi.recorded().stream().map(r -> r.param("filter_by")).distinct().toList();
  }

  @Test
  void matchesOnTranscriptTextWithoutARoleStaysLocal() throws SQLException {
    String sql = "SELECT session_id, line_no FROM insights.transcript_lines WHERE \"matches\"(text, 'REFUND, cancel')"
        + SINCE;
    List<String> expected = lines("refund cancel", s -> true);
    assertThat(expected).isNotEmpty();
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(TestApi.requests()).containsExactlyInAnyOrderElementsOf(TestApi.pages(FROM, TO, 100, TestApi.UNORDERED, null,
        TURNS, Docs.between(AUG25, TestApi.NOW, d -> true).size()));
    assertThat(db.explain(sql)).contains("EnumerableCalc", "matches(", "EnumerableApiScan")
        .doesNotContain("filter_by");
  }

  /**
   * The query (with a word of this sandbox's agent lines): the document defines no field for
   * the agent's turns (keyed by the agent's id), so the match stays local while the time range is
   * still pushed, and every line is found.
   */
  @Test
  void anAgentRoleKeepsTheMatchLocalAndFindsEveryLine() throws SQLException {
    Instant from = Instant.parse("2025-05-03T00:00:00Z");
    Instant to = Instant.parse("2025-06-30T00:00:00Z");
    JsonNode doc = Docs.between(from, to, d -> d.path("transcription").size() > 0).get(0);
    String agent = doc.get("transcription").get(0).fieldNames().next();
    String word = doc.get("transcription").get(0).get(agent).asText().split("[^\\p{L}]+")[1];
    String sql = "SELECT COUNT(*) FROM insights.transcript_lines WHERE role = 'agent' AND \"matches\"(text, ?)"
        + " AND session_start_time >= TIMESTAMP '2025-05-03 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-06-30 00:00:00'";
    int expected = lines(word, s -> !s.equals("user"), from, to).size();
    assertThat(expected).isGreaterThan(1);
    assertThat(db.rows(sql, word)).containsExactly(String.valueOf(expected));
    assertThat(TestApi.requests()).containsExactlyInAnyOrderElementsOf(TestApi.pages("2025-05-02T23:59:59.999999",
        "2025-06-30T00:00:00", 100, TestApi.UNORDERED, null, TURNS, Docs.between(from, to, d -> true).size()));
  }

  @Test
  void theCallersRoleOrSpeakerIsAMatchOnTranscriptionClient() throws SQLException {
    String client = "{\"must\":[{\"match\":{\"transcription.client\":\"large\"}}]}";
    assertThat(db.rows("SELECT session_id, line_no FROM insights.transcript_lines WHERE role = 'user'"
        + " AND \"matches\"(text, 'large')" + SINCE)).containsExactlyInAnyOrderElementsOf(
            lines("large", "user"::equals)).isNotEmpty();
    assertThat(filters()).containsExactly(client);
    assertThat(db.rows("SELECT session_id, line_no FROM insights.transcript_lines WHERE speaker = ?"
        + " AND \"matches\"(text, ?)" + SINCE, "user", "large")).containsExactlyInAnyOrderElementsOf(
            lines("large", "user"::equals));
    assertThat(filters()).containsExactly(client);
  }

  @Test
  void anAgentRoleOrSpeakerKeepsTheMatchLocal() throws SQLException {
    assertThat(db.rows("SELECT session_id, line_no FROM insights.transcript_lines WHERE role = 'agent'"
        + " AND \"matches\"(text, 'large')" + SINCE)).containsExactlyInAnyOrderElementsOf(
            lines("large", s -> !s.equals("user"))).isNotEmpty();
    assertThat(filters()).containsOnlyNulls();
    JsonNode doc = Docs.oneSince(AUG25, d -> d.path("transcription").size() > 0);
    String agent = doc.get("transcription").get(0).fieldNames().next();
    String word = doc.get("transcription").get(0).get(agent).asText().split("[^\\p{L}]+")[1];
    assertThat(agent).isNotEqualTo("user");
    assertThat(db.rows("SELECT session_id, line_no FROM insights.transcript_lines WHERE speaker = ?"
        + " AND \"matches\"(text, ?)" + SINCE, agent, word)).containsExactlyInAnyOrderElementsOf(
            lines(word, agent::equals)).isNotEmpty();
    assertThat(filters()).containsOnlyNulls();
  }

  @Test
  void aWordsParameterWithoutARoleStaysLocal() throws SQLException {
    String sql = "SELECT session_id, line_no FROM insights.transcript_lines WHERE \"matches\"(text, ?)" + SINCE;
    assertThat(db.rows(sql, "pizza")).containsExactlyInAnyOrderElementsOf(lines("pizza", s -> true)).isNotEmpty();
    assertThat(filters()).containsOnlyNulls();
  }

  @Test
  void matchesOnAnIdFieldStaysLocalAndOnOtherFieldsIsPushed() throws SQLException {
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE \"matches\"(agent_name, 'palace')" + SINCE))
        .containsExactlyInAnyOrderElementsOf(Docs.ids(Docs.between(AUG25, TestApi.NOW,
            d -> matches(Docs.text(d, "agent_information.name"), "palace")))).isNotEmpty();
    assertThat(filters()).containsOnlyNulls();
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE \"matches\"(status, 'IN_PROGRESS')" + SINCE))
        .containsExactlyInAnyOrderElementsOf(Docs.ids(Docs.between(AUG25, TestApi.NOW,
            d -> matches(Docs.text(d, "status"), "in_progress")))).isNotEmpty();
    assertThat(filters()).containsExactly("{\"must\":[{\"match\":{\"status\":\"IN_PROGRESS\"}}]}");
    // in_progress is one word (the underscore joins, as in the service's analyser)
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE \"matches\"(status, 'progress')" + SINCE)).isEmpty();
    assertThat(filters()).containsExactly("{\"must\":[{\"match\":{\"status\":\"progress\"}}]}");
  }

  @Test
  void theAnswerIsTheSameWithoutPushdown() throws SQLException {
    String sql = "SELECT session_id, line_no FROM insights.transcript_lines WHERE \"matches\"(text, 'order')"
        + " AND role = 'user'" + SINCE;
    try (Db local = Db.open(false, 60, false)) {
      assertThat(local.rows(sql)).containsExactlyInAnyOrderElementsOf(db.rows(sql)).isNotEmpty();
    }
  }
}
