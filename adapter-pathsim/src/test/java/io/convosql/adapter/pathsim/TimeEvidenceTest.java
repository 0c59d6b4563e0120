package io.convosql.adapter.pathsim;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.convosql.adapter.pathsim.PathSimStub.json;
import static io.convosql.adapter.pathsim.PathSimStub.onePage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.core.http.ApiException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What tells the reading of a session's Time ({@code MM/dd/yyyy} or {@code dd/MM/yyyy}): a field
 * above 12, a web test_id, the lists around an ambiguous date; evidence for both is an error naming
 * the values, and no evidence at all an error asking for pathsim.timeFormat, never a guess.
 */
class TimeEvidenceTest {
  private static final String SQL = "SELECT id, started_at FROM pathsim.sessions WHERE workspace_id = 'w1'"
      + " ORDER BY id";
  private PathSimStub stub;

  @AfterEach
  void stop() throws SQLException {
    if (stub != null) {
      stub.close();
    }
  }

  private static String session(String id, String time, String testId) {
    return PathSimStub.session(id).replace("08/08/2025 18:00", time).replace("call_1", testId);
  }

  private static String page(String... sessions) {
    return onePage("[" + String.join(",", sessions) + "]", sessions.length);
  }

  /** The sessions list of w1 answers {@code body} when created_from is {@code from}. */
  private void answerFrom(String from, String body) {
    stub.api.stubFor(get(urlPathEqualTo("/v1/workspaces/w1/sessions"))
        .withQueryParam("created_from", equalTo(from)).willReturn(json(body)));
  }

  private List<String> lists() {
    return stub.api.findAll(getRequestedFor(urlPathEqualTo("/v1/workspaces/w1/sessions"))).stream()
        .map(r -> r.getUrl().substring(r.getUrl().indexOf('?') + 1)).toList();
  }

  @Test
  void aDayAbove12ReadsTheWholePageDayFirst() throws SQLException {
    stub = new PathSimStub();
    stub.answer("/workspaces/w1/sessions", page(session("s1", "05/08/2025 10:00", "call_1"),
        session("s2", "13/08/2025 18:00", "call_2"), session("s3", "08/08/2025 09:30", "call_3")));
    assertThat(stub.rows(SQL)).containsExactly("s1; 2025-08-05 10:00:00.000", "s2; 2025-08-13 18:00:00.000",
        "s3; 2025-08-08 09:30:00.000");
    assertThat(lists()).containsExactly("limit=100&offset=0");
  }

  @Test
  void aWebTestIdTellsTheReadingOfItsOwnAndEveryOtherDate() throws SQLException {
    stub = new PathSimStub();
    stub.answer("/workspaces/w1/sessions", page(session("s1", "05/08/2025 10:00", "call_1"),
        session("s2", "04/08/2025 14:21", "test_20250804_142100_719132")));
    assertThat(stub.rows(SQL)).containsExactly("s1; 2025-08-05 10:00:00.000", "s2; 2025-08-04 14:21:00.000");
    assertThat(lists()).containsExactly("limit=100&offset=0");
  }

  @Test
  void withoutEvidenceTheListsAroundEachReadingOfTheDateTellIt() throws SQLException {
    stub = new PathSimStub();
    String s1 = session("s1", "05/08/2025 10:00", "call_1");
    stub.answer("/workspaces/w1/sessions", page(s1));
    answerFrom("2025-05-07", page()); // nothing on 8 May: month first would have shown s1
    answerFrom("2025-08-04", page(s1, session("s9", "06/08/2025 11:00", "call_9")));
    assertThat(stub.rows(SQL)).containsExactly("s1; 2025-08-05 10:00:00.000");
    assertThat(lists()).containsExactly("limit=100&offset=0",
        "created_from=2025-05-07&created_to=2025-05-10&limit=100",
        "created_from=2025-08-04&created_to=2025-08-07&limit=100");
    // known for the connection: the same page again costs its one request
    stub.api.resetRequests();
    assertThat(stub.rows(SQL)).containsExactly("s1; 2025-08-05 10:00:00.000");
    assertThat(lists()).containsExactly("limit=100&offset=0");
  }

