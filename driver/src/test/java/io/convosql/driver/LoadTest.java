package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.insights.InsightsAgent;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.TestType;
import io.convosql.sandbox.pathsim.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads, each on its own connection, run 50 queries each over both APIs at once; every
 * answer is the one the same query gave alone, so no thread ever sees another's rows or parameters.
 * Once the connections are closed, the threads and sockets they used are gone again.
 */
class LoadTest {
  private static final int THREADS = 16;
  private static final int QUERIES_PER_THREAD = 50;
  /** Distinct queries per thread; each runs {@code QUERIES_PER_THREAD / DISTINCT} times. */
  private static final int DISTINCT = 10;
  private static final String[] TEMPLATES = {
      "SELECT id, started_at, virtual_customer FROM pathsim.sessions"
          + " WHERE workspace_id = ? AND test_type = ? ORDER BY started_at DESC, id LIMIT ?",
      "SELECT line_no, speaker, text FROM pathsim.transcript_lines WHERE session_id = ?"
          + " ORDER BY line_no",
      "SELECT id, agent_name, duration_ms FROM insights.sessions WHERE agent_name = ?"
          + " AND session_start_time BETWEEN ? AND ? ORDER BY session_start_time, id",
      "SELECT tag, COUNT(*), SUM(tag_count) FROM insights.tags"
          + " WHERE session_start_time BETWEEN ? AND ? GROUP BY tag ORDER BY tag"};

  private static Sandbox sandbox;
  private static List<String> workspaces;
  private static List<String> voiceSessions;
  private static List<String> agents;
  /** The answer of query k of thread t, run alone: {@code expected[t][k]}. */
  private static List<List<List<String>>> expected;

  @BeforeAll
  static void answerEveryQueryAlone() throws SQLException {
    sandbox = OwnSandbox.start(300, 40);
    workspaces = sandbox.pathSim().data().workspaces().stream().map(Workspace::id).toList();
    voiceSessions = sandbox.pathSim().data().sessions().stream()
        .filter(s -> s.testType() == TestType.VOICE).map(Session::id).toList();
    agents = sandbox.insights().data().agents().stream().map(InsightsAgent::name).distinct()
        .toList();
    assertThat(voiceSessions).hasSizeGreaterThan(THREADS * DISTINCT);
    expected = new ArrayList<>();
    try (Connection c = OwnSandbox.connect(sandbox)) {
      List<PreparedStatement> statements = prepare(c);
      int nonEmpty = 0;
      for (int t = 0; t < THREADS; t++) {
        List<List<String>> answers = new ArrayList<>();
        for (int k = 0; k < DISTINCT; k++) {
          Outcome o = OwnSandbox.run(bind(statements, t, k));
          assertThat((Object) o.failure()).isNull();
          answers.add(o.rows());
          nonEmpty += o.rows().isEmpty() ? 0 : 1;
        }
        expected.add(answers);
      }
      assertThat(nonEmpty).as("answers worth comparing").isGreaterThan(THREADS * DISTINCT * 3 / 4);
    }
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<PreparedStatement> prepare(Connection c) throws SQLException {
    List<PreparedStatement> out = new ArrayList<>();
    for (String sql : TEMPLATES) {
      out.add(c.prepareStatement(sql));
    }
    return out;
  }

  /** Query k of thread t: a template with parameters of that thread's own. */
  private static PreparedStatement bind(List<PreparedStatement> statements, int t, int k)
      throws SQLException {
    PreparedStatement s = statements.get(k % TEMPLATES.length);
    Timestamp from =
        Timestamp.valueOf(LocalDate.parse("2025-07-05").plusDays(t + k).atStartOfDay());
    Timestamp to = Timestamp.valueOf("2025-09-01 23:59:59");
    switch (k % TEMPLATES.length) {
      case 0 -> {
        s.setString(1, workspaces.get(t % 4));
        s.setString(2, (t / 4) % 2 == 0 ? "Voice" : "Web");
        s.setInt(3, 2 + t + k);
      }
      case 1 -> s.setString(1, voiceSessions.get(t * DISTINCT + k));
      case 2 -> {
        s.setString(1, agents.get((t + k) % agents.size()));
        s.setTimestamp(2, from);
        s.setTimestamp(3, to);
      }
      default -> {
        s.setTimestamp(1, from);
        s.setTimestamp(2, to);
      }
    }
    return s;
  }

  /** Connects, runs the thread's 50 queries, checks each answer; returns the mismatches. */
  private static List<String> work(int t) throws SQLException {
    List<String> wrong = new ArrayList<>();
    try (Connection c = OwnSandbox.connect(sandbox)) {
      List<PreparedStatement> statements = prepare(c);
      for (int i = 0; i < QUERIES_PER_THREAD; i++) {
        int k = i % DISTINCT;
        Outcome o = OwnSandbox.run(bind(statements, t, k));
        if (o.failed() || !o.rows().equals(expected.get(t).get(k))) {
          wrong.add("thread " + t + " query " + i + ": " + (o.failed() ? o.failure() : o.rows()));
        }
      }
    }
    return wrong;
  }

  /** Opens a connection, runs each template once and closes it: every class and pool is loaded. */
  private static void warmUp() throws Exception {
    List<String> wrong = work(0);
    assertThat(wrong).isEmpty();
  }

  @Test
  void sixteenConnectionsAtOnceGetTheirOwnAnswersAndLeaveNothingBehind() throws Exception {
    warmUp();
    ResourceCensus baseline =
        ResourceCensus.awaitBackTo(ResourceCensus.take(), Duration.ofSeconds(2));
    sandbox.requests().clear();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger peakThreads = new AtomicInteger();
    AtomicInteger peakSockets = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      int id = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          wrong.addAll(work(id));
        } catch (Throwable e) {
          errors.add(e);
        }
      }, "load-" + t);
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        ResourceCensus during = ResourceCensus.take();
        peakThreads.accumulateAndGet(during.threads().size(), Math::max);
        peakSockets.accumulateAndGet(during.sockets().size(), Math::max);
        thread.join(100);
      }
    }
    long t1 = System.nanoTime();
    ResourceCensus after = ResourceCensus.awaitBackTo(baseline, Duration.ofSeconds(5));
    System.out.printf("LoadTest: %d threads x %d queries in %d ms, %d requests; baseline %s;"
        + " peak %d threads, %d sockets; %d ms after the last close: %s%n", THREADS,
        QUERIES_PER_THREAD, (t1 - t0) / 1_000_000, sandbox.requests().all().size(), baseline,
        peakThreads.get(), peakSockets.get(), (System.nanoTime() - t1) / 1_000_000, after);

    assertThat(errors).isEmpty();
    assertThat(wrong).isEmpty();
    assertThat(peakThreads.get()).as("the census sees the connections' threads")
        .isGreaterThan(baseline.threads().size());
    assertThat(after.newThreads(baseline)).as("threads left by closed connections").isEmpty();
    assertThat(after.newSockets(baseline)).as("sockets left by closed connections").isEmpty();
    assertThat(after.openFiles()).as("open file descriptors")
        .isLessThanOrEqualTo(baseline.openFiles());
  }
}
