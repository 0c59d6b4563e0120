package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.insights.InsightsData;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Words are split as the service's default analyser splits them (Unicode word boundaries, lower-cased),
 * so a pushed {@code match} finds every row the local check keeps: {@code chatbot.com}, {@code don't},
 * {@code 4.5} and {@code U.S.A} are one word each, every CJK ideograph is one. Each query gives the same
 * rows with pushdown on and off, on one session of 2025-02-10 (where the generated history has none) whose caller
 * said such words. The session lives in a sandbox of this class's own, so the shared one keeps its empty
 * months.
 */
class InsightsWordSplittingTest {
  private static final String DAY = " AND session_start_time >= TIMESTAMP '2025-02-10 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2025-02-11 00:00:00'";
  /** Letters of the Yezidi script (Unicode 13): letters to Java, no word to the standard analyser. */
  private static final String YEZIDI = "\uD803\uDE80\uD803\uDE81";
  private static Sandbox sandbox;
  private static Connection pushed;
  private static Connection local;
  private static String id;

  @BeforeAll
  static void open() throws SQLException {
    sandbox = Sandbox.builder().seed(5).now(TestApi.NOW).pathSimSessions(0).insightsSessions(20).start();
    pushed = connect(true);
    local = connect(false);
    id = addSession();
  }

  private static Connection connect(boolean pushdown) throws SQLException {
    return Sql.connect("insights", new InsightsSchema(HttpUrl.get(sandbox.insightsUrl()), Sandbox.INSIGHTS_KEY,
        TestHttp.settings(Duration.ofSeconds(10)), pushdown, 15, false, TestApi.CLOCK));
  }

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    local.close();
    sandbox.close();
  }

  /**
   * A generated session of 2025-02-09 with parameters and at least three user inputs, copied to
   * 2025-02-10 with a new id and the caller's compound words in its transcript, user inputs and
   * parameter texts.
   */
  private static String addSession() {
    InsightsData data = sandbox.insights().data();
    ObjectNode doc = data.addSession(Instant.parse("2025-02-09T00:00:00Z"));
    for (int hour = 1; doc.get("params_list").isEmpty() || inputs(doc) < 3; hour++) {
      doc = data.addSession(Instant.parse("2025-02-09T00:00:00Z").plusSeconds(3600L * hour));
    }
    String agent = doc.get("agent_information").get("id").asText();
    doc.put("id", "words-0210");
    doc.put("session_start_time", "2025-02-10T10:00:00.000000");
    ArrayNode turns = doc.putArray("transcription");
    turns.addObject().put(agent, "Hello, this is chatbot.com support.");
    turns.addObject().put("user", "Go to chatbot.com, please");
    turns.addObject().put("user", "I don't know, maybe 4.5 stars for foo_bar");
    turns.addObject().put("user", "我想要退款");
    turns.addObject().put("user", YEZIDI + " ❤");
    List<String> inputs = List.of("Go to chatbot.com, please", "U.S.A", YEZIDI);
    int n = 0;
    for (JsonNode step : doc.get("flow_path")) {
      ObjectNode context = (ObjectNode) step.get("context");
      if (!context.path("user_input").asText().isEmpty()) {
        context.put("user_input", inputs.get(n++ % inputs.size()));
      }
    }
    for (JsonNode p : doc.get("params_list")) {
      ((ObjectNode) p).put("value_text", "U.S.A");
    }
    return data.add(doc).get("id").asText();
  }

  /** The number of the session's steps where the caller said something. */
  private static int inputs(JsonNode doc) {
    int n = 0;
    for (JsonNode step : doc.get("flow_path")) {
      n += step.path("context").path("user_input").asText().isEmpty() ? 0 : 1;
    }
    return n;
  }

  /**
   * The rows with pushdown on, after checking that pushdown off gives the same ones; the words are a
   * parameter (this connection's literals are not UTF-8, the driver's are).
   */
  private static List<String> same(String sql, Object... params) throws SQLException {
    List<String> off = Sql.rows(local, sql, params).stream().sorted().toList();
    sandbox.requests().clear();
    List<String> on = Sql.rows(pushed, sql, params).stream().sorted().toList();
    assertThat(on).as(sql).isEqualTo(off);
    return on;
  }

  /** The filter_by of the requests of the last query with pushdown. */
  private static List<String> filters() {
    return sandbox.requests().of("insights").stream().map(r -> r.param("filter_by")).distinct().toList();
  }

  private static List<String> lines(String words) throws SQLException {
    return same("SELECT session_id, line_no FROM insights.transcript_lines WHERE role = 'user'"
        + " AND \"matches\"(text, ?)" + DAY, words);
  }

  @Test
  void aPartOfACompoundWordMatchesNothingWithOrWithoutPushdown() throws SQLException {
    assertThat(lines("chatbot")).isEmpty();
    assertThat(filters()).containsExactly("{\"must\":[{\"match\":{\"transcription.client\":\"chatbot\"}}]}");
    assertThat(lines("com")).isEmpty();
    assertThat(lines("don")).isEmpty();
    assertThat(lines("4")).isEmpty();
    assertThat(lines("foo")).isEmpty();
  }

  @Test
  void theWholeCompoundWordMatchesInAnyCase() throws SQLException {
    assertThat(lines("ChatBot.com")).containsExactly(id + "; 2");
    assertThat(filters()).containsExactly("{\"must\":[{\"match\":{\"transcription.client\":\"ChatBot.com\"}}]}");
    assertThat(lines("DON'T")).containsExactly(id + "; 3");
    assertThat(lines("4.5 foo_bar")).containsExactly(id + "; 3");
    assertThat(lines("款")).containsExactly(id + "; 4");
  }

  @Test
  void wordsWithoutALetterOrDigitAreCheckedLocally() throws SQLException {
    assertThat(lines("❤")).containsExactly(id + "; 5");
    assertThat(filters()).containsExactly((String) null);
  }

  @Test
  void freeTextEqualitiesFindTheirCompoundWords() throws SQLException {
    String inputs = "SELECT session_id, user_input FROM insights.flow_path"
        + " WHERE user_input = 'Go to chatbot.com, please'";
    assertThat(same(inputs + DAY)).isNotEmpty().allMatch(r -> r.equals(id + "; Go to chatbot.com, please"));
    assertThat(filters()).containsExactly(
        "{\"must\":[{\"match\":{\"flow_path.context.user_input\":\"Go to chatbot.com, please\"}}]}");
    String params = "SELECT session_id, value_text FROM insights.parameters WHERE";
    assertThat(same(params + " value_text = 'U.S.A'" + DAY)).isNotEmpty().allMatch(r -> r.equals(id + "; U.S.A"));
    assertThat(same(params + " \"matches\"(value_text, 'u.s.a')" + DAY)).isNotEmpty()
        .allMatch(r -> r.equals(id + "; U.S.A"));
    assertThat(same(params + " \"matches\"(value_text, 'usa')" + DAY)).isEmpty();
  }

  /** A value the standard analyser finds no word in is not sent: match would find nothing. */
  @Test
  void aValueWithNoWordForTheAnalyserIsCheckedLocally() throws SQLException {
    String sql = "SELECT session_id, user_input FROM insights.flow_path WHERE user_input = ?" + DAY;
    assertThat(same(sql, YEZIDI)).isNotEmpty().allMatch(r -> r.equals(id + "; " + YEZIDI));
    assertThat(filters()).containsExactly((String) null);
  }
}
