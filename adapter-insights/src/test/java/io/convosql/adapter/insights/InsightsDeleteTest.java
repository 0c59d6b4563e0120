package io.convosql.adapter.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.convosql.sandbox.insights.InsightsData;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE FROM insights.sessions WHERE id = ...} looks each session up (its start time comes
 * from the API), deletes it with one request that is never repeated, and counts the deletions; it
 * runs only when the schema allows deletes, and never without ids in its WHERE clause.
 */
class InsightsDeleteTest {
  private static Db allowed;
  private static Db refused;

  @BeforeAll
  static void open() throws SQLException {
    allowed = Db.open(true, 60, true);
    refused = Db.open(true, 60, false);
  }

  @AfterAll
  static void close() throws SQLException {
    allowed.close();
    refused.close();
  }

  /** A new session in 2021, where no other test looks. */
  private static String session(String start) {
    return data().addSession(Instant.parse(start)).get("id").asText();
  }

  private static InsightsData data() {
    return TestApi.sandbox().insights().data();
  }

  @Test
  void withoutThePropertyADeleteFailsBeforeAnyRequest() {
    String id = session("2021-01-15T08:09:43.377776Z");
    assertThatThrownBy(() -> refused.update("DELETE FROM insights.sessions WHERE id = ?", id))
        .isInstanceOf(SQLException.class).hasMessageContaining("insights.allowDelete=true");
    assertThat(TestApi.requests()).isEmpty();
    assertThat(data().document(id)).isPresent();
  }

  @Test
  void aDeleteThatDoesNotNameIdsIsRefusedBeforeAnyRequest() {
    String id = session("2021-01-16T10:00:00Z");
    for (String where : new String[] {"", " WHERE session_start_time >= TIMESTAMP '2021-01-16 00:00:00'",
        " WHERE agent_id = 'x'", " WHERE id = 'a' OR agent_id = 'b'", " WHERE id <> 'a'"}) {
      assertThatThrownBy(() -> allowed.update("DELETE FROM insights.sessions" + where))
          .isInstanceOf(SQLException.class).hasMessageContaining("names the sessions by id");
      assertThat(TestApi.requests()).isEmpty();
    }
    assertThat(data().document(id)).isPresent();
  }

  @Test
  void aDeleteByIdLooksTheSessionUpAndDeletesIt() throws SQLException {
    String id = session("2021-01-15T08:09:43.377776Z");
    assertThat(allowed.update("DELETE FROM insights.sessions WHERE id = ?", id)).isEqualTo(1);
    assertThat(TestApi.recorded()).extracting(r -> TestApi.line(r) + " -> " + r.status()).containsExactly(
        "GET /insights/sessions/search/" + id + " -> 200",
        "DELETE /insights/sessions/" + id + " session_start_time=2021-01-15T08:09:43.377000 -> 200");
    assertThat(data().document(id)).isEmpty();
    assertThat(allowed.explain("DELETE FROM insights.sessions WHERE id = 'x'"))
        .contains("EnumerableSessionsDelete", "GET /insights/sessions/search/{id} for id in [x]");
  }

  @Test
  void anIdListCountsOnlyTheSessionsThatExist() throws SQLException {
    String a = session("2021-02-01T09:00:00Z");
    String b = session("2021-02-02T09:00:00Z");
    assertThat(allowed.update("DELETE FROM insights.sessions WHERE id IN (?, ?, 'no-such-session')", a, b))
        .isEqualTo(2);
    assertThat(TestApi.recorded()).filteredOn(r -> r.method().equals("DELETE")).hasSize(2);
    assertThat(data().document(a)).isEmpty();
    assertThat(data().document(b)).isEmpty();
  }

