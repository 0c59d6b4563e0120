package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.core.plan.SortKey;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search's URL stays within the 8,000 bytes of request target the sandbox takes (it answers 414
 * past them, as nginx does): filter terms whose values are long, or short but percent-encoded to
 * three times their UTF-8 bytes, or too many of them, are left out of {@code filter_by} and checked
 * here on the window's sessions, with the same rows as without pushdown.
 */
class InsightsUrlLengthTest {
  private static final String DAY = " AND session_start_time >= TIMESTAMP '2020-06-10 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2020-06-11 00:00:00'";
  private static final String FROM = "2020-06-09T23:59:59.999999";
  private static final String TO = "2020-06-11T00:00:00";
  private static final String NAME = "Long agent " + "L".repeat(4200);
  private static final String VOICE = "Long voice " + "V".repeat(4200);
  private static final String HUGE = "N".repeat(9000);
  /** 900 characters, 2,700 bytes of UTF-8, 8,100 bytes percent-encoded. */
  private static final String WIDE = "日本語".repeat(300);
  /** Five values of 250 characters: 1,250 characters, 11,250 bytes percent-encoded. */
  private static final List<String> WIDE_LIST =
      IntStream.range(0, 5).mapToObj(i -> "名前".repeat(125) + i).toList();
  /**
   * In a URL of 7.8 KB with the two dates and the must_not terms on them that an OFFSET adds, but
   * past 8,000 bytes with the order and the projection of {@link #theOrderAndTheProjectionCountInTheUrl}.
   */
  private static final String LONG_VOICE = "V".repeat(7300);
  private static Db pushed;
  private static Db local;

