package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against an API enforcing a rate limit per key (429 with Retry-After), queries at default settings
 * answer exactly, alone and from several connections of the JVM at once: every page and detail is
 * answered once, and each 429 costs exactly one request more.
 */
class RateLimitTest {
  private static final String SQL = "SELECT workspace_id, COUNT(*) AS calls, SUM(duration_seconds)"
      + " AS seconds FROM pathsim.sessions GROUP BY workspace_id ORDER BY workspace_id";

  private static Sandbox sandbox;
  private static List<String> expected;
  private static List<String> cleanRequests;

  @BeforeAll
  static void answerWithoutALimit() throws SQLException {
    sandbox = OwnSandbox.start(200, 20);
    try (Connection c = OwnSandbox.connect(sandbox)) {
      Outcome clean = OwnSandbox.run(c, SQL);
      assertThat((Object) clean.failure()).isNull();
      expected = clean.rows();
    }
    cleanRequests = sandbox.requests().lines("pathsim");
    assertThat(cleanRequests).hasSizeGreaterThan(200);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void clear() {
    sandbox.setRateLimit(0);
    sandbox.requests().clear();
  }

  /** The requests answered (not 429), in the string form, and the number refused. */
  private static List<String> answered(List<RecordedRequest> sent) {
    return sent.stream().filter(r -> r.status() != 429).map(RecordedRequest::toString).toList();
  }

  @Test
  void aQueryOfHundredsOfRequestsKeepsToTheLimitAndAnswersExactly() throws SQLException {
    sandbox.setRateLimit(60);
    long before = sandbox.rateLimited();
    try (Connection c = OwnSandbox.connect(sandbox)) {
      Outcome o = OwnSandbox.run(c, SQL);
      assertThat((Object) o.failure()).isNull();
      assertThat(o.rows()).containsExactlyElementsOf(expected);
    }
    List<RecordedRequest> sent = sandbox.requests().of("pathsim");
    long refused = sandbox.rateLimited() - before;
    System.out.printf("RateLimitTest: %d requests, %d answered 429%n", sent.size(), refused);
    assertThat(answered(sent)).containsExactlyInAnyOrderElementsOf(cleanRequests);
    assertThat(sent).hasSize(cleanRequests.size() + (int) refused);
  }

  @Test
  void fourConnectionsAtOnceShareTheLimitAndAnswerExactly() throws Exception {
    sandbox.setRateLimit(60);
    long before = sandbox.rateLimited();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Outcome>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> {
          try (Connection c = OwnSandbox.connect(sandbox)) {
            return OwnSandbox.run(c, SQL);
          }
        }));
      }
      for (Future<Outcome> run : runs) {
        Outcome o = run.get();
        assertThat((Object) o.failure()).isNull();
        assertThat(o.rows()).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    List<RecordedRequest> sent = sandbox.requests().of("pathsim");
    long refused = sandbox.rateLimited() - before;
    System.out.printf("RateLimitTest (4 connections): %d requests, %d answered 429%n", sent.size(),
        refused);
    List<String> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.addAll(cleanRequests);
    }
    assertThat(answered(sent)).containsExactlyInAnyOrderElementsOf(four);
    assertThat(sent).hasSize(four.size() + (int) refused);
  }
}
