package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.FaultKind;
import io.convosql.sandbox.Faults;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At default settings a query of about 500 requests, a quarter of which meet a transient fault
 * (429 with Retry-After, 503, a connection cut before or in the middle of the answer), returns
 * exactly its fault-free answer having read every page and detail once; and a request whose retry
 * budget runs out fails with the endpoint, what it met, and the property to raise.
 */
class RetryBudgetTest {
  /** Every session's detail (the duration is only there) and the listing's pages. */
  private static final String SQL = "SELECT workspace_id, COUNT(*) AS calls, SUM(duration_seconds)"
      + " AS seconds FROM pathsim.sessions GROUP BY workspace_id ORDER BY workspace_id";

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = OwnSandbox.start(450, 60);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clear() {
    sandbox.clearFaults();
    sandbox.requests().clear();
  }

  @Test
  void aQueryOf500RequestsAtAQuarterFaultsAnswersExactlyAtDefaultSettings() throws SQLException {
    // default retry settings; the statement's request budget is lifted for this costly query
    try (Connection c = OwnSandbox.connect(sandbox, "maxRequestsPerStatement=0")) {
      Outcome clean = OwnSandbox.run(c, SQL);
      assertThat((Object) clean.failure()).isNull();
      List<String> cleanRequests = sandbox.requests().lines("pathsim");
      assertThat(cleanRequests).hasSizeGreaterThan(450);
      sandbox.requests().clear();
      long faultsBefore = sandbox.faultsInjected();
      sandbox.setFaults(Faults.builder().rate(0.25).seed(13).kinds(FaultKind.TOO_MANY_REQUESTS,
          FaultKind.UNAVAILABLE, FaultKind.CUT_BEFORE_ANSWER, FaultKind.CUT_MID_BODY)
          .retryAfterSeconds(1).build());

      Outcome faulted = OwnSandbox.run(c, SQL);

      sandbox.clearFaults();
      assertThat((Object) faulted.failure()).isNull();
      assertThat(faulted.rows()).containsExactlyElementsOf(clean.rows());
      List<RecordedRequest> sent = sandbox.requests().of("pathsim");
      long faults = sandbox.faultsInjected() - faultsBefore;
      assertThat(faults).as("a quarter of the requests").isGreaterThan(cleanRequests.size() / 5);
      // every page and detail answered exactly once, none skipped; each fault cost one request more
      assertThat(sent.stream().filter(r -> !r.injectedFault()).map(RecordedRequest::toString))
          .containsExactlyInAnyOrderElementsOf(cleanRequests);
      assertThat(sent).hasSize(cleanRequests.size() + (int) faults);
    }
  }

  @Test
  void aSpentBudgetNamesTheEndpointWhatItMetAndThePropertyToRaise() throws SQLException {
    sandbox.setFaults(Faults.builder().rate(1).paths("/workspaces")
        .kinds(FaultKind.UNAVAILABLE, FaultKind.BAD_GATEWAY).build());
    try (Connection c = OwnSandbox.connect(sandbox, "retryBudgetSeconds=1",
        "retryBackoffMillis=100", "retryMaxBackoffMillis=300")) {
      Outcome o = OwnSandbox.run(c, "SELECT name FROM pathsim.workspaces");
      SQLException e = o.failure();
      assertThat((Object) e).isNotNull();
      assertThat(e.getSQLState()).isEqualTo("08006");
      List<RecordedRequest> sent = sandbox.requests().of("pathsim");
      assertThat(sent).hasSizeGreaterThan(1).allMatch(RecordedRequest::injectedFault)
          .allMatch(r -> r.toString().equals("GET /workspaces"));
      long unavailable = sent.stream().filter(r -> r.status() == 503).count();
      long badGateway = sent.stream().filter(r -> r.status() == 502).count();
      String seen = sent.get(0).status() == 503
          ? counted(503, unavailable) + ", " + counted(502, badGateway)
          : counted(502, badGateway) + ", " + counted(503, unavailable);
      assertThat(e.getMessage()).startsWith("PathSim API: the service failed after " + sent.size()
          + " attempts (seen: " + seen.replaceAll("^, |, $", "") + ") (GET /workspaces, HTTP ")
          .endsWith("Hint: the service kept failing through every retry; try again later, or raise"
              + " retryBudgetSeconds (and retryMaxAttempts)");
    }
  }

  private static String counted(int status, long n) {
    return n == 0 ? "" : n == 1 ? Integer.toString(status) : status + " x" + n;
  }
}
