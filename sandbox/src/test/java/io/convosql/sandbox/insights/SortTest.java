package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.DateRangeTest.assertRefused;
import static io.convosql.sandbox.insights.InsightsHttp.docs;
import static io.convosql.sandbox.insights.InsightsHttp.search;
import static io.convosql.sandbox.insights.PagingTest.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sort_by: several keys, missing values last in both directions, ties by id; malformed items refused. */
class SortTest {
  /** The last week before now: a few pages of sessions, some still in progress. */
  private static final List<ObjectNode> DAYS = docs(Instant.parse("2025-08-25T00:00:00Z"),
      Instant.parse("2025-08-31T23:59:59.999999Z"), d -> true);

  private static List<String> walk(String sortBy) {
    List<String> ids = new ArrayList<>();
    for (int page = 0; ; page++) {
      var a = search(InsightsHttp.params("from_date", "2025-08-25", "to_date", "2025-08-31", "sort_by", sortBy,
          "page_size", "100", "page_number", String.valueOf(page)));
      assertThat(a.status()).isEqualTo(200);
      if (a.hits().isEmpty()) {
        return ids;
      }
      ids.addAll(a.ids());
    }
  }

  private static Comparator<JsonNode> byId() {
    return Comparator.comparing(d -> d.get("id").asText());
  }

  private static List<String> ids(List<? extends JsonNode> docs) {
    return docs.stream().map(d -> d.get("id").asText()).toList();
  }

  @Test
  void missingValuesSortLastInBothDirections() {
    List<ObjectNode> missing = DAYS.stream().filter(d -> !d.get("channel_data").has("duration"))
        .sorted(byId()).toList();
    List<ObjectNode> present = DAYS.stream().filter(d -> d.get("channel_data").has("duration")).toList();
    assertThat(missing).isNotEmpty();
    Comparator<JsonNode> duration = Comparator.comparingLong(d -> d.get("channel_data").get("duration").asLong());
    List<String> asc = new ArrayList<>(ids(present.stream().sorted(duration.thenComparing(byId())).toList()));
    asc.addAll(ids(missing));
    List<String> desc =
        new ArrayList<>(ids(present.stream().sorted(duration.reversed().thenComparing(byId())).toList()));
    desc.addAll(ids(missing));
    assertThat(walk("channel_data.duration:asc")).isEqualTo(asc);
    assertThat(walk("channel_data.duration:desc")).isEqualTo(desc);
  }

  @Test
  void severalKeysApplyInOrderAndTiesBreakById() {
    Comparator<JsonNode> name = Comparator.comparing(d -> d.get("agent_information").get("name").asText());
    Comparator<JsonNode> start = Comparator.comparing(d -> d.get("session_start_time").asText());
    List<String> expected =
        ids(DAYS.stream().sorted(name.thenComparing(start.reversed()).thenComparing(byId())).toList());
    assertThat(walk("agent_information.name:asc,session_start_time:desc")).isEqualTo(expected);
    List<String> byStatus = ids(DAYS.stream()
        .sorted(Comparator.comparing((JsonNode d) -> d.get("status").asText()).thenComparing(byId())).toList());
    assertThat(walk("status:asc")).isEqualTo(byStatus);
  }

  @Test
  void anArraySortsByItsSmallestElementAscending() {
    Comparator<JsonNode> firstRequest = Comparator.comparing(d -> {
      List<String> ids = new ArrayList<>();
      d.get("request_ids").forEach(r -> ids.add(r.asText()));
      return ids.stream().min(String::compareTo).orElseThrow();
    });
    assertThat(walk("request_ids:asc"))
        .isEqualTo(ids(DAYS.stream().sorted(firstRequest.thenComparing(byId())).toList()));
  }

  @Test
  void theDefaultOrderIsNewestFirst() {
    assertThat(search(window("sort_by", "session_start_time:desc")).ids())
        .isEqualTo(search(window()).ids());
    List<String> oldestFirst = new ArrayList<>(PagingTest.ALL);
    Collections.reverse(oldestFirst);
    assertThat(search(window("sort_by", "session_start_time:asc")).ids()).isEqualTo(oldestFirst.subList(0, 10));
  }

  @Test
  void anObjectOrAnUnknownFieldHasNoSortValue() {
    List<String> byId = ids(DAYS.stream().sorted(byId()).toList());
    assertThat(walk("agent_information:asc")).isEqualTo(byId);
    assertThat(walk("no_such_field:desc")).isEqualTo(byId);
  }

  /** A key on a field the document does not define is ignored, though the documents hold values there. */
  @Test
  void aKeyOnAnUndocumentedFieldIsIgnored() {
    List<String> byId = ids(DAYS.stream().sorted(byId()).toList());
    assertThat(walk("transcription.user:asc")).isEqualTo(byId);
    assertThat(walk("flow_data.injected_parameters.value:desc,id:asc")).isEqualTo(walk("id:asc"));
  }

  @Test
  void malformedItemsAreRefused() {
    for (String bad : List.of("session_start_time", "session_start_time:DESC", "session_start_time:down",
        "status:asc, id:asc", "", "status:asc,", ":asc", "a..b:asc")) {
      assertRefused(search(window("sort_by", bad)),
          "Invalid sort_by item '" + bad.split(",", -1)[bad.startsWith("status:asc") ? 1 : 0]
              + "': expected <field>:asc or <field>:desc");
    }
  }
}
