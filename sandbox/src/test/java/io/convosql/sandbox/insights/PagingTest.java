package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.DateRangeTest.assertRefused;
import static io.convosql.sandbox.insights.InsightsHttp.docs;
import static io.convosql.sandbox.insights.InsightsHttp.newestFirst;
import static io.convosql.sandbox.insights.InsightsHttp.params;
import static io.convosql.sandbox.insights.InsightsHttp.search;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.insights.InsightsHttp.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** page_number from 0, page_size default 10 and capped at 100, both echoed back as strings. */
class PagingTest {
  static final String FROM = "2025-07-03";
  static final String TO = "2025-08-31";
  static final List<String> ALL = newestFirst(
      docs(Instant.parse("2025-07-03T00:00:00Z"), Instant.parse("2025-08-31T23:59:59.999999Z"), d -> true));

  static Map<String, String> window(String... more) {
    Map<String, String> p = params("from_date", FROM, "to_date", TO);
    p.putAll(params(more));
    return p;
  }

  @Test
  void defaultsAreTheFirstTenNewestFirstWithStringPageFields() {
    Answer a = search(window());
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().fieldNames()).toIterable().containsExactly("total", "hits", "page_size", "page_number");
    assertThat(a.total()).isEqualTo(ALL.size()).isGreaterThan(300);
    assertThat(a.ids()).isEqualTo(ALL.subList(0, 10));
    assertThat(a.body().get("page_size").isTextual()).isTrue();
    assertThat(a.body().get("page_size").asText()).isEqualTo("10");
    assertThat(a.body().get("page_number").asText()).isEqualTo("0");
  }

  @Test
  void pagesFollowEachOther() {
    Answer third = search(window("page_number", "3", "page_size", "10"));
    assertThat(third.ids()).isEqualTo(ALL.subList(30, 40));
    assertThat(third.body().get("page_number").asText()).isEqualTo("3");
    List<String> walked = new ArrayList<>();
    for (int page = 0; ; page++) {
      Answer a = search(window("page_number", String.valueOf(page), "page_size", "70"));
      assertThat(a.total()).isEqualTo(ALL.size());
      if (a.hits().isEmpty()) {
        break;
      }
      walked.addAll(a.ids());
    }
    assertThat(walked).isEqualTo(ALL);
  }

  @Test
  void pageSizesOverAHundredAreCappedSilentlyButEchoedAsSent() {
    Answer a = search(window("page_size", "500"));
    assertThat(a.hits()).hasSize(100);
    assertThat(a.ids()).isEqualTo(ALL.subList(0, 100));
    assertThat(a.body().get("page_size").asText()).isEqualTo("500");
    assertThat(search(window("page_size", "0")).hits()).isEmpty();
    assertThat(search(window("page_size", "007")).body().get("page_size").asText()).isEqualTo("007");
    assertThat(search(window("page_number", "99999999999")).hits()).isEmpty();
  }

  @Test
  void negativeOrNonNumericPagingIsRefused() {
    assertRefused(search(window("page_size", "-1")), "Invalid page_size: must not be negative");
    assertRefused(search(window("page_number", "-2")), "Invalid page_number: must not be negative");
    assertRefused(search(window("page_size", "ten")), "Invalid page_size: not an integer");
    assertRefused(search(window("page_number", "1.5")), "Invalid page_number: not an integer");
    assertRefused(search(window("page_size", " 5")), "Invalid page_size: not an integer");
  }

  @Test
  void aParameterGivenTwiceIsRefused() {
    String url = "/insights/sessions?" + InsightsHttp.query(window()) + "&page_size=5";
    assertThat(InsightsHttp.get(InsightsHttp.shared(), url, Map.of()).status()).isEqualTo(200);
    assertRefused(InsightsHttp.get(InsightsHttp.shared(), url + "&page_size=5", Map.of()),
        "Invalid page_size: given more than once");
    assertRefused(InsightsHttp.get(InsightsHttp.shared(), url + "&from_date=2025-07-04", Map.of()),
        "Invalid from_date: given more than once");
  }

  @Test
  void aResultWindowCountsUpToItsSizeAndRefusesHitsPastIt() {
    try (io.convosql.sandbox.Sandbox own = InsightsHttp.start()) {
      own.insights().setResultWindow(100, false);
      Answer first = InsightsHttp.get(own, "/insights/sessions", window("page_size", "100"));
      assertThat(first.body().get("total").toString()).isEqualTo("{\"value\":100,\"relation\":\"gte\"}");
      assertThat(first.ids()).isEqualTo(ALL.subList(0, 100));
      Answer past = InsightsHttp.get(own, "/insights/sessions", window("page_number", "1", "page_size", "100"));
      assertThat(past.status()).isEqualTo(401);
      assertThat(past.body().toString()).contains("Result window is too large, from + size must be less than"
          + " or equal to: [100] but was [200]");
      own.insights().setResultWindow(100, true);
      assertThat(InsightsHttp.get(own, "/insights/sessions", window()).body().get("total").asInt()).isEqualTo(100);
      Answer narrow = InsightsHttp.get(own, "/insights/sessions",
          params("from_date", "2025-08-31", "to_date", "2025-08-31", "page_size", "5"));
      assertThat(narrow.total()).isLessThan(100).isEqualTo(docs(Instant.parse("2025-08-31T00:00:00Z"),
          Instant.parse("2025-08-31T23:59:59.999999Z"), d -> true).size());
      own.insights().setResultWindow(0, false);
      assertThat(InsightsHttp.get(own, "/insights/sessions", window()).total()).isEqualTo(ALL.size());
    }
  }
}
