package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WHERE on insights.sessions becomes {@code filter_by}: equality a {@code must term} on the document
 * field, {@code <>} and NOT IN {@code must_not}, one IN list (or OR of equalities) {@code should};
 * every row is still checked, so NULLs and the rest stay exact.
 */
class InsightsFilterTest {
  private static final Instant AUG1 = Instant.parse("2025-08-01T00:00:00Z");
  private static final String SINCE_AUG1 = " AND session_start_time >= TIMESTAMP '2025-08-01 00:00:00'";
  private static final String FROM = "2025-07-31T23:59:59.999999";
  private static final String TO = "2025-09-01T12:05:00"; // now, and the clock margin
  private static Db db;
  private static String pizza;
  private static String bank;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
    pizza = agentId("Pizza Palace");
    bank = agentId("Northwind Bank");
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  static String agentId(String name) {
    return Docs.all().stream().filter(d -> name.equals(Docs.text(d, "agent_information.name")))
        .map(d -> Docs.text(d, "agent_information.id")).findFirst().orElseThrow();
  }

  private static List<String> sinceAug1(Predicate<JsonNode> test) {
    return Docs.ids(Docs.between(AUG1, TestApi.NOW, test)).stream().sorted().toList();
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  private static boolean is(JsonNode d, String path, String value) {
    return value.equals(Docs.text(d, path));
  }

  @Test
  void equalityIsAMustTermOnTheDocumentField() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE agent_id = '" + pizza + "'" + SINCE_AUG1;
    List<String> expected = sinceAug1(d -> is(d, "agent_information.id", pizza));
    assertThat(expected).isNotEmpty();
    assertThat(sorted(db.rows(sql))).isEqualTo(expected);
    String filter = "{\"must\":[{\"term\":{\"agent_information.id\":\"" + pizza + "\"}}]}";
    String project = "[\"id\",\"session_start_time\",\"agent_information.id\"]";
    // pages after the first are requested together, so they arrive in any order
    assertThat(TestApi.requests()).containsExactlyInAnyOrderElementsOf(TestApi.pages(FROM, TO, 100, TestApi.UNORDERED, filter, project, expected.size()));
    assertThat(db.explain(sql)).isEqualTo("EnumerableApiScan(table=[[insights, sessions]], columns=[[id]],"
        + " filter=[[agent_id = " + pizza + ", session_start_time >= 2025-08-01 00:00:00]], request=[GET"
        + " /insights/sessions?from_date=" + FROM + "&to_date=" + TO + "&page_number=0&page_size=100"
        + "&sort_by=session_start_time:asc,id:asc&filter_by=" + filter + "&project_fields=" + project + " (next pages: page_number + 1 while the hits so far are fewer than total)])");
  }

