package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.FaultKind;
import io.convosql.sandbox.Faults;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code convosql.requests}: what the connection sent, as the sandbox received it. */
class RequestsTableTest {
  private static final String[] FAST = {"requestsPerSecond=0", "retryBackoffMillis=1",
      "retryMaxBackoffMillis=5"};
  private static final String LOG = "SELECT api, http_method, path, parameters, status FROM convosql.requests";
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = OwnSandbox.start(120, 10);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clean() {
    sandbox.clearFaults();
    sandbox.requests().clear();
  }

  @AfterEach
  void noFaults() {
    sandbox.clearFaults();
  }

  private static Connection connect(String... more) throws SQLException {
    String[] all = new String[FAST.length + more.length];
    System.arraycopy(FAST, 0, all, 0, FAST.length);
    System.arraycopy(more, 0, all, FAST.length, more.length);
    return OwnSandbox.connect(sandbox, all);
  }

  /** A sandbox request in the table's shape: api; method; path; parameters sorted by name; status. */
  private static String received(RecordedRequest r) {
    StringBuilder params = new StringBuilder();
    new TreeMap<>(r.params()).forEach((k, vs) -> vs.forEach(v ->
        params.append(params.length() == 0 ? "" : "&").append(k).append('=').append(v)));
    return r.api() + "; " + r.method() + "; " + r.path() + "; " + params + "; " + r.status();
  }

  /** A row of the table in the same shape (the API's name in lower case, parameters sorted). */
  private static String logged(String row) {
    String[] f = row.split("; ", -1);
    Map<String, String> params = new TreeMap<>();
    if (!f[3].isEmpty()) {
      for (String p : f[3].split("&")) {
        int eq = p.indexOf('=');
        params.put(p.substring(0, eq), p.substring(eq + 1));
      }
    }
    StringBuilder sorted = new StringBuilder();
    params.forEach((k, v) -> sorted.append(sorted.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return f[0].toLowerCase(Locale.ROOT) + "; " + f[1] + "; " + f[2] + "; " + sorted + "; " + f[4];
  }

  @Test
  void theTableShowsExactlyTheRequestsTheApisReceived() throws SQLException {
    try (Connection c = connect()) {
      DriverFixture.rows(c, "SELECT id, duration_seconds FROM pathsim.sessions WHERE test_type = 'Voice'"
          + " ORDER BY started_at DESC LIMIT 3");
      DriverFixture.rows(c, "SELECT agent_name, COUNT(*) FROM insights.sessions WHERE "
          + OwnSandbox.INSIGHTS_RANGE + " AND status = 'ended' GROUP BY agent_name");
      List<String> sent = sandbox.requests().all().stream().map(RequestsTableTest::received).toList();
      List<String> log = DriverFixture.rows(c, LOG).stream().map(RequestsTableTest::logged).toList();
      assertThat(sent).hasSizeGreaterThanOrEqualTo(5); // workspaces, a page, 3 details, a search
      // scans send their requests concurrently: the log is in the order they finished
      assertThat(log).containsExactlyInAnyOrderElementsOf(sent);
      // reading the table sends nothing and does not log itself
      assertThat(DriverFixture.rows(c, LOG).stream().map(RequestsTableTest::logged).toList())
          .containsExactlyInAnyOrderElementsOf(sent);
      assertThat(sandbox.requests().all()).hasSize(sent.size());
    }
  }

  @Test
  void eachConnectionHasItsOwnLogAndKeepsTheLatestRequests() throws SQLException {
    try (Connection small = connect("requestLogSize=2"); Connection other = connect()) {
      DriverFixture.rows(small, "SELECT id, summary FROM pathsim.sessions WHERE test_type = 'Voice' LIMIT 3");
      List<String> sent = sandbox.requests().all().stream().map(RequestsTableTest::received).toList();
      assertThat(sent).hasSizeGreaterThan(2);
      // the two that finished last (details are requested concurrently, so not always the last sent)
      List<String> kept = DriverFixture.rows(small, LOG).stream().map(RequestsTableTest::logged).toList();
      assertThat(kept).hasSize(2).doesNotContain(sent.get(0));
      assertThat(sent).containsAll(kept);
      assertThat(DriverFixture.rows(other, LOG)).isEmpty();
    }
  }

  @Test
  void retriesAreCountedAndTheFinalStatusShown() throws SQLException {
    sandbox.setFaults(Faults.builder().rate(1).limit(2).kinds(FaultKind.UNAVAILABLE, FaultKind.CUT_BEFORE_ANSWER)
        .retryAfterSeconds(0).build());
    try (Connection c = connect()) {
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).hasSize(1);
      assertThat(sandbox.requests().all()).hasSize(3);
      assertThat(DriverFixture.rows(c, "SELECT api, http_method, path, parameters, status, retries,"
          + " row_count, cache_hit FROM convosql.requests")).containsExactly("PathSim; GET; /workspaces; ; 200; 2; "
              + sandbox.pathSim().data().workspaces().size() + "; false");
    }
  }

  @Test
  void aRequestWithoutAnAnswerHasStatusZero() throws SQLException {
    sandbox.setFaults(Faults.builder().rate(1).kinds(FaultKind.CUT_BEFORE_ANSWER).build());
    try (Connection c = connect("retryMaxAttempts=2")) {
      DriverFixture.queryFailure(c, "SELECT COUNT(*) FROM pathsim.workspaces");
      sandbox.clearFaults();
      assertThat(DriverFixture.rows(c, "SELECT path, status, retries, row_count FROM convosql.requests"))
          .containsExactly("/workspaces; 0; 1; 0");
    }
  }

  @Test
  void keysNeverAppear() throws SQLException {
    sandbox.setFaults(Faults.builder().rate(0.3).seed(4).retryAfterSeconds(0).build());
    try (Connection c = connect("retryMaxAttempts=10")) {
      DriverFixture.rows(c, "SELECT id, summary FROM pathsim.sessions WHERE test_type = 'Web' LIMIT 2");
      DriverFixture.rows(c, "SELECT id FROM insights.sessions WHERE " + OwnSandbox.INSIGHTS_RANGE);
      List<String> all = DriverFixture.rows(c, "SELECT * FROM convosql.requests");
      assertThat(all).isNotEmpty();
      assertThat(String.join("\n", all)).doesNotContain(Sandbox.PATHSIM_KEY).doesNotContain(Sandbox.INSIGHTS_KEY);
    }
  }
}
