package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code maxRequestsPerStatement}'s 54000 says it sent: "stopped after N requests" says how many
 * of them were answered when some were still in flight (to be cancelled). The sandbox's hook holds
 * answers back on latches, so the order in which requests go and answers come is the test's, not the
 * machine's. (Which requests pay off what a scan expects: core's RequestBudgetAccountingTest.)
 */
class BudgetAccountingTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = OwnSandbox.start(40, 0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void noHook() {
    sandbox.onRequest(null);
  }

  private static List<Workspace> workspaces() {
    return sandbox.pathSim().data().workspaces().stream()
        .filter(w -> !sandbox.pathSim().data().sessions(w.id()).isEmpty())
        .sorted(Comparator.comparing(Workspace::id)).toList();
  }

  private static int sessions(Workspace w) {
    return sandbox.pathSim().data().sessions(w.id()).size();
  }

  private static SQLException run(String sql, String... properties) {
    sandbox.requests().clearWhenQuiet(Duration.ofMillis(200));
    try (Connection c = OwnSandbox.connect(sandbox, properties)) {
      return OwnSandbox.run(c, sql).failure();
    } catch (SQLException e) {
      return e;
    }
  }

  @Test
  void requestsInFlightAtTheRefusalAreNotCountedAnswered() throws InterruptedException {
    List<Workspace> listed = workspaces();
    assertThat(listed.size()).isGreaterThan(1);
    Workspace answeredFirst = listed.get(0);
    int n = sessions(answeredFirst);
    assertThat(n).isGreaterThan(1);
    int w = sandbox.pathSim().data().workspaces().size();
    assertThat(w).isLessThanOrEqualTo(8); // each first page held takes one of the sandbox's 8 threads
    CountDownLatch allSent = new CountDownLatch(w);
    CountDownLatch release = new CountDownLatch(1);
    sandbox.onRequest(r -> {
      if (!r.path().endsWith("/sessions")) {
        return;
      }
      allSent.countDown();
      try {
        if (r.path().equals("/workspaces/" + answeredFirst.id() + "/sessions")) {
          allSent.await(10, TimeUnit.SECONDS); // answered once every first page was sent
        } else {
          release.await(10, TimeUnit.SECONDS); // in flight until the statement failed
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    // the first answered page's total says its sessions' transcripts alone pass the limit
    long limit = 1 + w + 1;
    SQLException e = run("SELECT COUNT(*) FROM pathsim.transcript_lines", "maxRequestsPerStatement=" + limit);
    release.countDown();
    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("54000");
    assertThat(e.getMessage()).contains("more than maxRequestsPerStatement=" + limit + " allows; stopped after "
        + (1 + w) + " requests, 2 of them answered (GET /workspaces/" + answeredFirst.id() + "/sessions)");
    assertThat(sandbox.hookFailure()).isEmpty();
    assertThat(sandbox.requests().all()).extracting(RecordedRequest::path)
        .allMatch(p -> p.equals("/workspaces") || p.endsWith("/sessions"));
  }
}
