package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.InsightsHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.insights.InsightsHttp.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the order set to vary, as an index's replicas answer, the document's promise is all that
 * holds: a search without sort_by gets its hits in another order on each request, so its pages
 * repeat and skip sessions, and hits that tie on every key of a sort_by come in another order too;
 * a total order (sort_by ending in id) still pages exactly. Off, the order is the fixed default.
 */
class VaryingOrderTest {
  private static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
  private static final String FROM = "2025-07-05";
  private static final String TO = "2025-09-01";
  private static Sandbox sandbox;
  private static List<JsonNode> inRange;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().seed(13).pathSimSessions(0).insightsSessions(1000).now(NOW).start();
    inRange = new ArrayList<>(sandbox.insights().data().documents().stream()
        .filter(d -> !InsightsHttp.start(d).isBefore(Instant.parse(FROM + "T00:00:00Z"))
            && InsightsHttp.start(d).isBefore(Instant.parse(TO + "T23:59:59.999999Z")))
        .toList());
    assertThat(inRange.size()).as("several pages of 100").isBetween(250, 450);
  }

  @AfterAll
  static void stop() {
    sandbox.insights().setVaryingOrder(false);
    sandbox.close();
  }

  private static Answer page(int page, String... more) {
    Map<String, String> p = params("from_date", FROM, "to_date", TO, "page_number", String.valueOf(page),
        "page_size", "100");
    p.putAll(params(more));
    Answer a = InsightsHttp.get(sandbox, "/insights/sessions", p);
    assertThat(a.status()).isEqualTo(200);
    return a;
  }

  /** Every page of the search, one request each, the hits' ids in the order read. */
  private static List<String> walk(String... more) {
    List<String> ids = new ArrayList<>();
    for (int page = 0; page * 100 < inRange.size(); page++) {
      ids.addAll(page(page, more).ids());
    }
    return ids;
  }

  private static List<String> ids(Comparator<JsonNode> order) {
    return inRange.stream().sorted(order).map(d -> d.get("id").asText()).toList();
  }

  private static final Comparator<JsonNode> START = Comparator.comparing(InsightsHttp::start);

  private static Comparator<JsonNode> byText(String field, String child) {
    return Comparator.comparing(d -> child == null ? d.get(field).asText() : d.get(field).get(child).asText());
  }

  @Test
  void withoutSortByEachRequestGetsAnotherOrderSoPagesRepeatAndSkip() {
    sandbox.insights().setVaryingOrder(true);
    try {
      Set<List<String>> firstPages = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        Answer a = page(0);
        assertThat(a.total()).isEqualTo(inRange.size());
        assertThat(a.ids()).hasSize(100).doesNotHaveDuplicates();
        firstPages.add(a.ids());
      }
      assertThat(firstPages).hasSize(3);
      List<String> walked = walk();
      assertThat(walked).hasSize(inRange.size());
      assertThat(new HashSet<>(walked)).hasSizeLessThan(inRange.size()); // some twice, so some never
    } finally {
      sandbox.insights().setVaryingOrder(false);
    }
  }

  @Test
  void aTotalOrderStillPagesExactly() {
    sandbox.insights().setVaryingOrder(true);
    try {
      List<String> expected = ids(START.thenComparing(byText("id", null)));
      assertThat(walk("sort_by", "session_start_time:asc,id:asc")).isEqualTo(expected);
      assertThat(walk("sort_by", "session_start_time:asc,id:asc")).isEqualTo(expected);
    } finally {
      sandbox.insights().setVaryingOrder(false);
    }
  }

  @Test
  void tiesOnEveryKeyComeInAnotherOrderOnEachRequest() {
    sandbox.insights().setVaryingOrder(true);
    try {
      List<String> first = walk("sort_by", "status:asc");
      List<String> second = walk("sort_by", "status:asc");
      assertThat(first).isNotEqualTo(second);
      Map<String, String> status = new java.util.HashMap<>();
      inRange.forEach(d -> status.put(d.get("id").asText(), d.get("status").asText()));
      assertThat(first.stream().map(status::get).toList()).isSorted();
      assertThat(second.stream().map(status::get).toList()).isSorted();
      assertThat(walk("sort_by", "status:asc,id:asc"))
          .isEqualTo(ids(byText("status", null).thenComparing(byText("id", null))));
    } finally {
      sandbox.insights().setVaryingOrder(false);
    }
  }

  /** The document's own example of several keys: "session_start_time:desc,agent_information.id:asc". */
  @Test
  void theDocumentsExampleOfSeveralKeysOrdersByEachInTurn() {
    sandbox.insights().setVaryingOrder(true);
    try {
      Comparator<JsonNode> order = START.reversed()
          .thenComparing(byText("agent_information", "id"));
      List<String> walked = walk("sort_by", "session_start_time:desc,agent_information.id:asc");
      assertThat(walked).isEqualTo(ids(order)); // no two sessions tie on both keys here
    } finally {
      sandbox.insights().setVaryingOrder(false);
    }
  }

  @Test
  void offTheOrderIsFixedNewestFirstThenById() {
    sandbox.insights().setVaryingOrder(true);
    sandbox.insights().setVaryingOrder(false);
    List<String> newestFirst = ids(START.reversed().thenComparing(byText("id", null)));
    assertThat(walk()).isEqualTo(newestFirst);
    assertThat(walk()).isEqualTo(newestFirst);
    assertThat(walk("sort_by", "status:asc"))
        .isEqualTo(ids(byText("status", null).thenComparing(byText("id", null))));
  }
}
