package io.convosql.sandbox.pathsim;

import static io.convosql.sandbox.pathsim.SessionListingTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Listings over sessions added for the purpose: same-minute ties keep a stable order, bounds at
 * midnight are exact, and added sessions show up at once.
 */
class SessionOrderTest {
  @Test
  void sameMinuteSessionsAreOrderedByIdBothWays() {
    try (Sandbox sandbox = PathSimClient.start()) {
      PathSimData data = sandbox.pathSim().data();
      String empty = data.workspaces().stream()
          .filter(w -> data.sessions(w.id()).isEmpty()).findFirst().orElseThrow().id();
      Instant minute = Instant.parse("2025-08-15T10:30:00Z");
      List<String> added = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        added.add(data.addSession(empty, minute.plusSeconds(i * 7)).id());
      }
      added.add(data.addSession(empty, minute.minusSeconds(60)).id());
      PathSimClient client = new PathSimClient(sandbox);
      List<String> sameMinute = added.subList(0, 4).stream().sorted().toList();
      List<String> ascending = new ArrayList<>(List.of(added.get(4)));
      ascending.addAll(sameMinute);
      List<String> paged = new ArrayList<>();
      for (int offset = 0; offset < 5; offset++) {
        paged.addAll(ids(list(client, empty, "?sort=created_at&limit=1&offset=" + offset)));
      }
      assertThat(paged).isEqualTo(ascending);
      List<String> descending = new ArrayList<>(ascending);
      Collections.reverse(descending);
      assertThat(ids(list(client, empty, ""))).isEqualTo(descending);
      assertThat(list(client, empty, "").findValuesAsText("Time"))
          .containsExactly("08/15/2025 10:30", "08/15/2025 10:30", "08/15/2025 10:30", "08/15/2025 10:30",
              "08/15/2025 10:29");
    }
  }

  @Test
  void createdBeforeStartOrdersCreatedAtButNotStartTimestampOrDates() {
    try (Sandbox sandbox = PathSimClient.start()) {
      PathSimData data = sandbox.pathSim().data();
      String empty = data.workspaces().stream()
          .filter(w -> data.sessions(w.id()).isEmpty()).findFirst().orElseThrow().id();
      List<Session> added = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        added.add(data.addSession(empty, Instant.parse("2025-08-15T10:30:00Z").plusSeconds(i * 3600)));
      }
      sandbox.pathSim().setCreatedBeforeStart(true);
      PathSimClient client = new PathSimClient(sandbox);
      List<String> byStart = added.stream().sorted(Session.ASCENDING).map(Session::id).toList();
      List<String> byCreation = added.stream().sorted(java.util.Comparator
          .comparing(PathSimEmulator::createdAt).thenComparing(Session::id)).map(Session::id).toList();
      assertThat(byCreation).isNotEqualTo(byStart);
      assertThat(ids(list(client, empty, "?sort=created_at"))).isEqualTo(byCreation);
      assertThat(ids(list(client, empty, "?sort=start_timestamp"))).isEqualTo(byStart);
      List<String> newestCreated = new ArrayList<>(byCreation);
      Collections.reverse(newestCreated);
      assertThat(ids(list(client, empty, ""))).isEqualTo(newestCreated);
      // the dates still filter on Time, the start
      assertThat(ids(list(client, empty, "?sort=start_timestamp&created_from=2025-08-15T15:00:00Z")))
          .isEqualTo(byStart.subList(5, 12));
    }
  }

  @Test
  void aDateBoundStartsAtMidnightAndCreatedToExcludesIt() {
    try (Sandbox sandbox = PathSimClient.start()) {
      PathSimData data = sandbox.pathSim().data();
      String empty = data.workspaces().stream()
          .filter(w -> data.sessions(w.id()).isEmpty()).findFirst().orElseThrow().id();
      String before = data.addSession(empty, Instant.parse("2025-08-19T23:59:00Z")).id();
      String midnight = data.addSession(empty, Instant.parse("2025-08-20T00:00:00Z")).id();
      PathSimClient client = new PathSimClient(sandbox);
      assertThat(ids(list(client, empty, "?created_to=2025-08-20"))).containsExactly(before);
      assertThat(ids(list(client, empty, "?created_from=2025-08-20"))).containsExactly(midnight);
      assertThat(ids(list(client, empty, "?created_to=2025-08-20T00:00:00Z")))
          .containsExactly(midnight, before);
      assertThat(ids(list(client, empty, "?created_from=2025-08-20&created_to=2025-08-20"))).isEmpty();
    }
  }

  @Test
  void aSessionAddedMidScanShiftsLaterPages() {
    try (Sandbox sandbox = PathSimClient.start()) {
      PathSimData data = sandbox.pathSim().data();
      String workspace = data.workspaces().get(0).id();
      PathSimClient client = new PathSimClient(sandbox);
      JsonNode first = list(client, workspace, "?limit=10");
      Session added = data.addSession(workspace, PathSimClient.NOW);
      JsonNode second = list(client, workspace, "?limit=10&offset=10");
      assertThat(second.get("pagination").get("total").asInt())
          .isEqualTo(first.get("pagination").get("total").asInt() + 1);
      assertThat(ids(second).get(0)).isEqualTo(ids(first).get(9));
      assertThat(ids(list(client, workspace, "?limit=1"))).containsExactly(added.id());
      assertThat(client.get("/sessions/" + added.id()).status()).isEqualTo(200);
    }
  }

  private static JsonNode list(PathSimClient client, String workspace, String query) {
    PathSimClient.Reply reply = client.get("/workspaces/" + workspace + "/sessions" + query);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }
}
