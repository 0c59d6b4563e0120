package io.convosql.adapter.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions created while a scan pages through newest-first offsets push older sessions into later
 * pages; the scan must return each session that existed when it started exactly once.
 */
class MidScanInsertTest {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");

  private Sandbox sandbox;
  private Connection connection;
  private String workspace;

  @BeforeEach
  void start() throws SQLException {
    sandbox = Sandbox.builder().seed(5).pathSimSessions(900).insightsSessions(5).now(NOW).start();
    workspace = sandbox.pathSim().data().sessions().stream()
        .collect(java.util.stream.Collectors.groupingBy(Session::workspaceId,
            java.util.stream.Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() > 250).map(java.util.Map.Entry::getKey)
        .findFirst().orElseThrow();
    connection = Sql.connect("pathsim", new PathSimSchema(HttpUrl.get(sandbox.pathSimUrl()),
        Sandbox.PATHSIM_KEY, TestHttp.settings(Duration.ofSeconds(10)), true));
  }

  @AfterEach
  void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  private List<String> before() {
    return sandbox.pathSim().data().sessions().stream()
        .filter(s -> s.workspaceId().equals(workspace)).map(Session::id).sorted().toList();
  }

  /** After the first page of the workspace's sessions is served, adds sessions dated now. */
  private void addAfterFirstPage(int count) {
    AtomicBoolean done = new AtomicBoolean();
    sandbox.onRequest((RecordedRequest r) -> {
      if (r.path().endsWith("/sessions") && done.compareAndSet(false, true)) {
        sandbox.pathSim().data().addSessions(workspace, count, NOW);
      }
    });
  }

  private List<String> ids(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void newestFirstPagingNeitherRepeatsNorSkipsWhenSessionsArriveMidScan() throws SQLException {
    List<String> existing = before();
    addAfterFirstPage(30);
    List<String> got = ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + workspace + "'");
    assertThat(sandbox.hookFailure()).isEmpty();
    assertThat(got).doesNotHaveDuplicates();
    assertThat(got.stream().sorted().toList()).isEqualTo(existing);
    assertThat(sandbox.requests().lines("pathsim")).hasSizeGreaterThan(2);
  }

  @Test
  void anOrderedScanAlsoKeepsToTheSessionsThatExistedWhenItStarted() throws SQLException {
    List<String> existing = before();
    addAfterFirstPage(45);
    List<String> got = ids("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + workspace
        + "' ORDER BY started_at DESC");
    assertThat(got).doesNotHaveDuplicates();
    assertThat(got.stream().sorted().toList()).isEqualTo(existing);
  }

  @Test
  void aPageRequestedAheadOfAListingThatMovedIsAskedForAgainAfterThePageBeforeIt() throws Exception {
    String big = sandbox.pathSim().data().sessions().stream()
        .collect(java.util.stream.Collectors.groupingBy(Session::workspaceId,
            java.util.stream.Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() > 400).map(java.util.Map.Entry::getKey)
        .findFirst().orElseThrow();
    List<String> existing = sandbox.pathSim().data().sessions().stream()
        .filter(s -> s.workspaceId().equals(big)).map(Session::id).sorted().toList();
    // two requests in flight: after page 1, pages 2 and 3 are requested together. Page 2's hook adds
    // sessions once page 3's answer is made, so pages 1-3 show the old total, and page 4, requested
    // ahead once page 2 was read, shows the new one: the newest-first offsets moved under it.
    java.util.concurrent.CountDownLatch thirdMade = new java.util.concurrent.CountDownLatch(1);
    AtomicBoolean added = new AtomicBoolean();
    sandbox.onRequest((RecordedRequest r) -> {
      String offset = r.params().containsKey("offset") ? r.params().get("offset").get(0) : "";
      if (offset.equals("200")) {
        thirdMade.countDown();
      } else if (offset.equals("100") && added.compareAndSet(false, true)) {
        try {
          assertThat(thirdMade.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        sandbox.pathSim().data().addSessions(big, 30, NOW);
      }
    });
    List<String> got = new ArrayList<>();
    try (Connection two = Sql.connect("pathsim", new PathSimSchema(HttpUrl.get(sandbox.pathSimUrl()),
            Sandbox.PATHSIM_KEY, TestHttp.settings(Duration.ofSeconds(10)).withLimits(0, 2), true));
         Statement s = two.createStatement();
         ResultSet rs = s.executeQuery("SELECT id FROM pathsim.sessions WHERE workspace_id = '" + big + "'")) {
      while (rs.next()) {
        got.add(rs.getString(1));
      }
    }
    assertThat(sandbox.hookFailure()).isEmpty();
    assertThat(got).doesNotHaveDuplicates();
    assertThat(got.stream().sorted().toList()).isEqualTo(existing);
    List<String> offsets = new ArrayList<>(sandbox.requests().lines("pathsim").stream()
        .map(l -> l.substring(l.indexOf("offset=") + 7)).toList());
    // pages 4 and 5 (requested once pages 2 and 3 were read) were dropped when page 4 showed the new
    // total; page 4 was asked for again, and from there on one page after the other. Page 5's dropped
    // request is cancelled at once: it reaches the sandbox or not, before page 4's second request or
    // after it, so one "400" beyond the chain's is left out here.
    if (java.util.Collections.frequency(offsets, "400") == 2) {
      offsets.remove("400");
    }
    int again = offsets.lastIndexOf("300");
    assertThat(offsets.indexOf("300")).as("page 4 asked for twice").isLessThan(again);
    assertThat(offsets.subList(0, again)).containsExactlyInAnyOrder("0", "100", "200", "300");
    int pages = (existing.size() + 30 + 99) / 100;
    assertThat(offsets.subList(again, offsets.size())).containsExactlyElementsOf(
        java.util.stream.IntStream.range(3, pages).mapToObj(i -> String.valueOf(i * 100)).toList());
  }
}