  @Test
  void explainsEstimateCountsTheListsThatLearnTheReading() throws SQLException {
    stub = new PathSimStub();
    String s1 = session("s1", "05/08/2025 10:00", "call_1");
    stub.answer("/workspaces", PathSimStub.envelope("[" + PathSimStub.WORKSPACE + "]"));
    stub.answer("/workspaces/w1/sessions", page(s1));
    answerFrom("2025-05-07", page());
    answerFrom("2025-08-04", page(s1));
    stub.answer("/sessions/s1", PathSimStub.envelope(s1));
    // one page, and the two lists around each reading of its one ambiguous date: 1 + 2
    assertThat(Sql.explain(stub.connection(), SQL)).endsWith("estimate=[1 per 100 sessions of the workspace"
        + " + up to 2 to learn how Time writes dates (once per connection)])");
    assertThat(stub.rows(SQL)).containsExactly("s1; 2025-08-05 10:00:00.000");
    assertThat(stub.api.getAllServeEvents()).hasSize(3);
    // by id, a detail does not name its workspace: they are listed, and each may be asked twice
    PathSimStub byId = new PathSimStub();
    try {
      byId.answer("/workspaces", PathSimStub.envelope("[" + PathSimStub.WORKSPACE + "]"));
      byId.answer("/sessions/s1", PathSimStub.envelope(s1));
      byId.api.stubFor(get(urlPathEqualTo("/v1/workspaces/w1/sessions")).withQueryParam("created_from",
          equalTo("2025-05-07")).willReturn(json(page())));
      byId.api.stubFor(get(urlPathEqualTo("/v1/workspaces/w1/sessions")).withQueryParam("created_from",
          equalTo("2025-08-04")).willReturn(json(page(s1))));
      String sql = "SELECT id, started_at FROM pathsim.sessions WHERE id = 's1'";
      assertThat(Sql.explain(byId.connection(), sql)).endsWith("estimate=[1 request + GET /workspaces and up"
          + " to 2 per workspace to learn how Time writes dates (once per connection)])");
      assertThat(byId.rows(sql)).containsExactly("s1; 2025-08-05 10:00:00.000");
      assertThat(byId.api.getAllServeEvents()).hasSize(1 + 1 + 2);
    } finally {
      byId.close();
    }
    // a stated reading is never learnt
    PathSimStub stated = new PathSimStub("dd/MM");
    try {
      assertThat(Sql.explain(stated.connection(), SQL)).endsWith("estimate=[1 per 100 sessions of the workspace])");
    } finally {
      stated.close();
    }
  }

  @Test
  void withNoEvidenceAnywhereTheQueryStopsAndAsksForTheFormat() throws SQLException {
    stub = new PathSimStub();
    stub.answer("/workspaces/w1/sessions", page(session("s1", "05/08/2025 10:00", "call_1")));
    answerFrom("2025-05-07", page());
    answerFrom("2025-08-04", page());
    ApiException e = stub.failure(SQL);
    assertThat(e.getMessage()).isEqualTo("PathSim API: a session time reads two ways and no answer"
        + " tells which (GET /workspaces/w1/sessions, HTTP 200): field Time of session \"s1\" in data"
        + " is \"05/08/2025 10:00\": 2025-05-08 read month first (MM/dd/yyyy), 2025-08-05 read day"
        + " first (dd/MM/yyyy). Hint: no answer had a day above 12, a web test_id, or a"
        + " created_from/created_to list around either date that fits one reading only; set the"
        + " connection property pathsim.timeFormat to MM/dd or dd/MM");
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  @Test
  void evidenceForBothReadingsIsAnErrorNamingBothValues() throws SQLException {
    stub = new PathSimStub();
    stub.answer("/workspaces/w1/sessions", page(session("s1", "13/08/2025 18:00", "call_1"),
        session("s2", "08/13/2025 10:00", "call_2")));
    assertThat(stub.failure(SQL).getMessage()).contains("the answers write session times both month"
        + " first and day first", "field Time of session \"s1\" in data is \"13/08/2025 18:00\": day first"
        + " (dd/MM/yyyy), but field Time of session \"s2\" in data is \"08/13/2025 10:00\": month first");
  }

  @Test
  void aLaterAnswerMustAgreeWithWhatTheConnectionLearnt() throws SQLException {
    stub = new PathSimStub();
    stub.answer("/workspaces/w1/sessions", page(session("s1", "13/08/2025 18:00", "call_1")));
    assertThat(stub.rows(SQL)).containsExactly("s1; 2025-08-13 18:00:00.000");
    stub.answer("/workspaces/w1/sessions", page(session("s2", "05/08/2025 10:00",
        "test_20250508_100000_1")));
    assertThat(stub.failure(SQL).getMessage()).contains("\"13/08/2025 18:00\": day first",
        "but field Time of session \"s2\" in data is \"05/08/2025 10:00\" and its test_id is"
            + " \"test_20250508_100000_1\": month first");
  }

  @Test
  void aStatedFormatReadsAmbiguousDatesWithoutAskingAndRefusesTheOther() throws SQLException {
    stub = new PathSimStub("dd/MM");
    stub.answer("/workspaces/w1/sessions", page(session("s1", "05/08/2025 10:00", "call_1")));
    assertThat(stub.rows(SQL)).containsExactly("s1; 2025-08-05 10:00:00.000");
    assertThat(lists()).containsExactly("limit=100&offset=0");
    stub.answer("/workspaces/w1/sessions", page(session("s2", "08/13/2025 10:00", "call_1")));
    assertThat(stub.failure(SQL).getMessage()).contains("pathsim.timeFormat=dd/MM states day first"
        + " (dd/MM/yyyy), but field Time of session \"s2\" in data is \"08/13/2025 10:00\": month first");
  }

  @Test
  void aTimeFormatIsAutoMmDdOrDdMm() {
    assertThat(TimeReading.Order.ofProperty("auto")).isNull();
    assertThat(TimeReading.Order.ofProperty(null)).isNull();
    assertThat(TimeReading.Order.ofProperty("MM/dd")).isEqualTo(TimeReading.Order.MONTH_FIRST);
    assertThat(TimeReading.Order.ofProperty("dd/mm")).isEqualTo(TimeReading.Order.DAY_FIRST);
    assertThatThrownBy(() -> TimeReading.Order.ofProperty("yyyy-MM-dd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pathsim.timeFormat must be auto, MM/dd or dd/MM, not 'yyyy-MM-dd'");
  }
}
