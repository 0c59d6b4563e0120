package io.convosql.sandbox.pathsim;

import static io.convosql.sandbox.pathsim.SessionListingTest.assertPagination;
import static io.convosql.sandbox.pathsim.SessionListingTest.ids;
import static io.convosql.sandbox.pathsim.SessionListingTest.newestFirst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The objective and connected filters run after the page is cut, so pages come back short or empty
 * while {@code hasMore} stays true and {@code total} ignores them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculatedFiltersTest {
  private Sandbox sandbox;
  private PathSimClient client;
  private PathSimData data;
  private String workspace;

  @BeforeAll
  void start() {
    sandbox = PathSimClient.start();
    client = new PathSimClient(sandbox);
    data = sandbox.pathSim().data();
    workspace = data.workspaces().get(1).id();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  void objectiveFiltersOnlyTheRowsOfTheCutPage() {
    List<Session> newest = newestFirst(data.sessions(workspace));
    List<Session> window = newest.subList(20, 40);
    List<Session> expected = window.stream().filter(s -> s.objective() == Objective.ACHIEVED).toList();
    assertThat(expected.size()).isBetween(1, 19);
    JsonNode body = list("?objective=achieved&limit=20&offset=20");
    assertThat(ids(body)).isEqualTo(ids(expected));
    assertPagination(body, newest.size(), 20, 20, true);
  }

  @Test
  void connectedCanEmptyAPageThatIsNotTheLast() {
    List<Session> newest = newestFirst(data.sessions(workspace));
    int offset = 0;
    while (newest.subList(offset, offset + 5).stream()
        .anyMatch(s -> s.connected() == Connection.IN_PROGRESS)) {
      offset += 5;
    }
    JsonNode body = list("?connected=in_progress&limit=5&offset=" + offset);
    assertThat(body.get("data")).isEmpty();
    assertPagination(body, newest.size(), 5, offset, true);
  }

  @Test
  void totalCountsTheStoredFiltersButNotTheCalculatedOnes() {
    List<Session> web = newestFirst(data.sessions(workspace)).stream()
        .filter(s -> s.testType() == TestType.WEB).toList();
    JsonNode body = list("?type=web&connected=failed&objective=not_achieved&limit=100");
    assertThat(ids(body)).isEqualTo(ids(web.subList(0, 100).stream()
        .filter(s -> s.connected() == Connection.FAILED && s.objective() == Objective.NOT_ACHIEVED)
        .toList()));
    assertPagination(body, web.size(), 100, 0, true);
  }

  @Test
  void walkingAllPagesStillFindsEveryMatch() {
    for (Connection c : Connection.values()) {
      assertThat(walk("?connected=" + c.param(), s -> s.connected() == c)).isNotEmpty();
    }
    walk("?objective=not_achieved", s -> s.objective() == Objective.NOT_ACHIEVED);
  }

  private List<String> walk(String query, Predicate<Session> filter) {
    List<String> seen = new ArrayList<>();
    boolean more = true;
    for (int offset = 0; more; offset += 100) {
      JsonNode body = list(query + "&limit=100&offset=" + offset);
      seen.addAll(ids(body));
      more = body.get("pagination").get("hasMore").asBoolean();
    }
    List<String> expected = ids(newestFirst(data.sessions(workspace)).stream().filter(filter).toList());
    assertThat(seen).as(query).isEqualTo(expected);
    return seen;
  }

  private JsonNode list(String query) {
    PathSimClient.Reply reply = client.get("/workspaces/" + workspace + "/sessions" + query);
    assertThat(reply.status()).as(query).isEqualTo(200);
    return reply.json();
  }
}
