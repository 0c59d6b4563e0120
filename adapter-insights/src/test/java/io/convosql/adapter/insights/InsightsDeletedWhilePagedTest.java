package io.convosql.adapter.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions deleted while a window is paged: every later session moves up a place, so a page asked
 * for by number after the deletion starts past sessions no page has held. The total falls, and the
 * pages before are read again for the sessions that moved onto them.
 */
class InsightsDeletedWhilePagedTest {
  private static final String SQL = "SELECT id, duration_ms FROM insights.sessions WHERE" + InsightsStub.SINCE;
  private InsightsStub stub;
  private WireMockServer api;

  @BeforeEach
  void start() throws SQLException {
    stub = new InsightsStub();
    api = stub.server();
  }

  @AfterEach
  void stop() throws SQLException {
    stub.close();
  }

  private static String doc(int i) {
    return "{\"id\":\"s" + i + "\",\"session_start_time\":\"2025-08-10T10:00:00.000" + String.format("%03d", i)
        + "\",\"channel_data\":{\"duration\":\"" + (1000 + i) + "\"}}";
  }

  /** The documents of sessions {@code from} to {@code to} (exclusive) but {@code deleted}. */
  private static String docs(int from, int to, List<Integer> deleted) {
    return String.join(",", IntStream.range(from, to).filter(i -> !deleted.contains(i))
        .mapToObj(InsightsDeletedWhilePagedTest::doc).toList());
  }

  private static String answer(int total, String docs) {
    return "{\"total\":" + total + ",\"hits\":[" + docs + "]}";
  }

  private static List<String> rows(int from, int to) {
    List<String> out = new ArrayList<>();
    IntStream.range(from, to).forEach(i -> out.add("s" + i + "; " + (1000 + i)));
    return out;
  }

  private ScenarioMappingBuilder page(int number) {
    return get(urlPathEqualTo("/insights/sessions")).withQueryParam("page_number", equalTo(Integer.toString(number)))
        .withQueryParam("page_size", equalTo("100")).inScenario("paging");
  }

  private List<String> pagesAsked() {
    return api.findAll(getRequestedFor(urlPathEqualTo("/insights/sessions"))).stream()
        .map(LoggedRequest::getUrl).map(u -> u.replaceAll(".*page_number=(\\d+).*", "$1")).toList();
  }

  @Test
  void aSessionDeletedBeforeThePositionReachedMovesTheNextOneOntoThePageReadAgain() throws SQLException {
    // 150 sessions; s50 is deleted once page 0 is answered: s100 moves up onto page 0, and page 1
    // starts at s101. Before, s100 was never read.
    List<Integer> gone = List.of(50);
    api.stubFor(page(0).whenScenarioStateIs(STARTED).willSetStateTo("deleted")
        .willReturn(okJson(answer(150, docs(0, 100, List.of())))));
    api.stubFor(page(1).whenScenarioStateIs("deleted").willReturn(okJson(answer(149, docs(101, 150, gone)))));
    api.stubFor(page(0).whenScenarioStateIs("deleted").willReturn(okJson(answer(149, docs(0, 101, gone)))));
    assertThat(stub.rows(SQL)).containsExactlyInAnyOrderElementsOf(rows(0, 150));
    assertThat(pagesAsked()).containsExactly("0", "1", "0");
  }

  @Test
  void sessionsMovedAreReadInTheOrderAskedFor() throws SQLException {
    // The order is pushed (sort_by), so Calcite does not sort again: the sessions found on the page
    // read again come before the page that lacked them.
    List<Integer> gone = List.of(3, 4);
    api.stubFor(page(0).whenScenarioStateIs(STARTED).willSetStateTo("deleted")
        .willReturn(okJson(answer(250, docs(0, 100, List.of())))));
    api.stubFor(page(1).whenScenarioStateIs("deleted").willReturn(okJson(answer(248, docs(102, 202, gone)))));
    api.stubFor(page(0).whenScenarioStateIs("deleted").willReturn(okJson(answer(248, docs(0, 102, gone)))));
    api.stubFor(page(2).whenScenarioStateIs("deleted").willReturn(okJson(answer(248, docs(202, 250, gone)))));
    assertThat(stub.rows(SQL + " ORDER BY session_start_time")).containsExactlyElementsOf(rows(0, 250));
    assertThat(pagesAsked()).containsExactlyInAnyOrder("0", "1", "0", "2"); // page 2 may be asked for ahead
  }

  @Test
  void aSessionDeletedFurtherOnCostsOnePageReadAgainAndNoRow() throws SQLException {
    List<Integer> gone = List.of(149);
    api.stubFor(page(0).whenScenarioStateIs(STARTED).willSetStateTo("deleted")
        .willReturn(okJson(answer(150, docs(0, 100, List.of())))));
    api.stubFor(page(1).whenScenarioStateIs("deleted").willReturn(okJson(answer(149, docs(100, 150, gone)))));
    api.stubFor(page(0).whenScenarioStateIs("deleted").willReturn(okJson(answer(149, docs(0, 100, gone)))));
    assertThat(stub.rows(SQL)).containsExactlyInAnyOrderElementsOf(rows(0, 149));
    assertThat(pagesAsked()).containsExactly("0", "1", "0");
  }

