package io.convosql.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HikariCP 6 pools the driver's connections and Spring 6.2's JdbcTemplate reads through them, in
 * read-only transactions ({@code SET TRANSACTION READ ONLY} enforced, as Spring sends it) from 8
 * threads at once: every thread gets the rows the API holds, mapped to a record with a
 * {@code LocalDateTime}, and each query sends the same requests as when run alone.
 */
class SpringHikariTest {
  private static final int THREADS = 8;
  private static final String SQL = "SELECT id, started_at, test_type FROM pathsim.sessions"
      + " WHERE workspace_id = ? AND test_type = ? AND started_at >= ? ORDER BY started_at DESC, id LIMIT 5";
  private static final LocalDateTime SINCE = LocalDateTime.of(2025, 8, 1, 0, 0);
  private static Sandbox sandbox;
  private static HikariDataSource pool;

  /** A row as the application maps it: Spring's DataClassRowMapper, by column name. */
  record SessionRow(String id, LocalDateTime startedAt, String testType) {}

  @BeforeAll
  static void start() {
    sandbox = CompatSandbox.start(200, 10);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(CompatSandbox.url(sandbox));
    config.setUsername("app"); // as pools are configured: sent, accepted, ignored
    config.setPassword("secret");
    config.setMaximumPoolSize(4);
    config.setPoolName("compat");
    pool = new HikariDataSource(config);
  }

  @AfterAll
  static void stop() {
    pool.close();
    sandbox.close();
  }

  private static String workspace() {
    return sandbox.pathSim().data().workspaces().get(0).id();
  }

  private static List<SessionRow> expected() {
    return sandbox.pathSim().data().sessions(workspace()).stream()
        .filter(s -> s.testType() == TestType.VOICE)
        .filter(s -> !s.time().isBefore(SINCE.toInstant(ZoneOffset.UTC)))
        .sorted(Session.ASCENDING.reversed())
        .limit(5)
        .map(s -> new SessionRow(s.id(), LocalDateTime.ofInstant(s.time(), ZoneOffset.UTC), "Voice"))
        .toList();
  }

  private static List<SessionRow> query(JdbcTemplate jdbc) {
    return jdbc.query(SQL, new DataClassRowMapper<>(SessionRow.class), workspace(), "Voice", SINCE);
  }

  @Test
  void eightThreadsInReadOnlyTransactionsGetTheRowsAndSendOnlyWhatOneQuerySends() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(pool);
    DataSourceTransactionManager manager = new DataSourceTransactionManager(pool);
    manager.setEnforceReadOnly(true); // Spring sends SET TRANSACTION READ ONLY
    TransactionTemplate readOnly = new TransactionTemplate(manager);
    readOnly.setReadOnly(true);
    List<SessionRow> expected = expected();
    assertThat(expected).hasSize(5);

    try (LogWatch log = LogWatch.start()) {
      sandbox.requests().clear();
      assertThat(query(jdbc)).containsExactlyElementsOf(expected);
      List<String> alone = sandbox.requests().all().stream().map(RecordedRequest::toString).toList();
      assertThat(alone).isNotEmpty().allMatch(r -> r.startsWith("GET /workspaces/"));
      sandbox.requests().clear();

      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<List<SessionRow>>> answers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
          answers.add(threads.submit(() -> readOnly.execute(tx -> {
            assertThat(tx.isNewTransaction()).isTrue();
            return query(jdbc);
          })));
        }
        for (Future<List<SessionRow>> a : answers) {
          assertThat(a.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
        }
      } finally {
        threads.shutdown();
      }
      List<String> all = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        all.addAll(alone);
      }
      assertThat(sandbox.requests().all().stream().map(RecordedRequest::toString).toList())
          .containsExactlyInAnyOrderElementsOf(all);
      assertThat(log.lines(Level.SEVERE)).isEmpty();
    }
    // the pool is whole: every connection came back
    assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
  }

  @Test
  void countsAndMapsWithJdbcTemplate() {
    JdbcTemplate jdbc = new JdbcTemplate(pool);
    long voice = sandbox.pathSim().data().sessions().stream().filter(s -> s.testType() == TestType.VOICE).count();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = ?", Long.class, "Voice"))
        .isEqualTo(voice);
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT name, is_active FROM pathsim.workspaces ORDER BY name");
    List<String> names = new ArrayList<>(sandbox.pathSim().data().workspaces().stream()
        .map(w -> w.name()).toList());
    Collections.sort(names);
    assertThat(rows).extracting(r -> r.get("name")) // Spring's map: by label, any case
        .containsExactlyElementsOf(names);
  }
}
