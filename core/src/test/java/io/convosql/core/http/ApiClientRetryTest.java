package io.convosql.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which answers are retried, how often, and what the user sees when retries run out. */
class ApiClientRetryTest {
  static final ApiSpec SPEC = new ApiSpec("Test", "X-Test-Key", "", "test.apiKey");
  static final String KEY = "secret-key-123";

  private WireMockServer api;
  private ApiClient client;

  static HttpSettings fast() {
    return HttpSettings.defaults()
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4))
        .withRetries(4, Duration.ofSeconds(20), Duration.ofMillis(5), Duration.ofMillis(20))
        .withLimits(0, 8);
  }

  @BeforeEach
  void start() {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    client = new ApiClient(SPEC, HttpUrl.get("http://127.0.0.1:" + api.port()), KEY, fast());
  }

  @AfterEach
  void stop() {
    client.close();
    api.stop();
  }

  private void answersInTurn(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
    String state = Scenario.STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = i == answers.length - 1 ? state : "step" + (i + 1);
      api.stubFor(get(urlPathEqualTo(path)).inScenario("turns").whenScenarioStateIs(state)
          .willSetStateTo(next).willReturn(answers[i]));
      state = next;
    }
  }

  private int requests(String path) {
    return api.findAll(getRequestedFor(urlPathEqualTo(path))).size();
  }

  @Test
  void transientStatusesAreRetriedUntilAnAnswerComes() {
    answersInTurn("/things", aResponse().withStatus(503), aResponse().withStatus(502),
        aResponse().withStatus(429).withHeader("Retry-After", "0"), okJson("{\"n\":1}"));
    assertThat(client.getJson("/things", Map.of("a", "b"), false, Cancellation.NONE).get("n").asInt())
        .isEqualTo(1);
    assertThat(requests("/things")).isEqualTo(4);
  }

  @Test
  void a503WithRetryAfterZeroIsOneRequestPerAttempt() {
    // OkHttp on its own re-sends a 503 that says Retry-After: 0 once; retries are ours, counted
    api.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "0").withBody("{\"error\":\"busy\"}")));
    assertThatThrownBy(() -> client.getJson("/busy", Map.of(), false, Cancellation.NONE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("after 4 attempts");
    assertThat(requests("/busy")).isEqualTo(4);
    answersInTurn("/busy-once", aResponse().withStatus(503).withHeader("Retry-After", "0"), okJson("{\"n\":5}"));
    assertThat(client.getJson("/busy-once", Map.of(), false, Cancellation.NONE).get("n").asInt()).isEqualTo(5);
    assertThat(requests("/busy-once")).isEqualTo(2);
  }

  @Test
  void brokenConnectionsAreRetried() {
    answersInTurn("/things", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.EMPTY_RESPONSE), aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
        okJson("{\"n\":2}"));
    assertThat(client.getJson("/things", Map.of(), false, Cancellation.NONE).get("n").asInt()).isEqualTo(2);
    assertThat(requests("/things")).isEqualTo(4);
  }

  @Test
  void aTimeoutIsRetried() {
    answersInTurn("/slow", okJson("{}").withFixedDelay(3000), okJson("{\"n\":3}"));
    assertThat(client.getJson("/slow", Map.of(), false, Cancellation.NONE).get("n").asInt()).isEqualTo(3);
    assertThat(requests("/slow")).isEqualTo(2);
  }

  @Test
  void whenRetriesRunOutTheQueryFailsNamingTheAttempts() {
    api.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)
        .withBody("{\"error\":\"maintenance\"}")));
    assertThatThrownBy(() -> client.getJson("/down", Map.of(), false, Cancellation.NONE))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.sqlState()).isEqualTo("08006");
        })
        .hasMessage("Test API: the service failed after 4 attempts (seen: 503 x4) (GET /down, HTTP 503):"
            + " maintenance. Hint: the service kept failing through every retry; try again later, or"
            + " raise retryBudgetSeconds (and retryMaxAttempts)");
    assertThat(requests("/down")).isEqualTo(4);
  }

  @Test
  void brokenConnectionsThatNeverHealFailAsConnectionErrors() {
    api.stubFor(get(urlPathEqualTo("/cut")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client.getJson("/cut", Map.of(), false, Cancellation.NONE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.sqlState()).isEqualTo("08006"))
        .hasMessageStartingWith("Test API: the connection failed after 4 attempts (seen: connection"
            + " broken x4) (GET /cut)")
        .hasMessageEndingWith("Hint: each retry went out on a live connection (pooled ones the server"
            + " had closed are replaced at once); check the URL and the network; the service may be"
            + " restarting");
    assertThat(requests("/cut")).isEqualTo(4);
  }

  @Test
  void refusalsAreNotRetried() {
    api.stubFor(get(urlPathEqualTo("/bad")).willReturn(aResponse().withStatus(400)
        .withBody("{\"message\":\"bad filter_by\"}")));
    api.stubFor(get(urlPathEqualTo("/key")).willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(() -> client.getJson("/bad", Map.of(), false, Cancellation.NONE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.sqlState()).isEqualTo("42000"))
        .hasMessage("Test API: the API refused the request (GET /bad, HTTP 400): bad filter_by."
            + " Hint: a value in the query may be one the API does not accept");
    assertThatThrownBy(() -> client.getJson("/key", Map.of(), false, Cancellation.NONE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.sqlState()).isEqualTo("28000"));
    assertThat(requests("/bad")).isEqualTo(1);
    assertThat(requests("/key")).isEqualTo(1);
  }

  @Test
  void aRetryAfterBeyondTheBudgetFailsAtOnceSayingSo() {
    api.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "3600")));
    assertThatThrownBy(() -> client.getJson("/busy", Map.of(), false, Cancellation.NONE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(429))
        .hasMessage("Test API: the service asked to wait 3600 s (Retry-After), more than the retry budget"
            + " has left (GET /busy, HTTP 429). Hint: try later, or raise retryBudgetSeconds");
    assertThat(requests("/busy")).isEqualTo(1);
  }

  @Test
  void oneAttemptMeansNoRetry() {
    client.close();
    client = new ApiClient(SPEC, HttpUrl.get("http://127.0.0.1:" + api.port()), KEY,
        fast().withRetries(1, Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(5)));
    api.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> client.getJson("/down", Map.of(), false, Cancellation.NONE))
        .hasMessageStartingWith("Test API: the service failed (GET /down, HTTP 503)");
    assertThat(requests("/down")).isEqualTo(1);
  }

  @Test
  void aClientSideRateLimitThatCannotBeMetInTheBudgetFails() {
    client.close();
    client = new ApiClient(SPEC, HttpUrl.get("http://127.0.0.1:" + api.port()), KEY,
        fast().withRetries(1, Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofMillis(5))
            .withLimits(0.5, 8));
    api.stubFor(get(urlPathEqualTo("/x")).willReturn(okJson("{}")));
    client.getJson("/x", Map.of(), false, Cancellation.NONE);
    assertThatThrownBy(() -> client.getJson("/x", Map.of(), false, Cancellation.NONE))
        .hasMessageStartingWith("Test API: the client-side rate limit left no permit within the retry"
            + " budget (GET /x)");
    assertThat(requests("/x")).isEqualTo(1);
  }

  @Test
  void anythingAfterTheJsonDocumentMakesTheAnswerUnreadable() {
    api.stubFor(get(urlPathEqualTo("/glued")).willReturn(aResponse().withStatus(200)
        .withBody("{\"data\":[]}<html>proxy</html>")));
    assertThatThrownBy(() -> client.getJson("/glued", Map.of(), false, Cancellation.NONE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.sqlState()).isEqualTo("22000"))
        .hasMessageStartingWith("Test API: the answer is not valid JSON (GET /glued, HTTP 200)");
  }
}
