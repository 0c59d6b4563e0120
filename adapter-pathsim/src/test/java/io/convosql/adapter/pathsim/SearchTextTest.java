package io.convosql.adapter.pathsim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.convosql.adapter.pathsim.PathSimStub.onePage;
import static io.convosql.adapter.pathsim.PathSimStub.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code search} on a service that reads its value as a regular expression (the document does not
 * say how it reads it; its ids are MongoDB's): the pushed text is a run of the value without regex
 * syntax, which finds a superset under that reading and under a plain substring search alike.
 */
class SearchTextTest {
  private static final String SESSIONS = "/v1/workspaces/w1/sessions";
  private PathSimStub stub;

  @BeforeEach
  void start() throws SQLException {
    stub = new PathSimStub();
    String pizza = session("s2").replace("\"VC\"", "\"Pizza (NYC) x{2}\"").replace("+1831", "+1555");
    stub.answer("/workspaces/w1/sessions", onePage("[" + session("s1") + "," + pizza + "]", 2));
    // regex syntax in the value: the error a service using it unescaped answers
    stub.api.stubFor(get(urlPathEqualTo(SESSIONS)).withQueryParam("search", matching(".*[+(){}$^\\\\].*"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"success\":false,\"error\":\"Invalid regular expression: nothing to repeat\"}")));
  }

  @AfterEach
  void stop() throws SQLException {
    stub.close();
  }

  private List<String> searches() {
    return stub.api.findAll(getRequestedFor(urlPathEqualTo(SESSIONS))).stream()
        .map(r -> r.queryParameter("search").isPresent() ? r.queryParameter("search").firstValue() : null)
        .toList();
  }

  @Test
  void aPhoneNumberIsSearchedWithoutItsPlus() throws SQLException {
    assertThat(stub.rows("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1' AND target = '+1831'"))
        .containsExactly("s1");
    assertThat(searches()).containsExactly("1831");
  }

  @Test
  void aNameWithBracketsIsSearchedByItsLongestPlainRun() throws SQLException {
    assertThat(stub.rows("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1'"
        + " AND virtual_customer LIKE '%Pizza (NYC) x{2}%'")).containsExactly("s2");
    assertThat(searches()).containsExactly("Pizza ");
  }

  @Test
  void aValueOfSyntaxOnlyIsNotSearched() throws SQLException {
    assertThat(stub.rows("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1' AND target LIKE '%+%'"))
        .containsExactly("s1", "s2");
    assertThat(searches()).containsExactly((String) null);
  }

  @Test
  void searchableKeepsDotsAndTheLongestRun() {
    assertThat(SessionsQuery.searchable("chatbot.com")).isEqualTo("chatbot.com");
    assertThat(SessionsQuery.searchable("+18316561725")).isEqualTo("18316561725");
    assertThat(SessionsQuery.searchable("a$bc|d")).isEqualTo("bc");
    assertThat(SessionsQuery.searchable("( )")).isNull();
    assertThat(SessionsQuery.searchable("x\\y")).isEqualTo("x");
  }
}
