package io.convosql.sandbox.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.PathSimClient.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Authentication, the workspace listing, routing errors, determinism and the request log. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathSimAccessTest {
  private static final String UNAUTHORIZED = "{\"success\":false,\"error\":\"Invalid or missing API key\"}";

  private Sandbox sandbox;
  private PathSimClient client;

  @BeforeAll
  void start() {
    sandbox = PathSimClient.start();
    client = new PathSimClient(sandbox);
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  void anythingButTheExactBearerHeaderIsUnauthorized() {
    String url = sandbox.pathSimUrl() + "/workspaces";
    List<Reply> replies = List.of(
        client.send(url),
        client.send(url, "Authorization", "Bearer wrong-key"),
        client.send(url, "Authorization", "bearer " + Sandbox.PATHSIM_KEY),
        client.send(url, "Authorization", Sandbox.PATHSIM_KEY),
        client.send(url, "Authorization", "Bearer  " + Sandbox.PATHSIM_KEY),
        client.send(url, "X-Api-Key", Sandbox.PATHSIM_KEY),
        client.send(sandbox.pathSimUrl() + "/no/such/path"));
    assertThat(replies).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body()).isEqualTo(UNAUTHORIZED);
    });
  }

  @Test
  void workspacesAreListedWithTheDocumentedFields() {
    Reply reply = client.get("/workspaces");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = reply.json();
    assertThat(body.get("success").asBoolean()).isTrue();
    List<Workspace> expected = sandbox.pathSim().data().workspaces();
    assertThat(body.get("data")).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode w = body.get("data").get(i);
      Workspace e = expected.get(i);
      assertThat(w.get("id").asText()).isEqualTo(e.id());
      assertThat(w.get("name").asText()).isEqualTo(e.name());
      assertThat(w.get("description").asText()).isEqualTo(e.description());
      assertThat(w.get("organizationId").asText()).isEqualTo(e.organizationId());
      assertThat(w.get("createdAt").asText()).isEqualTo(e.createdAt().toString().replace("Z", ".000Z"));
      assertThat(w.get("isActive").isBoolean()).isTrue();
      assertThat(w.get("isActive").asBoolean()).isEqualTo(e.active());
      assertThat(w.get("isDefault").asBoolean()).isEqualTo(e.isDefault());
    }
    assertThat(body.get("data").findValuesAsText("name")).contains("Production Workspace", "Staging");
  }

  @Test
  void unknownPathsAreNotFoundAndOtherMethodsNotAllowed() {
    assertThat(client.get("/workspace").status()).isEqualTo(404);
    assertThat(client.get("/workspaces/").status()).isEqualTo(404);
    assertThat(client.get("/sessions").status()).isEqualTo(404);
    assertThat(client.get("/sessions//recording").status()).isEqualTo(404);
    assertThat(client.get("").status()).isEqualTo(404);
    Reply post = client.request("POST", sandbox.pathSimUrl() + "/workspaces",
        "Authorization", "Bearer " + Sandbox.PATHSIM_KEY);
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json().get("success").asBoolean()).isFalse();
    Reply delete = client.request("DELETE", sandbox.pathSimUrl() + "/sessions/abc",
        "Authorization", "Bearer " + Sandbox.PATHSIM_KEY);
    assertThat(delete.status()).isEqualTo(405);
  }

  @Test
  void theSameSeedServesTheSameJson() {
    String workspace = sandbox.pathSim().data().workspaces().get(0).id();
    Session session = sandbox.pathSim().data().sessions(workspace).get(17);
    try (Sandbox twin = PathSimClient.start()) {
      PathSimClient other = new PathSimClient(twin);
      for (String path : List.of("/workspaces",
          "/workspaces/" + workspace + "/sessions?limit=100&offset=40&type=voice",
          "/sessions/" + session.id(),
          "/sessions/" + session.id() + "/recording")) {
        String mine = client.get(path).body().replace(sandbox.pathSimUrl(), "BASE");
        String theirs = other.get(path).body().replace(twin.pathSimUrl(), "BASE");
        assertThat(theirs).as(path).isEqualTo(mine);
      }
    }
  }

  @Test
  void requestsAreRecordedWithStatusAndParameters() {
    String workspace = sandbox.pathSim().data().workspaces().get(1).id();
    sandbox.requests().clear();
    client.get("/workspaces/" + workspace + "/sessions?limit=5&search=weather");
    client.send(sandbox.pathSimUrl() + "/workspaces");
    List<RecordedRequest> log = PathSimClient.awaitLog(sandbox, "pathsim", 2);
    assertThat(log).extracting(RecordedRequest::toString).containsExactlyInAnyOrder(
        "GET /workspaces/" + workspace + "/sessions?limit=5&search=weather", "GET /workspaces");
    RecordedRequest listing = log.stream().filter(r -> r.params().size() == 2).findFirst().orElseThrow();
    assertThat(listing.param("search")).isEqualTo("weather");
    assertThat(listing.status()).isEqualTo(200);
    assertThat(listing.hadAuthorization()).isTrue();
    RecordedRequest anonymous = log.stream().filter(r -> r.params().isEmpty()).findFirst().orElseThrow();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.hadAuthorization()).isFalse();
  }
}
