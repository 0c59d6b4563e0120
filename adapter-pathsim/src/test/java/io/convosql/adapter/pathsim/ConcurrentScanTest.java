package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimFixture.SANDBOX;
import static io.convosql.adapter.pathsim.PathSimFixture.busyWorkspaces;
import static io.convosql.adapter.pathsim.PathSimFixture.clear;
import static io.convosql.adapter.pathsim.PathSimFixture.newestFirst;
import static io.convosql.adapter.pathsim.PathSimFixture.requests;
import static io.convosql.adapter.pathsim.PathSimFixture.sessions;
import static io.convosql.adapter.pathsim.PathSimFixture.sortedIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scan that reads everything sends its requests concurrently (the workspaces' listings, the next
 * page ahead, the sessions' details) yet answers in the same order with the same requests; a scan
 * with a LIMIT sends nothing ahead. Concurrency is seen at the sandbox: a hook that holds requests
 * until several are there at once, never by timing.
 */
class ConcurrentScanTest {
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = PathSimFixture.connect(true);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @BeforeEach
  void clearLog() {
    clear();
  }

  @AfterEach
  void noHook() {
    SANDBOX.onRequest(null);
    assertThat(SANDBOX.hookFailure()).isEmpty();
  }

  private static boolean firstListingPage(RecordedRequest r) {
    return r.path().matches("/workspaces/[^/]+/sessions") && "0".equals(r.params().get("offset").get(0));
  }

  @Test
  void theWorkspacesAreListedConcurrentlyAndAnsweredInOrder() throws SQLException {
    List<String> sequential = Sql.rows(connection, "SELECT id FROM pathsim.sessions");
    List<String> sequentialRequests = requests();
    clear();
    // four first pages must be in the sandbox at once to get past the barrier
    CyclicBarrier together = new CyclicBarrier(4);
    AtomicInteger held = new AtomicInteger();
    SANDBOX.onRequest(r -> {
      if (firstListingPage(r) && held.getAndIncrement() < 4) {
        try {
          together.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("the first pages of four workspaces were not requested together", e);
        }
      }
    });
    assertThat(Sql.rows(connection, "SELECT id FROM pathsim.sessions")).isEqualTo(sequential);
    assertThat(SANDBOX.hookFailure()).isEmpty();
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(sequentialRequests);
    assertThat(held).hasValueGreaterThanOrEqualTo(4);
  }

  @Test
  void aLimitedScanDoesNotStartLaterWorkspacesEarly() throws SQLException {
    List<String> workspaces = busyWorkspaces();
    Sql.rows(connection, "SELECT id FROM pathsim.sessions LIMIT 3");
    // the workspaces, then the first workspace's page, which holds the three rows
    assertThat(requests()).hasSize(2);
    assertThat(requests().get(1)).startsWith("GET /workspaces/").endsWith("/sessions?limit=3&offset=0");
    assertThat(workspaces).isNotEmpty();
  }

  @Test
  void thePagesTheTotalPromisesAreRequestedTogetherAndNoneBeyondTheEnd() throws Exception {
    String busiest = busyWorkspaces().get(0);
    List<String> expected = sortedIds(sessions(s -> s.workspaceId().equals(busiest)));
    int pages = (expected.size() + 99) / 100;
    assertThat(pages).as("more pages than requests in flight").isGreaterThan(9);
    // pages 2 to 9 must be in the sandbox at once to get past the barrier: after page 1's total,
    // as many pages as may be in flight (8) are requested together, not each after the one before
    CyclicBarrier together = new CyclicBarrier(8);
    SANDBOX.onRequest(r -> {
      int offset = Integer.parseInt(r.params().get("offset").get(0));
      if (r.path().endsWith("/sessions") && offset >= 100 && offset <= 800) {
        try {
          together.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("the later pages were not requested together", e);
        }
      }
    });
    assertThat(Sql.rows(connection, "SELECT id FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "'").stream().sorted().toList()).isEqualTo(expected);
    assertThat(SANDBOX.hookFailure()).isEmpty();
    String path = "GET /workspaces/" + busiest + "/sessions?limit=100&offset=";
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(
        java.util.stream.IntStream.range(0, pages).mapToObj(i -> path + i * 100).toList());
  }

  @Test
  void pagesAreRequestedAheadNoFurtherThanTheConcurrencyAllows() throws Exception {
    String busiest = busyWorkspaces().get(0);
    int total = sessions(s -> s.workspaceId().equals(busiest)).size();
    assertThat(total).as("four pages at least").isGreaterThan(300);
    CountDownLatch secondAndThird = new CountDownLatch(2);
    SANDBOX.onRequest(r -> {
      String offset = r.params().containsKey("offset") ? r.params().get("offset").get(0) : "";
      if (offset.equals("100") || offset.equals("200")) {
        secondAndThird.countDown();
      }
    });
    String path = "GET /workspaces/" + busiest + "/sessions?limit=100&offset=";
    PathSimSchema schema = new PathSimSchema(okhttp3.HttpUrl.get(SANDBOX.pathSimUrl()),
        io.convosql.sandbox.Sandbox.PATHSIM_KEY,
        TestHttp.settings(java.time.Duration.ofSeconds(10)).withLimits(0, 2), true);
    try (Connection two = Sql.connect("pathsim", schema);
         Statement s = two.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM pathsim.sessions WHERE workspace_id = '"
             + busiest + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(secondAndThird.await(10, TimeUnit.SECONDS)).as("pages 2 and 3 requested ahead").isTrue();
      // two requests in flight at most: page 4 waits until page 2 is read, which needs the
      // consumer to get past page 1's rows
      assertThat(requests()).containsExactlyInAnyOrder(path + "0", path + "100", path + "200");
      for (int i = 1; i < 99; i++) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(requests()).containsExactlyInAnyOrder(path + "0", path + "100", path + "200");
      int rows = 99;
      while (rs.next()) {
        rows++;
      }
      assertThat(rows).isEqualTo(total);
      assertThat(requests()).hasSize((total + 99) / 100);
    }
  }

  @Test
  void sessionsPinnedByIdAreGotConcurrently() throws SQLException {
    List<Session> four = sessions(s -> true).subList(0, 4);
    String ids = four.stream().map(x -> "'" + x.id() + "'").collect(java.util.stream.Collectors.joining(", "));
    CyclicBarrier together = new CyclicBarrier(5);
    SANDBOX.onRequest(r -> {
      try {
        together.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the five gets were not sent together", e);
      }
    });
    assertThat(Sql.rows(connection, "SELECT id FROM pathsim.sessions WHERE id IN (" + ids + ", 'no-such')")
        .stream().sorted().toList()).isEqualTo(sortedIds(four));
    assertThat(SANDBOX.hookFailure()).isEmpty();
    List<String> gets = new java.util.ArrayList<>(four.stream().map(x -> "GET /sessions/" + x.id()).toList());
    gets.add("GET /sessions/no-such");
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(gets);
  }

  @Test
  void detailsAreRequestedConcurrentlyAndAnsweredInTheListedOrder() throws SQLException {
    String busiest = busyWorkspaces().get(0);
    List<Session> expected = newestFirst(sessions(s -> s.workspaceId().equals(busiest))).subList(0, 30);
    answerTheFirstDetailLast();
    List<String> rows = Sql.rows(connection, "SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' ORDER BY started_at DESC LIMIT 30");
    assertThat(rows).containsExactlyElementsOf(
        expected.stream().map(x -> x.id() + "; " + x.detail().summary()).toList());
    assertThat(SANDBOX.hookFailure()).isEmpty();
    // 30 candidates and their days, then exactly one detail per row: a LIMIT of 30 bounds what is
    // requested ahead
    List<String> window = SessionOrderLimitTest.windowPages(busiest, expected.get(29), true);
    assertThat(requests()).hasSize(31 + window.size());
    assertThat(requests().subList(1, 1 + window.size())).isEqualTo(window);
    assertThat(requests().subList(1 + window.size(), requests().size())).containsExactlyInAnyOrderElementsOf(
        expected.stream().map(x -> "GET /sessions/" + x.id()).toList());
  }

  /** Holds the first detail request until four more are in, so it answers last. */
  private static void answerTheFirstDetailLast() {
    CountDownLatch others = new CountDownLatch(4);
    AtomicBoolean first = new AtomicBoolean(true);
    SANDBOX.onRequest(r -> {
      if (!r.path().startsWith("/sessions/")) {
        return;
      }
      if (first.getAndSet(false)) {
        try {
          if (!others.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no detail requested while the first was in flight");
          }
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      } else {
        others.countDown();
      }
    });
  }

  @Test
  void transcriptLinesOfManySessionsKeepTheirOrder() throws SQLException {
    String ids = sessions(s -> s.detail().voice() != null && s.detail().voice().transcript() != null)
        .stream().limit(12).map(x -> "'" + x.id() + "'").collect(java.util.stream.Collectors.joining(", "));
    String sql = "SELECT session_id, line_no, text FROM pathsim.transcript_lines WHERE session_id IN ("
        + ids + ")";
    List<String> unhindered = Sql.rows(connection, sql);
    List<String> unhinderedRequests = requests();
    assertThat(unhinderedRequests).hasSize(12);
    clear();
    answerTheFirstDetailLast();
    assertThat(Sql.rows(connection, sql)).containsExactlyElementsOf(unhindered);
    assertThat(SANDBOX.hookFailure()).isEmpty();
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(unhinderedRequests);
  }
}