  @BeforeAll
  static void open() throws SQLException {
    pushed = Db.open(true, 60, false);
    local = Db.open(false, 60, false);
    add("url-a", "08:00:00", NAME, VOICE);
    add("url-b", "09:00:00", NAME, "Other voice");
    add("url-c", "10:00:00", HUGE, "Salli");
    add("url-d", "11:00:00", WIDE, "Salli");
    add("url-e", "12:00:00", WIDE_LIST.get(2), "Salli");
    add("url-f", "13:00:00", "Pizza Palace", LONG_VOICE);
  }

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    local.close();
  }

  /** A session on 2020-06-10, where no other test looks, with this agent name and voice. */
  private static void add(String id, String time, String name, String voice) {
    ObjectNode doc = Docs.all().get(0).deepCopy();
    doc.put("id", id).put("session_start_time", "2020-06-10T" + time);
    ((ObjectNode) doc.get("agent_information")).put("name", name).put("voice", voice);
    TestApi.sandbox().insights().data().add(doc);
  }

  private static final String PROJECT = "[\"id\",\"session_start_time\",\"agent_information.name\"]";

  private static String search(String filter, String project) {
    return TestApi.search(FROM, TO, 0, 100, TestApi.UNORDERED, filter, project);
  }

  /** The rows with pushdown, checked against pushdown off; every request was answered, none 414. */
  private static List<String> rows(String sql, Object... params) throws SQLException {
    List<String> expected = local.rows(sql, params);
    List<String> rows = pushed.rows(sql, params);
    assertThat(TestApi.recorded()).extracting(RecordedRequest::status).isNotEmpty().containsOnly(200);
    assertThat(rows).isEqualTo(expected);
    return rows;
  }

  private static String term(String field, String value) {
    return "{\"term\":{\"" + field + "\":\"" + value + "\"}}";
  }

  @Test
  void ofTwoLongTermsTheOneThatFitsIsSentAndTheOtherCheckedHere() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE agent_name = ? AND agent_voice = ?" + DAY;
    assertThat(rows(sql, NAME, VOICE)).containsExactly("url-a");
    assertThat(TestApi.requests()).containsExactly(search(
        "{\"must\":[" + term("agent_information.name", NAME) + "]}",
        "[\"id\",\"session_start_time\",\"agent_information.name\",\"agent_information.voice\"]"));
  }

  @Test
  void aLongValueThatFitsNoUrlIsCheckedHere() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE agent_name = '" + HUGE + "'" + DAY;
    assertThat(rows(sql)).containsExactly("url-c");
    assertThat(TestApi.requests()).containsExactly(search(null, PROJECT));
    assertThat(pushed.explain(sql)).contains("&sort_by=" + TestApi.UNORDERED + "&project_fields=" + PROJECT,
        "1 filter term left out of filter_by (with it the URL would pass 8000 bytes) and checked here");
  }

  @Test
  void aCountWhoseTermDoesNotFitPagesAndCounts() throws SQLException {
    String sql = "SELECT COUNT(*) FROM insights.sessions WHERE agent_name = '" + HUGE + "'" + DAY;
    assertThat(rows(sql)).containsExactly("1");
    // not the total of a search without the term: its sessions are read and checked
    assertThat(TestApi.requests()).containsExactly(search(null, PROJECT));
    // and EXPLAIN says so: the pages it reads, not a total
    assertThat(pushed.explain(sql)).contains("request=[GET /insights/sessions?from_date=" + FROM + "&to_date=" + TO
        + "&page_number=0&page_size=100&sort_by=" + TestApi.UNORDERED + "&project_fields=" + PROJECT
        + " (next pages: page_number + 1 while the hits so far are fewer than total); 1 filter term left out")
        .doesNotContain("its total");
  }

  @Test
  void aShortValueOfCharactersThatEncodeToNineBytesEachIsCheckedHere() throws SQLException {
    String sql = "SELECT id FROM insights.sessions WHERE agent_name = ?" + DAY;
    assertThat(rows(sql, WIDE)).containsExactly("url-d");
    assertThat(TestApi.requests()).containsExactly(search(null, PROJECT));
  }

  @Test
  void anInListOfShortWideValuesIsCheckedHere() throws SQLException {
    // (parameters: SQL literals are Latin-1)
    String sql = "SELECT id FROM insights.sessions WHERE agent_name IN (?, ?, ?, ?, ?)" + DAY;
    assertThat(rows(sql, WIDE_LIST.toArray())).containsExactly("url-e");
    assertThat(TestApi.requests()).containsExactly(search(null, PROJECT));
  }

  @Test
  void ofManyAndedConditionsTheFirstThatFitAreSent() throws SQLException {
    List<String> names = IntStream.range(0, 200).mapToObj(i -> String.format("no such agent %03d", i)).toList();
    String sql = "SELECT id FROM insights.sessions WHERE "
        + names.stream().map(v -> "agent_name <> '" + v + "'").collect(Collectors.joining(" AND ")) + DAY
        + " ORDER BY id";
    assertThat(rows(sql)).containsExactly("url-a", "url-b", "url-c", "url-d", "url-e", "url-f");
    List<String> sent = new ArrayList<>();
    for (String name : names.subList(0, SENT_NEGATIONS)) {
      sent.add(term("agent_information.name", name));
    }
    assertThat(TestApi.requests()).containsExactly(TestApi.search(FROM, TO, 0, 100, "id:asc",
        "{\"must_not\":[" + String.join(",", sent) + "]}", PROJECT));
  }

  /** The negated names whose must_not clauses fit: 200 would make a URL of about 15 KB. */
  private static final int SENT_NEGATIONS = 85;

  @Test
  void theOrderAndTheProjectionCountInTheUrl() throws SQLException {
    String columns = "status, channel, source, account_id, agent_id, agent_name, agent_version_id,"
        + " agent_language, call_status, duration_ms, status_code, audio_url";
    String sql = "SELECT id, " + columns + " FROM insights.sessions WHERE agent_voice = '" + LONG_VOICE + "'"
        + DAY + " ORDER BY " + columns + " LIMIT 3";
    assertThat(rows(sql)).hasSize(1).allMatch(r -> r.startsWith("url-f; "));
    assertThat(TestApi.requests()).containsExactly(TestApi.search(FROM, TO, 0, 100, "status:asc,channel:asc,"
        + "source:asc,account_id:asc,agent_information.id:asc,agent_information.name:asc,"
        + "agent_information.version_id:asc,agent_information.language:asc,channel_data.call_status:asc,"
        + "channel_data.duration:asc,channel_data.status_code:asc,channel_data.audio_url:asc,id:asc", null,
        "[\"id\",\"session_start_time\",\"status\",\"channel\",\"source\",\"account_id\","
        + "\"agent_information.id\",\"agent_information.name\",\"agent_information.version_id\","
        + "\"agent_information.voice\",\"agent_information.language\",\"channel_data.call_status\","
        + "\"channel_data.duration\",\"channel_data.status_code\",\"channel_data.audio_url\"]"));
  }

  /**
   * The longest order and projection of every table (all its columns) take under 1,500 of the 8,000
   * bytes, so a search's URL fits once the filter terms that do not fit are left out.
   */
  @Test
  void noOrderOrProjectionFillsTheUrl() {
    InsightsSchema schema = new InsightsSchema(HttpUrl.get(TestApi.sandbox().insightsUrl()), "key",
        TestHttp.settings(Duration.ofSeconds(1)), true, 60, false, TestApi.CLOCK);
    for (String name : schema.getTableNames()) {
      InsightsTable table = (InsightsTable) schema.getTable(name);
      BitSet used = new BitSet();
      List<SortKey> sort = new ArrayList<>();
      for (int c = 0; c < table.columns().size(); c++) {
        used.set(c);
        if (table.projectFields(used) == null) {
          used.clear(c); // a column that needs the whole document: no projection at all
        }
        if (table.attribute(c).read() != null) {
          sort.add(new SortKey(c, true, false));
        }
      }
      Map<String, String> params = new SearchShape(table.sortBy(sort), null, table.projectFields(used))
          .params("2020-06-09T23:59:59.999999", "2020-06-11T00:00:00.000001", "999999", "100");
      assertThat(table.settings.api.targetBytes(InsightsApi.SEARCH, params)).as(name).isLessThan(1500);
    }
    schema.close();
  }

  @Test
  void anIdTooLongForAnyUrlIsNoSession() throws SQLException {
    assertThat(pushed.rows("SELECT id FROM insights.sessions WHERE id = ?", HUGE)).isEmpty();
    assertThat(TestApi.requests()).isEmpty();
  }

  /**
   * Bounds over several days, which search their windows for the ids the search by id does not find,
   * as many together as fit one search (pushdown.md).
   */
  private static final String DAYS = " AND session_start_time >= TIMESTAMP '2020-06-01 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2020-06-20 00:00:00'";

  /**
   * With a lower bound, ids are searched in the bounds' windows only as many together as keep the
   * search's URL within its 8,000 bytes; an id too long for a search alone names no session of the
   * service's and is not searched for, and one too long for a URL costs no request at all. Leaving
   * their terms out instead would read every session of the windows.
   */
  @Test
  void idsTooLongForOneSearchAreGotByIdNotReadWithTheWholeWindow() throws SQLException {
    assertThat(local.rows("SELECT id FROM insights.sessions WHERE id = ?" + DAYS, HUGE)).isEmpty();
    assertThat(pushed.rows("SELECT id FROM insights.sessions WHERE id = ?" + DAYS, HUGE)).isEmpty();
    assertThat(TestApi.requests()).isEmpty();
    String a = "A".repeat(4500);
    String b = "B".repeat(4500);
    String sql = "SELECT id FROM insights.sessions WHERE id IN (?, ?, 'url-a')" + DAYS;
    assertThat(local.rows(sql, a, b)).containsExactly("url-a");
    assertThat(pushed.rows(sql, a, b)).containsExactly("url-a");
    // two ids too long for a search alone: each id is got by id, as no search can hold them
    assertThat(TestApi.requests()).containsExactlyInAnyOrder("GET /insights/sessions/search/" + a,
        "GET /insights/sessions/search/" + b, "GET /insights/sessions/search/url-a");
    String project = "[\"id\",\"session_start_time\"]";
    // wide characters count as sent: 36 of them take 324 bytes each in the URL; ten take 3,240, more
    // than the 1,800 of 50 session ids that capped a search before, and within the URL's 8,000 bytes
    List<String> wide = IntStream.range(0, 10).mapToObj(i -> "名".repeat(35) + i).toList();
    String in = "SELECT id FROM insights.sessions WHERE id IN ("
        + wide.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")" + DAYS;
    assertThat(pushed.rows(in, wide.toArray())).isEmpty();
    assertThat(TestApi.requests()).containsExactly(
        TestApi.search("2020-05-31T23:59:59.999999", "2020-06-20T00:00:00", 0, 100, TestApi.UNORDERED,
            should(wide), project));
  }

  private static String should(List<String> ids) {
    return ids.stream().map(id -> "{\"term\":{\"id\":\"" + id + "\"}}")
        .collect(Collectors.joining(",", "{\"should\":[", "]}"));
  }
}
