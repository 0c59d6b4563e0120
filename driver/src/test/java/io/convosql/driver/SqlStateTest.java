package io.convosql.driver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.FaultKind;
import io.convosql.sandbox.Faults;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each class of failure has its SQLState, and a failed request's message names the API and the
 * endpoint: a refused key 28000, no connection 08001, a service that keeps failing 08006, SQL that
 * does not parse or validate 42000, a cancelled statement HY008, an answer that is not JSON 22000.
 */
class SqlStateTest {
  private static final String WORKSPACES = "SELECT name FROM pathsim.workspaces";
  private static final String AGENT_SESSIONS =
      "SELECT id FROM insights.sessions WHERE " + OwnSandbox.INSIGHTS_RANGE;

  private static Sandbox sandbox;
  private static WireMockServer wiremock;

  @BeforeAll
  static void start() {
    sandbox = OwnSandbox.start(40, 5);
    wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .bindAddress("127.0.0.1"));
    wiremock.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    wiremock.stop();
  }

  @AfterEach
  void reset() {
    sandbox.clearFaults();
    sandbox.setLatency(Duration.ZERO);
  }

  /** The SQLException a query fails with on a new connection to this URL. */
  private static SQLException failure(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      Outcome o = OwnSandbox.run(c, sql);
      assertThat((Object) o.failure()).as("the query should fail: " + sql).isNotNull();
      return o.failure();
    }
  }

  private static void assertFailure(SQLException e, String state, String api, String request) {
    assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state);
    assertThat(e.getMessage()).startsWith(api + " API: ").contains("(" + request);
  }

  @Test
  void aWrongKeyIs28000() throws SQLException {
    String pathSim = ConvoSqlDriver.PREFIX + "pathsim.url=" + sandbox.pathSimUrl()
        + ";pathsim.apiKey=not-the-key";
    SQLException e = failure(pathSim, WORKSPACES);
    assertFailure(e, "28000", "PathSim", "GET /workspaces, HTTP 401");
    assertThat((Throwable) e).hasMessageContaining("PathSim rejected the API key");
    assertThat(e.getErrorCode()).isEqualTo(401);

    String insights = ConvoSqlDriver.PREFIX + "insights.url=" + sandbox.insightsUrl()
        + ";insights.apiKey=not-the-key";
    e = failure(insights, AGENT_SESSIONS);
    assertFailure(e, "28000", "Insights", "GET /insights/sessions, HTTP 401");
    assertThat((Throwable) e).hasMessageContaining("insights.apiKey");
  }

  @Test
  void anUnreachableHostIs08001() throws SQLException {
    String closed = "http://127.0.0.1:" + OwnSandbox.closedPort();
    SQLException e = failure(ConvoSqlDriver.PREFIX + "pathsim.url=" + closed + "/v1"
        + ";pathsim.apiKey=k;retryMaxAttempts=1", WORKSPACES);
    assertFailure(e, "08001", "PathSim", "GET /workspaces)");
    assertThat((Throwable) e).hasMessageContaining("could not connect")
        .hasMessageNotContaining("attempts");

    e = failure(ConvoSqlDriver.PREFIX + "insights.url=" + closed
        + ";insights.apiKey=k;retryMaxAttempts=1", AGENT_SESSIONS);
    assertFailure(e, "08001", "Insights", "GET /insights/sessions)");
  }

  @Test
  void aPortNothingListensOnFailsAfterTheShortConnectRetryAtDefaultSettings() throws SQLException {
    // a mistyped port: retried for connectRetrySeconds (2 s), not the 90 s retry budget
    int port = OwnSandbox.closedPort();
    SQLException e = failure(ConvoSqlDriver.PREFIX + "pathsim.url=http://127.0.0.1:" + port + "/v1"
        + ";pathsim.apiKey=k", WORKSPACES);
    assertFailure(e, "08001", "PathSim", "GET /workspaces)");
    assertThat((Throwable) e).hasMessageStartingWith("PathSim API: could not connect after ")
        .hasMessageContaining(" attempts (seen: refused x")
        .hasMessageContaining("Hint: nothing answers at 127.0.0.1:" + port + ", and nothing has"
            + " answered there since this JVM started: check the URL's host and port, and that the"
            + " service is running (connectRetrySeconds, 2 s here, is how long a refused connection is"
            + " retried)");

    e = failure(ConvoSqlDriver.PREFIX + "insights.url=http://127.0.0.1:" + port
        + ";insights.apiKey=k;connectRetrySeconds=0", AGENT_SESSIONS);
    assertFailure(e, "08001", "Insights", "GET /insights/sessions)");
    assertThat((Throwable) e).hasMessageStartingWith("Insights API: could not connect (GET")
        .hasMessageContaining("connectRetrySeconds, 0 s here");
  }

  @Test
  void aServiceThatAlwaysAnswers503Is08006AfterItsAttempts() throws SQLException {
    sandbox.setFaults(Faults.builder().rate(1).kinds(FaultKind.UNAVAILABLE).build());
    // four attempts, with short waits between them
    String retries = "retryMaxAttempts=4;retryBackoffMillis=1;retryMaxBackoffMillis=10";
    SQLException e = failure(OwnSandbox.url(sandbox, retries), WORKSPACES);
    assertFailure(e, "08006", "PathSim", "GET /workspaces, HTTP 503");
    assertThat((Throwable) e).hasMessageContaining("the service failed after 4 attempts")
        .hasMessageContaining("Service unavailable");
    assertThat(e.getErrorCode()).isEqualTo(503);

    e = failure(OwnSandbox.url(sandbox, retries), AGENT_SESSIONS);
    assertFailure(e, "08006", "Insights", "GET /insights/sessions, HTTP 503");
    assertThat((Throwable) e).hasMessageContaining("after 4 attempts");
  }

  @Test
  void sqlThatDoesNotParseOrNamesAnUnknownColumnIs42000() throws SQLException {
    try (Connection c = OwnSandbox.connect(sandbox)) {
      SQLException syntax = OwnSandbox.run(c, "SELEC name FROM pathsim.workspaces").failure();
      assertThat(syntax.getSQLState()).as(syntax.getMessage()).isEqualTo("42000");
      assertThat((Throwable) syntax).hasMessageContaining("SELEC");
      SQLException column = OwnSandbox.run(c, "SELECT nope FROM insights.tags").failure();
      assertThat(column.getSQLState()).as(column.getMessage()).isEqualTo("42000");
      assertThat((Throwable) column).hasMessageContaining("Column 'nope' not found");
      SQLException prepared = null;
      try {
        c.prepareStatement("SELECT id FROM pathsim.nope");
      } catch (SQLException e) {
        prepared = e;
      }
      assertThat((Object) prepared).isNotNull();
      assertThat(prepared.getSQLState()).as(prepared.getMessage()).isEqualTo("42000");
    }
  }

  @Test
  void aCancelledStatementIsHy008() throws Exception {
    sandbox.setLatency(Duration.ofSeconds(1));
    try (Connection c = OwnSandbox.connect(sandbox); Statement s = c.createStatement()) {
      CompletableFuture<Outcome> running =
          CompletableFuture.supplyAsync(() -> OwnSandbox.run(s, WORKSPACES));
      Thread.sleep(300);
      s.cancel();
      SQLException e = running.get(10, TimeUnit.SECONDS).failure();
      assertThat((Object) e).isNotNull();
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("HY008");
      assertThat((Throwable) e)
          .hasMessage("The statement was stopped: the statement was cancelled");
    }
  }

  @Test
  void anAnswerThatIsNotJsonIs22000() throws SQLException {
    wiremock.stubFor(get(urlPathEqualTo("/v1/workspaces")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"data\": [")));
    wiremock.stubFor(get(urlPathEqualTo("/insights/sessions")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>Login</html>")));
    String root = "http://127.0.0.1:" + wiremock.port();
    SQLException e = failure(ConvoSqlDriver.PREFIX + "pathsim.url=" + root + "/v1"
        + ";pathsim.apiKey=k", WORKSPACES);
    assertFailure(e, "22000", "PathSim", "GET /workspaces, HTTP 200");
    assertThat((Throwable) e).hasMessageContaining("the answer is not valid JSON");

    e = failure(ConvoSqlDriver.PREFIX + "insights.url=" + root + ";insights.apiKey=k",
        AGENT_SESSIONS);
    assertFailure(e, "22000", "Insights", "GET /insights/sessions, HTTP 200");
    assertThat((Throwable) e).hasMessageContaining("the answer is not valid JSON");
  }
}
