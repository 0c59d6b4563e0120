package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * collected_tags, collected_parameters and request_ids come from the session document's
 * {@code flow_data.collected_tags}, {@code flow_data.collected_parameters} and {@code request_ids}:
 * each search fetches only that list, a filter on an element field finds the sessions holding a
 * matching element (term on ID fields, match on the words of the others), and every row is checked.
 * The expected rows are read from the emulator's stored documents with plain Jackson.
 */
class InsightsCollectedListsTest {
  private static final Instant AUG20 = Instant.parse("2025-08-20T00:00:00Z");
  private static final String SINCE = " session_start_time >= TIMESTAMP '2025-08-20 00:00:00'";
  private static final String FROM = "2025-08-19T23:59:59.999999";
  private static final String TO = "2025-09-01T12:05:00"; // now, and the clock margin
  private static Db db;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static List<JsonNode> recent(Predicate<JsonNode> test) {
    return List.copyOf(Docs.between(AUG20, TestApi.NOW, test));
  }

  private static List<String> filters() {
    return TestApi.recorded().stream().map(r -> r.param("filter_by")).distinct().toList();
  }

  /** The requests of a read of the window since Aug 20 whose hits are {@code hits}, with 100 a page. */
  private static List<String> requests(String filter, String list, int hits) {
    return TestApi.pages(FROM, TO, 100, TestApi.UNORDERED, filter, "[\"id\",\"session_start_time\",\"" + list + "\"]", hits);
  }