  @Test
  void moreDeletedThanThePagesReadAgainHoldFailsRatherThanMissSessions() {
    // 1,500 sessions in pages of 100; after page 11 is answered, 1,050 of those read are deleted:
    // the sessions that moved past the pages read are more than ten pages read again can find.
    // The pages read again answer as the service would: s0 to s1049 are gone, so page 1 holds 50 of
    // s1050 to s1199 (read, but on pages no longer remembered) and pages 1 to 4 the 300 that moved.
    for (int p = 0; p <= 11; p++) {
      ScenarioMappingBuilder stub = page(p).whenScenarioStateIs(STARTED);
      api.stubFor((p == 11 ? stub.willSetStateTo("deleted") : stub)
          .willReturn(okJson(answer(1500, docs(p * 100, p * 100 + 100, List.of())))));
    }
    for (int p = 0; p <= 12; p++) {
      api.stubFor(page(p).whenScenarioStateIs("deleted").willReturn(okJson(answer(450,
          docs(1050 + p * 100, Math.min(1500, 1050 + p * 100 + 100), List.of())))));
    }
    assertThatThrownBy(() -> stub.rows(SQL + " LIMIT 5000"))
        .hasMessageContaining("Insights API")
        .hasMessageContaining("the total fell from 1500 to 450 sessions while the window was paged")
        .hasMessageContaining("run the query again");
  }

  /** The documents at page {@code p} (of 100) of these sessions, newest first. */
  private static String newestFirst(List<Integer> sessions, int p) {
    List<Integer> desc = sessions.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    return String.join(",", desc.subList(Math.min(desc.size(), p * 100), Math.min(desc.size(), p * 100 + 100))
        .stream().map(InsightsDeletedWhilePagedTest::doc).toList());
  }

  @Test
  void aSessionStoredAheadOfThePagesReadAgainIsNotPutOutOfOrder() throws SQLException {
    // Newest first, 250 sessions. Once page 0 is answered, s999 (the newest) is stored and s200, s201
    // (on page 0) are deleted: the total falls by one, s149 moved up onto page 0, and page 0 read
    // again starts with s999, which sorts before every row already given. Before, s999 came between
    // s150 and s149, out of the order asked for.
    List<Integer> before = IntStream.range(0, 250).boxed().toList();
    List<Integer> after = new ArrayList<>(before);
    after.removeAll(List.of(200, 201));
    after.add(999);
    api.stubFor(page(0).whenScenarioStateIs(STARTED).willSetStateTo("changed")
        .willReturn(okJson(answer(250, newestFirst(before, 0)))));
    for (int p = 0; p <= 2; p++) {
      api.stubFor(page(p).whenScenarioStateIs("changed").willReturn(okJson(answer(249, newestFirst(after, p)))));
    }
    List<String> expected = new ArrayList<>(rows(0, 250));
    java.util.Collections.reverse(expected);
    assertThat(stub.rows(SQL + " ORDER BY session_start_time DESC")).containsExactlyElementsOf(expected);
    assertThat(pagesAsked()).containsExactlyInAnyOrder("0", "1", "2", "0");
  }

  @Test
  void manySessionsDeletedFurtherOnCostOnePageReadAgainAndNoFailure() throws SQLException {
    // 2,500 sessions read in pages of 100 (a LIMIT: one page after the other). Once page 10 is
    // answered, the last 1,200 (s1300 on) are deleted: nothing moved onto the pages read, and page 10
    // read again still holds the sessions read, so no page further back is read. Before, the fall by
    // 1,200 (more than ten pages hold) failed the statement, and a fall by 500 read five pages again.
    for (int p = 0; p <= 10; p++) {
      ScenarioMappingBuilder stub = page(p).whenScenarioStateIs(STARTED);
      api.stubFor((p == 10 ? stub.willSetStateTo("deleted") : stub)
          .willReturn(okJson(answer(2500, docs(p * 100, p * 100 + 100, List.of())))));
    }
    for (int p = 10; p <= 12; p++) {
      api.stubFor(page(p).whenScenarioStateIs("deleted")
          .willReturn(okJson(answer(1300, docs(p * 100, Math.min(1300, p * 100 + 100), List.of())))));
    }
    assertThat(stub.rows(SQL + " LIMIT 5000")).containsExactlyInAnyOrderElementsOf(rows(0, 1300));
    assertThat(pagesAsked()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "10", "12");
  }

  @Test
  void sessionsDeletedOnTheLastPagesAreFoundOnThePagesBeforeThemAsNeeded() throws SQLException {
    // 350 sessions; once page 2 is answered, s0 to s119 are deleted, and s300 to s349 move up onto
    // pages 1 and 2: page 2 read again holds none read (s320 to s349), so page 1 is read again too
    // (s220 to s299 read, then s300 to s319). Both come before page 3 (empty), oldest first.
    List<Integer> gone = IntStream.range(0, 120).boxed().toList();
    for (int p = 0; p <= 2; p++) {
      ScenarioMappingBuilder stub = page(p).whenScenarioStateIs(STARTED);
      api.stubFor((p == 2 ? stub.willSetStateTo("deleted") : stub)
          .willReturn(okJson(answer(350, docs(p * 100, p * 100 + 100, List.of())))));
    }
    String left = docs(0, 350, gone);
    String[] docs = left.split(",(?=\\{)");
    for (int p = 0; p <= 3; p++) {
      List<String> on = java.util.Arrays.asList(docs).subList(Math.min(docs.length, p * 100),
          Math.min(docs.length, p * 100 + 100));
      api.stubFor(page(p).whenScenarioStateIs("deleted").willReturn(okJson(answer(230, String.join(",", on)))));
    }
    assertThat(stub.rows(SQL + " ORDER BY session_start_time LIMIT 5000"))
        .containsExactlyElementsOf(rows(0, 350));
  }
}