  @Test
  void aDayInTheWhereClauseLooksTheSessionUpByThatDay() throws SQLException {
    String id = session("2021-03-05T23:30:00.5Z");
    assertThat(allowed.update("DELETE FROM insights.sessions WHERE id = ? AND session_start_time"
        + " >= TIMESTAMP '2021-03-05 00:00:00' AND session_start_time < TIMESTAMP '2021-03-06 00:00:00'", id))
        .isEqualTo(1);
    assertThat(TestApi.requests()).containsExactly(
        "GET /insights/sessions/" + id + "/parameters session_start_time=2021-03-05",
        "DELETE /insights/sessions/" + id + " session_start_time=2021-03-05T23:30:00.500000");
  }

  @Test
  void theRestOfTheWhereClauseIsRespected() throws SQLException {
    String id = session("2021-04-01T12:00:00Z");
    assertThat(allowed.update("DELETE FROM insights.sessions WHERE id = ? AND status = 'no-such-status'", id))
        .isZero();
    assertThat(TestApi.requests()).containsExactly("GET /insights/sessions/search/" + id);
    assertThat(data().document(id)).isPresent();
  }

  @Test
  void insertAndUpdateAreRefused() {
    assertThatThrownBy(() -> allowed.update("INSERT INTO insights.sessions (id) VALUES ('x')"))
        .isInstanceOf(SQLException.class).hasStackTraceContaining("supports DELETE only, not INSERT");
    assertThatThrownBy(() -> allowed.update("UPDATE insights.sessions SET status = 'x' WHERE id = 'x'"))
        .isInstanceOf(SQLException.class).hasStackTraceContaining("supports DELETE only, not UPDATE");
    assertThat(TestApi.requests()).isEmpty();
  }