  private static boolean hasElement(JsonNode doc, String list, String field, String value) {
    for (JsonNode e : doc.at(list)) {
      if (value.equals(e.path(field).asText(null))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void collectedTagsAreEveryCollectionInOrderDuplicatesKept() throws SQLException {
    String sql = "SELECT session_id, collect_no, tag, category FROM insights.collected_tags WHERE tag = 'invalid'"
        + " AND" + SINCE;
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent(x -> true)) {
      int n = 0;
      for (JsonNode t : d.path("flow_data").path("collected_tags")) {
        n++;
        if (t.get("tag").asText().equals("invalid")) {
          expected.add(d.get("id").asText() + "; " + n + "; invalid; " + t.get("category").asText());
        }
      }
    }
    // a caller misunderstood twice in one session gives two rows
    assertThat(expected.stream().map(r -> r.substring(0, r.indexOf(';'))).distinct().count())
        .isLessThan(expected.size());
    assertThat(db.rows(sql)).containsExactlyInAnyOrderElementsOf(expected);
    String filter = "{\"must\":[{\"term\":{\"flow_data.collected_tags.tag\":\"invalid\"}}]}";
    assertThat(TestApi.requests()).containsExactlyInAnyOrderElementsOf(requests(filter, "flow_data.collected_tags",
        recent(d -> hasElement(d, "/flow_data/collected_tags", "tag", "invalid")).size()));
    assertThat(db.explain(sql)).contains("&filter_by=" + filter
        + "&project_fields=[\"id\",\"session_start_time\",\"flow_data.collected_tags\"]");
  }

  /** The document's example: the sessions tagged "cat", "dog" and "rat", each at least once. */
  @Test
  void theSessionsThatCollectedThreeGivenTags() throws SQLException {
    JsonNode example = Docs.oneSince(AUG20, d -> tags(d).size() >= 3);
    List<String> three = List.copyOf(tags(example)).subList(0, 3);
    List<String> expected = recent(d -> tags(d).containsAll(three)).stream().map(d -> d.get("id").asText())
        .toList();
    assertThat(expected).contains(example.get("id").asText());
    assertThat(db.rows("SELECT session_id FROM insights.collected_tags WHERE tag IN (?, ?, ?) AND" + SINCE
        + " GROUP BY session_id HAVING COUNT(DISTINCT tag) = 3", three.toArray()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(filters()).containsExactly("{\"should\":[" + String.join(",", three.stream()
        .map(t -> "{\"term\":{\"flow_data.collected_tags.tag\":\"" + t + "\"}}").toList()) + "]}");
  }

  private static Set<String> tags(JsonNode d) {
    Set<String> out = new LinkedHashSet<>();
    d.path("flow_data").path("collected_tags").forEach(t -> out.add(t.get("tag").asText()));
    return out;
  }

  @Test
  void aCategoryIsATermToo() throws SQLException {
    JsonNode t = Docs.oneSince(AUG20, d -> d.path("flow_data").path("collected_tags").size() > 0)
        .get("flow_data").get("collected_tags").get(0);
    String category = t.get("category").asText();
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent(x -> true)) {
      d.path("flow_data").path("collected_tags").forEach(e -> {
        if (e.get("category").asText().equals(category)) {
          expected.add(d.get("id").asText() + "; " + e.get("tag").asText());
        }
      });
    }
    assertThat(db.rows("SELECT session_id, tag FROM insights.collected_tags WHERE category = ? AND" + SINCE,
        category)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(filters()).containsExactly(
        "{\"must\":[{\"term\":{\"flow_data.collected_tags.category\":\"" + category + "\"}}]}");
  }

  @Test
  void collectedParametersTermOnNameAndMatchOnTheValuesWords() throws SQLException {
    JsonNode p = Docs.oneSince(AUG20, d -> d.path("flow_data").path("collected_parameters").size() > 0
        && d.path("channel").asText().equals("voice")).get("flow_data").get("collected_parameters").get(0);
    String name = p.get("name").asText();
    String value = p.get("value").asText();
    String sql = "SELECT session_id, collect_no, name, type, \"value\", value_text, completed, audio_url"
        + " FROM insights.collected_parameters WHERE name = ? AND \"value\" = ? AND" + SINCE;
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent(x -> true)) {
      int n = 0;
      for (JsonNode e : d.path("flow_data").path("collected_parameters")) {
        n++;
        if (e.get("name").asText().equals(name) && e.get("value").asText().equals(value)) {
          expected.add(d.get("id").asText() + "; " + n + "; " + name + "; " + e.get("type").asText() + "; "
              + value + "; " + e.get("value_text").asText() + "; " + e.get("completed").asText() + "; "
              + e.path("audio_url").asText(null));
        }
      }
    }
    assertThat(expected).anyMatch(r -> !r.endsWith("; null"));
    assertThat(db.rows(sql, name, value)).containsExactlyInAnyOrderElementsOf(expected);
    // the value is no ID field: the service may analyse it into words, which a term would not find
    String filter = "{\"must\":[{\"term\":{\"flow_data.collected_parameters.name\":\"" + name + "\"}},"
        + "{\"match\":{\"flow_data.collected_parameters.value\":\"" + value + "\"}}]}";
    assertThat(filters()).containsExactly(filter);
    assertThat(TestApi.recorded()).allSatisfy(r -> assertThat(r.param("project_fields"))
        .isEqualTo("[\"id\",\"session_start_time\",\"flow_data.collected_parameters\"]"));

    String url = p.get("audio_url").asText();
    assertThat(db.rows("SELECT session_id, name FROM insights.collected_parameters WHERE audio_url = ? AND"
        + SINCE, url)).containsExactly(Docs.oneSince(AUG20, d -> hasElement(d, "/flow_data/collected_parameters",
            "audio_url", url)).get("id").asText() + "; " + name);
    assertThat(filters()).containsExactly(
        "{\"must\":[{\"term\":{\"flow_data.collected_parameters.audio_url\":\"" + url + "\"}}]}");
  }

  @Test
  void requestIdsAreTheListsTexts() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (JsonNode d : recent(x -> true)) {
      d.path("request_ids").forEach(r -> expected.add(d.get("id").asText() + "; " + r.asText()));
    }
    assertThat(db.rows("SELECT session_id, request_id FROM insights.request_ids WHERE" + SINCE))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(TestApi.requests()).containsExactlyInAnyOrderElementsOf(requests(null, "request_ids",
        recent(x -> true).size()));

    JsonNode d = Docs.oneSince(AUG20, x -> x.path("request_ids").size() > 1);
    String first = d.get("request_ids").get(0).asText();
    String second = d.get("request_ids").get(1).asText();
    assertThat(db.rows("SELECT session_id, request_id FROM insights.request_ids WHERE request_id = ? AND" + SINCE,
        first)).containsExactly(d.get("id").asText() + "; " + first);
    assertThat(TestApi.requests()).containsExactly(TestApi.search(FROM, TO, 0, 100, TestApi.UNORDERED,
        "{\"must\":[{\"term\":{\"request_ids\":\"" + first + "\"}}]}", "[\"id\",\"session_start_time\",\"request_ids\"]"));
    assertThat(db.rows("SELECT request_id FROM insights.request_ids WHERE request_id IN (?, ?, '44') AND" + SINCE,
        first, second)).containsExactlyInAnyOrder(first, second);
    assertThat(filters()).containsExactly("{\"should\":[{\"term\":{\"request_ids\":\"" + first + "\"}},"
        + "{\"term\":{\"request_ids\":\"" + second + "\"}},{\"term\":{\"request_ids\":\"44\"}}]}");
  }

  @Test
  void theFlowPathNodesOfARequest() throws SQLException {
    JsonNode d = Docs.oneSince(AUG20, x -> x.path("request_ids").size() > 1);
    String request = d.get("request_ids").get(1).asText();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < d.get("flow_path").size(); i++) {
      if (d.get("flow_path").get(i).get("request_id").asText().equals(request)) {
        expected.add((i + 1) + "; " + d.get("flow_path").get(i).get("type").asText());
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(db.rows("SELECT f.step_no, f.type FROM insights.request_ids r JOIN insights.flow_path f"
        + " ON f.session_id = r.session_id AND f.request_id = r.request_id WHERE r.request_id = ?"
        + " AND r." + SINCE.strip() + " AND f." + SINCE.strip(), request)).containsExactlyInAnyOrderElementsOf(expected);
  }
}
