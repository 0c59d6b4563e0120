package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The response cache as a user meets it: off by default; with {@code cacheTtlSeconds} a repeated
 * query sends no request (within one connection and across connections to the same API and key), a
 * different query sends its own, the {@code no_cache} hint asks the API again, and a DELETE empties
 * the Insights cache. Expiry is tested on a fake clock in core's {@code ResponseCacheTest}.
 */
class CacheTest {
  private static final AtomicInteger TTL = new AtomicInteger(600);
  private static Sandbox sandbox;
  private static String workspace;

  /**
   * Caches are shared in the JVM by URL, key and settings: each test gets a cache of its own through
   * a TTL of its own, so no test sees another's answers.
   */
  private String cacheOn;

  @BeforeAll
  static void start() {
    sandbox = OwnSandbox.start(60, 20);
    workspace = OwnSandbox.busiestWorkspace(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void ownCache() {
    cacheOn = "cacheTtlSeconds=" + TTL.incrementAndGet();
    sandbox.requests().clear();
  }

  private static Connection connect(String... more) throws SQLException {
    String[] all = new String[more.length + 1];
    all[0] = "requestsPerSecond=0";
    System.arraycopy(more, 0, all, 1, more.length);
    return OwnSandbox.connect(sandbox, all);
  }

  private static List<String> rows(Connection c, String sql) {
    OwnSandbox.Outcome o = OwnSandbox.run(c, sql);
    if (o.failed()) {
      throw new AssertionError(sql, o.failure());
    }
    return o.rows();
  }

  /** The requests the sandbox served since the last call, then forgets them. */
  private static List<String> sent() {
    List<String> lines = sandbox.requests().all().stream().map(Object::toString).toList();
    sandbox.requests().clear();
    return lines;
  }

  private String sessions(String type) {
    return "SELECT id, test_type, summary FROM pathsim.sessions WHERE workspace_id = '" + workspace
        + "' AND test_type = '" + type + "' ORDER BY started_at DESC LIMIT 3";
  }

  private static final String INSIGHTS = "SELECT id, agent_name, duration_ms FROM insights.sessions WHERE "
      + OwnSandbox.INSIGHTS_RANGE + " ORDER BY session_start_time DESC LIMIT 5";

  @Test
  void theCacheIsOffByDefault() throws SQLException {
    try (Connection c = connect()) {
      List<String> first = rows(c, "SELECT name FROM pathsim.workspaces");
      assertThat(sent()).containsExactly("GET /workspaces");
      assertThat(rows(c, "SELECT name FROM pathsim.workspaces")).isEqualTo(first);
      assertThat(sent()).containsExactly("GET /workspaces");
    }
  }

  @Test
  void aRepeatedQueryWithinTheTtlSendsNoRequest() throws SQLException {
    try (Connection c = connect(cacheOn)) {
      for (String sql : List.of("SELECT name FROM pathsim.workspaces", sessions("Voice"), INSIGHTS)) {
        List<String> first = rows(c, sql);
        assertThat(first).isNotEmpty();
        assertThat(sent()).as(sql).isNotEmpty();
        assertThat(rows(c, sql)).isEqualTo(first);
        assertThat(sent()).as(sql).isEmpty();
      }
    }
  }

  @Test
  void aDifferentQuerySendsItsOwnRequests() throws SQLException {
    try (Connection c = connect(cacheOn)) {
      List<String> voice = rows(c, sessions("Voice"));
      sent();
      List<String> web = rows(c, sessions("Web"));
      assertThat(web).isNotEqualTo(voice).allMatch(r -> r.contains("; Web; "));
      // the web sessions' candidates and their days (ORDER BY started_at is sorted here)
      assertThat(sent()).filteredOn(r -> r.startsWith("GET /workspaces/" + workspace + "/sessions?"))
          .hasSize(2).allMatch(r -> r.contains("type=web"));
      assertThat(rows(c, sessions("Voice"))).isEqualTo(voice);
      assertThat(sent()).isEmpty();
    }
  }

  @Test
  void connectionsToTheSameApiWithTheSameKeyShareTheCache() throws SQLException {
    List<String> first;
    try (Connection c = connect(cacheOn)) {
      first = rows(c, sessions("Voice"));
      assertThat(sent()).isNotEmpty();
    }
    try (Connection c = connect(cacheOn)) {
      assertThat(rows(c, sessions("Voice"))).isEqualTo(first);
      assertThat(sent()).isEmpty();
    }
  }

  @Test
  void theNoCacheHintAsksTheApiAgain() throws SQLException {
    try (Connection c = connect(cacheOn); Statement s = c.createStatement()) {
      List<String> names = rows(c, "SELECT name FROM pathsim.workspaces");
      sent();
      assertThat(OwnSandbox.run(s, "SELECT /*+ no_cache */ name FROM pathsim.workspaces").rows())
          .isEqualTo(names);
      assertThat(sent()).containsExactly("GET /workspaces");
      // the same statement without the hint is answered from the cache again
      assertThat(OwnSandbox.run(s, "SELECT name FROM pathsim.workspaces").rows()).isEqualTo(names);
      assertThat(sent()).isEmpty();
      // the hint's text inside a string literal is no hint
      assertThat(rows(c, "SELECT name FROM pathsim.workspaces WHERE name <> '/*+ no_cache */'"))
          .isEqualTo(names);
      assertThat(sent()).isEmpty();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT /*+ NO_CACHE */ name FROM pathsim.workspaces WHERE name <> ?")) {
        for (int i = 0; i < 2; i++) {
          p.setString(1, "x" + i);
          assertThat(OwnSandbox.run(p).rows()).isEqualTo(names);
          assertThat(sent()).containsExactly("GET /workspaces");
        }
      }
    }
  }

  @Test
  void aDeleteEmptiesTheInsightsCache() throws SQLException {
    String id = OwnSandbox.insightsIds(sandbox, 3, 1).get(0);
    String byId = "SELECT id FROM insights.sessions WHERE id = '" + id + "' AND "
        + OwnSandbox.INSIGHTS_RANGE;
    try (Connection c = connect(cacheOn, "insights.allowDelete=true")) {
      assertThat(rows(c, byId)).containsExactly(id);
      List<String> paths = rows(c, "SELECT name FROM pathsim.workspaces");
      sent();
      assertThat(rows(c, byId)).containsExactly(id);
      assertThat(sent()).isEmpty();
      try (Statement s = c.createStatement()) {
        assertThat(s.executeUpdate("DELETE FROM insights.sessions WHERE id = '" + id + "'")).isEqualTo(1);
      }
      sent();
      assertThat(rows(c, byId)).isEmpty();
      assertThat(sent()).isNotEmpty();
      // PathSim's cache is another API's: untouched
      assertThat(rows(c, "SELECT name FROM pathsim.workspaces")).isEqualTo(paths);
      assertThat(sent()).isEmpty();
    }
  }

  @Test
  void anInsightsQueryUpToNowIsAnsweredFromTheCacheToo() throws SQLException {
    // without an upper bound the scan reads up to "now", taken in steps of the TTL (over 600 s here)
    String sql = "SELECT id FROM insights.sessions WHERE session_start_time >= TIMESTAMP"
        + " '2025-07-05 00:00:00' ORDER BY session_start_time DESC LIMIT 3";
    try (Connection c = connect(cacheOn)) {
      List<String> first = rows(c, sql);
      assertThat(first).hasSize(3);
      assertThat(sent()).isNotEmpty();
      // three runs take far less than a step, so at most one of the two repeats crosses into the next
      assertThat(rows(c, sql)).isEqualTo(first);
      boolean secondFromCache = sent().isEmpty();
      assertThat(rows(c, sql)).isEqualTo(first);
      boolean thirdFromCache = sent().isEmpty();
      assertThat(secondFromCache || thirdFromCache).as("a repeat answered from the cache").isTrue();
      // the no_cache hint reads up to "now" itself
      assertThat(rows(c, sql.replace("SELECT id", "SELECT /*+ no_cache */ id"))).isEqualTo(first);
      assertThat(sent()).isNotEmpty();
    }
  }

  @Test
  void cachePropertiesAreChecked() {
    assertThat(DriverFixture.connectFailure(OwnSandbox.url(sandbox, "cacheTtlSeconds=-1")))
        .hasMessageContaining("cacheTtlSeconds must be 0 or a positive whole number of seconds, not '-1'");
    assertThat(DriverFixture.connectFailure(OwnSandbox.url(sandbox, "cacheMaxMegabytes=0")))
        .hasMessageContaining("cacheMaxMegabytes must be a positive whole number of megabytes, not '0'");
  }
}
