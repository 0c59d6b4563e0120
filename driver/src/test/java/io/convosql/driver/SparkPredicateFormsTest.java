package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL Spark's JDBC source sends (quoted names, the {@code WHERE 1=0} schema probe, partition
 * bounds as string literals, the first partition's {@code OR ... IS NULL}) answers as without
 * pushdown, and each partition's range reaches the API. The Spark module's test runs Spark itself.
 */
class SparkPredicateFormsTest {
  private static Sandbox sandbox;
  private static Connection on;
  private static Connection off;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(150, 40);
    on = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
    off = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "pushdown=false",
        "maxRequestsPerStatement=0");
  }

  @AfterAll
  static void stop() throws SQLException {
    on.close();
    off.close();
    sandbox.close();
  }

  /** The rows with pushdown, checked against those without; the requests with pushdown. */
  private static List<RecordedRequest> ask(String sql) throws SQLException {
    List<String> local = DriverFixture.rows(off, sql);
    sandbox.requests().clear();
    assertThat(DriverFixture.rows(on, sql)).isNotEmpty().containsExactlyElementsOf(local);
    return sandbox.requests().all();
  }

  private static TreeSet<String> params(List<RecordedRequest> requests, String pathEnd, String a, String b) {
    TreeSet<String> out = new TreeSet<>();
    requests.stream().filter(r -> r.path().endsWith(pathEnd))
        .forEach(r -> out.add(shown(r.param(a)) + "|" + shown(r.param(b))));
    return out;
  }

  private static String shown(String value) {
    return value == null ? "-" : value;
  }

  @Test
  void theSchemaProbeSendsNothing() throws SQLException {
    sandbox.requests().clear();
    assertThat(DriverFixture.rows(on, "SELECT * FROM pathsim.sessions WHERE 1=0")).isEmpty();
    assertThat(DriverFixture.rows(on, "SELECT * FROM insights.sessions WHERE 1=0")).isEmpty();
    assertThat(sandbox.requests().all()).isEmpty();
  }

  @Test
  void aMiddlePartitionSendsItsDates() throws SQLException {
    List<RecordedRequest> r = ask("SELECT \"id\",\"started_at\" FROM pathsim.sessions WHERE \"started_at\""
        + " >= '2025-08-10 00:00:00' AND \"started_at\" < '2025-08-20 00:00:00'");
    assertThat(params(r, "/sessions", "created_from", "created_to")).containsExactly("2025-08-09|2025-08-22");
  }

  @Test
  void theLastPartitionWithAFractionSendsItsLowerDate() throws SQLException {
    List<RecordedRequest> r = ask("SELECT \"id\" FROM pathsim.sessions"
        + " WHERE \"started_at\" >= '2025-08-20 00:00:00.5'");
    assertThat(params(r, "/sessions", "created_from", "created_to")).containsExactly("2025-08-19|-");
  }

  @Test
  void theFirstPathSimPartitionIsCheckedOnEachRow() throws SQLException {
    List<RecordedRequest> r = ask("SELECT \"id\",\"started_at\" FROM pathsim.sessions WHERE \"started_at\""
        + " < '2025-08-10 00:00:00' or \"started_at\" is null");
    assertThat(params(r, "/sessions", "created_from", "created_to")).containsExactly("-|-");
  }

  @Test
  void theFirstInsightsPartitionIsAWindow() throws SQLException {
    String table = "(SELECT id, session_start_time FROM insights.sessions"
        + " WHERE session_start_time >= TIMESTAMP '2025-07-08 00:00:00') s";
    List<RecordedRequest> r = ask("SELECT \"id\",\"session_start_time\" FROM " + table
        + " WHERE \"session_start_time\" < '2025-08-20 00:00:00' or \"session_start_time\" is null");
    assertThat(params(r, "/insights/sessions", "from_date", "to_date"))
        .containsExactly("2025-07-07T23:59:59.999999|2025-08-20T00:00:00");
  }
}
