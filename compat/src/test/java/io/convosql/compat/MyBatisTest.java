package io.convosql.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MyBatis 3.5 maps the driver's rows to records with {@code java.time} fields through its own type
 * handlers (a pooled data source, an annotated mapper, a {@code LocalDateTime} parameter): the
 * {@code LocalDateTime} and {@code OffsetDateTime} fields hold the session's UTC time, and the query
 * reads one workspace's listing and only matching sessions' details.
 */
class MyBatisTest {
  private static Sandbox sandbox;
  private static SqlSessionFactory factory;

  /** A session's start as each {@code java.time} type an application may choose. */
  record SessionTimes(String id, LocalDateTime startedLocal, OffsetDateTime startedOffset,
      Instant startedInstant, Integer durationSeconds) {}

  /** The application's mapper. */
  interface SessionMapper {
    @Select("SELECT id, started_at AS startedLocal, started_at AS startedOffset,"
        + " started_at AS startedInstant, duration_seconds AS durationSeconds FROM pathsim.sessions"
        + " WHERE workspace_id = #{workspace} AND test_type = 'Voice' AND started_at >= #{since}"
        + " ORDER BY started_at DESC, id LIMIT 3")
    List<SessionTimes> latestVoice(@Param("workspace") String workspace, @Param("since") LocalDateTime since);
  }

  @BeforeAll
  static void start() {
    sandbox = CompatSandbox.start(200, 10);
    PooledDataSource data = new PooledDataSource("io.convosql.driver.ConvoSqlDriver",
        CompatSandbox.url(sandbox), "app", "secret");
    Configuration config = new Configuration(new Environment("compat", new JdbcTransactionFactory(), data));
    config.setArgNameBasedConstructorAutoMapping(true); // records, by their parameters' names
    config.addMapper(SessionMapper.class);
    factory = new SqlSessionFactoryBuilder().build(config);
  }

  @AfterAll
  static void stop() {
    ((PooledDataSource) factory.getConfiguration().getEnvironment().getDataSource()).forceCloseAll();
    sandbox.close();
  }

  /**
   * MyBatis's InstantTypeHandler reads {@code getTimestamp(column).toInstant()}: a TIMESTAMP (without
   * time zone) is, by JDBC's rule, its wall clock in the JVM's zone, so the Instant is the UTC wall
   * clock read in that zone, the real instant only in a JVM running in UTC (docs/compat.md says so).
   */
  private static Instant asMyBatisReadsIt(Instant utc) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(utc, ZoneOffset.UTC)).toInstant();
  }

  @Test
  void mapsTimestampsToJavaTimeFields() {
    String workspace = sandbox.pathSim().data().workspaces().get(0).id();
    LocalDateTime since = LocalDateTime.of(2025, 8, 1, 0, 0);
    List<Session> expected = sandbox.pathSim().data().sessions(workspace).stream()
        .filter(s -> s.testType() == TestType.VOICE)
        .filter(s -> !s.time().isBefore(since.toInstant(ZoneOffset.UTC)))
        .sorted(Session.ASCENDING.reversed()).limit(3).toList();
    assertThat(expected).hasSize(3);
    sandbox.requests().clear();
    List<SessionTimes> rows;
    try (LogWatch log = LogWatch.start(); SqlSession session = factory.openSession()) {
      rows = session.getMapper(SessionMapper.class).latestVoice(workspace, since);
      assertThat(log.lines(Level.SEVERE)).isEmpty();
    }
    assertThat(rows).containsExactlyElementsOf(expected.stream().map(s -> new SessionTimes(s.id(),
        LocalDateTime.ofInstant(s.time(), ZoneOffset.UTC), s.time().atOffset(ZoneOffset.UTC),
        asMyBatisReadsIt(s.time()), s.detail().durationSeconds())).toList());
    // the listing of that one workspace, then details (duration_seconds) of matching sessions only,
    // each once, the three shown among them (the sort runs after the details are read, so today
    // every matching session's detail is read for the LIMIT 3)
    List<RecordedRequest> sent = sandbox.requests().all();
    assertThat(sent).allMatch(r -> r.status() == 200);
    assertThat(sent.stream().filter(r -> !r.path().startsWith("/sessions/")).map(RecordedRequest::path))
        .containsOnly("/workspaces/" + workspace + "/sessions");
    List<String> matching = sandbox.pathSim().data().sessions(workspace).stream()
        .filter(s -> s.testType() == TestType.VOICE)
        .filter(s -> !s.time().isBefore(since.toInstant(ZoneOffset.UTC)))
        .map(s -> "/sessions/" + s.id()).toList();
    List<String> details = sent.stream().map(RecordedRequest::path).filter(p -> p.startsWith("/sessions/")).toList();
    assertThat(details).doesNotHaveDuplicates().isSubsetOf(matching)
        .containsAll(expected.stream().map(s -> "/sessions/" + s.id()).toList());
  }
}