  @Test
  void aDeleteWhoseAnswerIsLostIsSentAgainOnlyWhileTheSessionIsThere() throws SQLException {
    onWireMock(api -> {
      api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1")).inScenario("lost")
          .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("retried")
          .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1")).inScenario("lost")
          .whenScenarioStateIs("retried").willReturn(okJson("{}")));
      api.stubFor(get(urlPathEqualTo("/insights/sessions/s1/parameters")).willReturn(okJson(S1)));
      return 1;
    }, (c, api) -> {
      assertThat(c.createStatement().executeUpdate("DELETE FROM insights.sessions WHERE id = 's1'"))
          .isEqualTo(1);
      api.verify(2, deleteRequestedFor(urlPathEqualTo("/insights/sessions/s1")));
      api.verify(1, getRequestedFor(urlPathEqualTo("/insights/sessions/s1/parameters"))
          .withQueryParam("session_start_time", equalTo("2021-01-15")));
    });
  }

  @Test
  void aDeleteWhoseAnswerIsLostButTookEffectIsNotSentAgain() throws SQLException {
    onWireMock(api -> {
      api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1"))
          .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      api.stubFor(get(urlPathEqualTo("/insights/sessions/s1/parameters")).willReturn(notFound()));
      return 1;
    }, (c, api) -> {
      assertThat(c.createStatement().executeUpdate("DELETE FROM insights.sessions WHERE id = 's1'"))
          .isEqualTo(1);
      api.verify(1, deleteRequestedFor(urlPathEqualTo("/insights/sessions/s1")));
    });
  }

  @Test
  void aDeleteThatNeverGetsAnAnswerFailsNamingWhatMayHaveHappened() throws SQLException {
    onWireMock(api -> {
      api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1"))
          .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      api.stubFor(get(urlPathEqualTo("/insights/sessions/s1/parameters")).willReturn(okJson(S1)));
      return 1;
    }, (c, api) -> {
      assertThatThrownBy(() -> c.createStatement().executeUpdate(
          "DELETE FROM insights.sessions WHERE id = 's1'"))
          .hasMessageContaining("Insights API: deleting session s1 failed after 0 of 1 sessions were"
              + " deleted (DELETE /insights/sessions/s1)")
          .hasMessageContaining("may be deleted or not: check with SELECT before deleting again");
      // four attempts (the default), each retry after a check that the session is still there
      api.verify(4, deleteRequestedFor(urlPathEqualTo("/insights/sessions/s1")));
      api.verify(3, getRequestedFor(urlPathEqualTo("/insights/sessions/s1/parameters")));
    });
  }

  @Test
  void aDeleteTheServiceSaysFailedIsAnErrorNamingTheSessionsDeletedBeforeIt() throws SQLException {
    onWireMock(api -> {
      api.stubFor(get(urlPathEqualTo("/insights/sessions/search/s2")).willReturn(okJson(S2)));
      api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1")).willReturn(okJson("{\"success\":true}")));
      api.stubFor(delete(urlPathEqualTo("/insights/sessions/s2"))
          .willReturn(okJson("{\"success\":false,\"message\":\"Permission denied for the session\"}")));
      return 1;
    }, (c, api) -> {
      assertThatThrownBy(() -> c.createStatement().executeUpdate(
          "DELETE FROM insights.sessions WHERE id IN ('s1', 's2')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Insights API: the API reported that deleting session s2 failed, after 1 of 2"
              + " sessions were deleted (DELETE /insights/sessions/s2, HTTP 200): Permission denied for the"
              + " session. Hint: session s2 was not deleted; deleted before it: s1. Check with SELECT which"
              + " sessions remain, and that the API key may delete sessions")
          .satisfies(e -> assertThat(apiException(e).sqlState()).isEqualTo("HY000"));
      // an answer that says it failed is not a lost one: sent once, never checked and sent again
      api.verify(1, deleteRequestedFor(urlPathEqualTo("/insights/sessions/s1")));
      api.verify(1, deleteRequestedFor(urlPathEqualTo("/insights/sessions/s2")));
      api.verify(0, getRequestedFor(urlPathEqualTo("/insights/sessions/s2/parameters")));
    });
  }

  /** Answers of the Delete Session endpoint, which the document does not define, read as done. */
  @Test
  void aSuccessStatusWithoutAReportedFailureIsADeletion() throws SQLException {
    for (String body : new String[] {"", "{}", "{\"success\":true}", "{\"message\":\"Session deleted\"}",
        "{\"success\":true,\"error\":null}", "{\"deleted\":true}", "{\"status\":\"ok\"}", "true",
        "{\"error\":\"\"}"}) {
      for (int status : new int[] {200, 202, 204}) {
        if (status == 204 && !body.isEmpty()) {
          continue;
        }
        onWireMock(api -> {
          api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1"))
              .willReturn(aResponse().withStatus(status).withBody(body)));
          return 1;
        }, (c, api) -> assertThat(c.createStatement().executeUpdate(
            "DELETE FROM insights.sessions WHERE id = 's1'")).as(status + " " + body).isEqualTo(1));
      }
    }
  }

  /**
   * An {@code error} field that says there was none: an error code 0 (as many services write "no
   * error"), or a placeholder such as Python's {@code str(None)}. Each is a deletion, not a failure.
   */
  @Test
  void anErrorFieldThatSaysThereWasNoneIsADeletion() throws SQLException {
    for (String body : new String[] {"{\"error\":0,\"message\":\"Session deleted\"}",
        "{\"status\":\"success\",\"error\":0}", "{\"error\":0.0}", "{\"error\":\"None\"}",
        "{\"error\":\"null\",\"message\":\"deleted\"}", "{\"error\":\"0\"}", "{\"error\":\"false\"}"}) {
      onWireMock(api -> {
        api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1")).willReturn(okJson(body)));
        return 1;
      }, (c, api) -> assertThat(c.createStatement().executeUpdate(
          "DELETE FROM insights.sessions WHERE id = 's1'")).as(body).isEqualTo(1));
    }
  }

  /**
   * A success status with a body that is not JSON (a proxy's login page, or a service's plain text):
   * the driver cannot tell whether the session was deleted, and says so rather than that it was not.
   */
  @Test
  void aSuccessStatusWithABodyThatIsNotJsonLeavesTheOutcomeOpen() throws SQLException {
    onWireMock(api -> {
      api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1")).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "text/plain").withBody("Session deleted")));
      return 1;
    }, (c, api) -> {
      assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM insights.sessions WHERE id = 's1'"))
          .hasMessageContaining("Insights API: deleting session s1 failed after 0 of 1 sessions were deleted"
              + " (DELETE /insights/sessions/s1, HTTP 200)")
          .hasMessageContaining("the answer is not valid JSON")
          .hasMessageContaining("Hint: the last request may have reached the API, so session s1 may be deleted"
              + " or not: check with SELECT before deleting again")
          .satisfies(e -> assertThat(apiException(e).sqlState()).isEqualTo("22000"));
      api.verify(1, deleteRequestedFor(urlPathEqualTo("/insights/sessions/s1"))); // never sent again
    });
  }

  /** Bodies that report a failure in a way a service plausibly would: each fails the statement. */
  @Test
  void aBodyThatReportsAFailureIsAnError() throws SQLException {
    String[][] cases = {
        {"{\"success\":false}", "(DELETE /insights/sessions/s1, HTTP 200): {\"success\":false}. Hint"},
        {"{\"success\":\"false\",\"detail\":\"Not allowed\"}", "HTTP 200): Not allowed. Hint"},
        {"{\"deleted\":false,\"reason\":\"Session in use\"}", "HTTP 200): Session in use. Hint"},
        {"{\"status\":\"error\",\"msg\":\"Internal\"}", "HTTP 200): Internal. Hint"},
        {"{\"error\":\"Permission denied\"}", "HTTP 200): Permission denied. Hint"},
        {"{\"error\":{\"code\":3,\"message\":\"Session is archived\"}}", "HTTP 200): Session is archived. Hint"},
        {"{\"error\":403,\"message\":\"Forbidden\"}", "HTTP 200): Forbidden. Hint"},
        {"false", "HTTP 200): false. Hint"}};
    for (String[] c : cases) {
      onWireMock(api -> {
        api.stubFor(delete(urlPathEqualTo("/insights/sessions/s1")).willReturn(okJson(c[0])));
        return 1;
      }, (conn, api) -> assertThatThrownBy(() -> conn.createStatement().executeUpdate(
          "DELETE FROM insights.sessions WHERE id = 's1'")).as(c[0]).isInstanceOf(SQLException.class)
          .hasMessageContaining("Insights API: the API reported that deleting session s1 failed, after 0 of 1"
              + " sessions were deleted")
          .hasMessageContaining(c[1] + ": session s1 was not deleted. Check with SELECT"));
    }
  }

  private static io.convosql.core.http.ApiException apiException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.convosql.core.http.ApiException a) {
        return a;
      }
    }
    throw new AssertionError("no ApiException in " + e);
  }

  private static final String S2 = "{\"id\":\"s2\",\"session_start_time\":\"2021-01-16T08:00:00\"}";

  private static final String S1 = "{\"id\":\"s1\",\"session_start_time\":\"2021-01-15T08:09:43.377776\"}";

  interface Stubs {
    int stub(WireMockServer api);
  }

  interface Check {
    void run(Connection c, WireMockServer api) throws SQLException;
  }

  /** Runs a check on a DELETE-enabled connection to a WireMock server that knows session s1. */
  private static void onWireMock(Stubs stubs, Check check) throws SQLException {
    WireMockServer api =
        new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    InsightsSchema schema = new InsightsSchema(HttpUrl.get("http://127.0.0.1:" + api.port()), "k",
        TestHttp.settings(Duration.ofSeconds(5)), true, 60, true, TestApi.CLOCK);
    try (Connection c = Sql.connect("insights", schema)) {
      api.stubFor(get(urlPathEqualTo("/insights/sessions/search/s1")).willReturn(okJson(S1)));
      stubs.stub(api);
      check.run(c, api);
    } finally {
      schema.close();
      api.stop();
    }
  }
}
