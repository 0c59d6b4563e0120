package io.convosql.sandbox.pathsim;

import static io.convosql.sandbox.pathsim.SessionListingTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Sessions added while a client pages through a listing, newest first: a request hook adds them
 * between two pages, so the next page repeats rows, and the new sessions have their details.
 */
class MidScanTest {
  @Test
  void sessionsAddedAfterTheFirstPageShiftTheNextOne() {
    try (Sandbox sandbox = PathSimClient.start()) {
      PathSimData data = sandbox.pathSim().data();
      String workspace = largest(data);
      String listing = "/workspaces/" + workspace + "/sessions";
      AtomicReference<List<String>> added = new AtomicReference<>();
      sandbox.onRequest(r -> {
        if (r.path().equals(listing) && "0".equals(r.param("offset")) && added.get() == null) {
          added.set(data.addSessions(workspace, 30, PathSimClient.NOW));
        }
      });
      PathSimClient client = new PathSimClient(sandbox);
      JsonNode first = list(client, listing + "?limit=100&offset=0");
      JsonNode second = list(client, listing + "?limit=100&offset=100");
      sandbox.onRequest(null);

      int total = first.get("pagination").get("total").asInt();
      assertThat(total).isGreaterThan(200);
      assertThat(second.get("pagination").get("total").asInt()).isEqualTo(total + 30);
      assertThat(ids(second).subList(0, 30)).isEqualTo(ids(first).subList(70, 100));
      assertThat(added.get()).hasSize(30).doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(ids(first));
      List<String> newest = added.get().stream().sorted(Comparator.reverseOrder()).toList();
      assertThat(ids(list(client, listing + "?limit=30"))).isEqualTo(newest);
      for (String id : added.get()) {
        PathSimClient.Reply detail = client.get("/sessions/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("data").get("_id").asText()).isEqualTo(id);
        assertThat(data.session(id)).get().satisfies(s -> {
          assertThat(s.workspaceId()).isEqualTo(workspace);
          assertThat(s.time()).isEqualTo(PathSimClient.NOW);
        });
      }
      assertThat(sandbox.hookFailure()).isEmpty();
    }
  }

  @Test
  void listingsServedWhileSessionsAreAddedSeeWholeBatches() throws Exception {
    try (Sandbox sandbox = PathSimClient.start()) {
      PathSimData data = sandbox.pathSim().data();
      String workspace = largest(data);
      int before = data.sessions(workspace).size();
      PathSimClient client = new PathSimClient(sandbox);
      List<Integer> totals = new CopyOnWriteArrayList<>();
      ExecutorService readers = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          running.add(readers.submit(() -> {
            for (int i = 0; i < 25; i++) {
              JsonNode page = list(client, "/workspaces/" + workspace + "/sessions?limit=100");
              totals.add(page.get("pagination").get("total").asInt());
            }
          }));
        }
        for (int batch = 0; batch < 20; batch++) {
          data.addSessions(workspace, 7, PathSimClient.NOW.minusSeconds(60L * batch));
        }
        for (Future<?> f : running) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        readers.shutdownNow();
      }
      assertThat(totals).hasSize(100)
          .allSatisfy(total -> assertThat((total - before) % 7).isZero())
          .allSatisfy(total -> assertThat(total).isBetween(before, before + 140));
      assertThat(data.sessions(workspace)).hasSize(before + 140)
          .isSortedAccordingTo(Session.ASCENDING);
    }
  }

  @Test
  void addingSessionsChecksItsArguments() {
    PathSimData data = PathSimData.generate(7, 50, PathSimClient.NOW);
    String workspace = data.workspaces().get(0).id();
    assertThat(data.addSessions(workspace, 0, PathSimClient.NOW)).isEmpty();
    assertThatThrownBy(() -> data.addSessions(workspace, -1, PathSimClient.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> data.addSessions("nope", 1, PathSimClient.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    PathSimData twin = PathSimData.generate(7, 50, PathSimClient.NOW);
    assertThat(twin.addSessions(workspace, 3, PathSimClient.NOW))
        .isEqualTo(data.addSessions(workspace, 3, PathSimClient.NOW));
  }

  private static String largest(PathSimData data) {
    return data.workspaces().stream()
        .max(Comparator.comparingInt(w -> data.sessions(w.id()).size())).orElseThrow().id();
  }

  private static JsonNode list(PathSimClient client, String pathAndQuery) {
    PathSimClient.Reply reply = client.get(pathAndQuery);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }
}