  @Test
  void notEqualIsMustNotAndTheLocalCheckDropsNulls() throws SQLException {
    // must_not keeps sessions without the field (agent_voice is null off the voice channel); SQL's <> does not.
    String voice = Docs.text(Docs.oneSince(AUG1, d -> Docs.text(d, "agent_information.voice") != null),
        "agent_information.voice");
    String sql = "SELECT id FROM insights.sessions WHERE agent_voice <> '" + voice + "'" + SINCE_AUG1;
    assertThat(sinceAug1(d -> Docs.text(d, "agent_information.voice") == null)).isNotEmpty();
    assertThat(sinceAug1(d -> is(d, "agent_information.voice", voice))).isNotEmpty();
    List<String> expected = sinceAug1(d -> Docs.text(d, "agent_information.voice") != null
        && !is(d, "agent_information.voice", voice));
    assertThat(sorted(db.rows(sql))).isEqualTo(expected);
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("filter_by"))
        .isEqualTo("{\"must_not\":[{\"term\":{\"agent_information.voice\":\"" + voice + "\"}}]}"));
  }

  @Test
  void notInIsAMustNotListAndInIsAShouldList() throws SQLException {
    assertThat(sorted(db.rows("SELECT id FROM insights.sessions WHERE channel NOT IN ('voice', 'http')"
        + SINCE_AUG1))).isEqualTo(sinceAug1(d -> is(d, "channel", "whatsapp")));
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("filter_by")).isEqualTo(
        "{\"must_not\":[{\"term\":{\"channel\":\"http\"}},{\"term\":{\"channel\":\"voice\"}}]}"));
    String in = "SELECT id FROM insights.sessions WHERE channel IN ('whatsapp', 'http')" + SINCE_AUG1;
    assertThat(sorted(db.rows(in))).isEqualTo(sinceAug1(d -> !is(d, "channel", "voice")));
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("filter_by")).isEqualTo(
        "{\"should\":[{\"term\":{\"channel\":\"http\"}},{\"term\":{\"channel\":\"whatsapp\"}}]}"));
    assertThat(db.explain(in)).contains("filter=[[channel IN (http, whatsapp),");
  }

  @Test
  void anOrOfEqualitiesIsTheSameShouldList() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE (channel = 'whatsapp' OR channel = 'http')" + SINCE_AUG1;
    assertThat(sorted(db.rows(sql))).isEqualTo(sinceAug1(d -> !is(d, "channel", "voice")));
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("filter_by")).isEqualTo(
        "{\"should\":[{\"term\":{\"channel\":\"http\"}},{\"term\":{\"channel\":\"whatsapp\"}}]}"));
  }

  @Test
  void onlyOneShouldListIsSentAndTheOtherInListIsCheckedLocally() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE channel IN ('whatsapp', 'http')"
        + " AND agent_id IN ('" + pizza + "', '" + bank + "')" + SINCE_AUG1;
    List<String> expected = sinceAug1(d -> !is(d, "channel", "voice")
        && (is(d, "agent_information.id", pizza) || is(d, "agent_information.id", bank)));
    assertThat(expected).isNotEmpty();
    assertThat(sorted(db.rows(sql))).isEqualTo(expected);
    assertThat(TestApi.recorded()).isNotEmpty().allSatisfy(r -> assertThat(r.param("filter_by"))
        .isEqualTo("{\"should\":[{\"term\":{\"channel\":\"http\"}},{\"term\":{\"channel\":\"whatsapp\"}}]}"));
  }

  @Test
  void preparedStatementParametersAreBoundIntoTheFilter() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE agent_id = ? AND channel IN (?, ?)" + SINCE_AUG1;
    assertThat(sorted(db.rows(sql, pizza, "whatsapp", "http"))).isEqualTo(
        sinceAug1(d -> is(d, "agent_information.id", pizza) && !is(d, "channel", "voice")));
    assertThat(TestApi.recorded()).isNotEmpty().allSatisfy(r -> assertThat(r.param("filter_by")).isEqualTo(
        "{\"must\":[{\"term\":{\"agent_information.id\":\"" + pizza + "\"}}],"
            + "\"should\":[{\"term\":{\"channel\":\"whatsapp\"}},{\"term\":{\"channel\":\"http\"}}]}"));
    assertThat(db.explain(sql, pizza, "a", "b"))
        .contains("filter_by={\"must\":[{\"term\":{\"agent_information.id\":\"?0\"}}],"
        + "\"should\":[{\"term\":{\"channel\":\"?1\"}},{\"term\":{\"channel\":\"?2\"}}]}");
  }

  @Test
  void numbersAreComparedAsTheirText() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE status_code = 100 AND duration_ms > 60000" + SINCE_AUG1;
    List<String> expected = sinceAug1(d -> is(d, "channel_data.status_code", "100")
        && d.path("channel_data").path("duration").asLong(0) > 60000);
    assertThat(expected).isNotEmpty();
    assertThat(sorted(db.rows(sql))).isEqualTo(expected);
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("filter_by"))
        .isEqualTo("{\"must\":[{\"term\":{\"channel_data.status_code\":\"100\"}}]}"));
  }

  @Test
  void aFilterThatCannotMatchSendsNothing() throws SQLException {
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE agent_id = NULL")).isEmpty();
    assertThat(TestApi.requests()).isEmpty();
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE 1 = 0")).isEmpty();
    assertThat(TestApi.requests()).isEmpty();
    assertThat(db.rows("SELECT id FROM insights.sessions WHERE agent_id = ?", (Object) null)).isEmpty();
    assertThat(TestApi.requests()).isEmpty();
    assertThat(db.explain("SELECT id FROM insights.sessions WHERE FALSE")).doesNotContain("GET");
  }

  @Test
  void likeStaysWithCalcite() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE agent_name LIKE 'Pizza%'" + SINCE_AUG1;
    assertThat(sorted(db.rows(sql))).isEqualTo(
        sinceAug1(d -> Objects.requireNonNullElse(Docs.text(d, "agent_information.name"), "").startsWith("Pizza")));
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("filter_by")).isNull());
    assertThat(db.explain(sql)).contains("LIKE");
  }
}
