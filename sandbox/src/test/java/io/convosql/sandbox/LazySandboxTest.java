package io.convosql.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A lazy sandbox (data generated on each API's first request, as {@code demo=true} starts it) holds
 * exactly the data of an eager one, whichever API is read first, and Insights links to PathSim's calls
 * as generated even when sessions were added to PathSim before Insights was first read.
 */
class LazySandboxTest {
  private static final Instant NOW = Instant.parse("2025-09-01T00:00:00Z");

  private static Sandbox.Builder builder() {
    return Sandbox.builder().seed(11).pathSimSessions(300).insightsSessions(40).now(NOW);
  }

  @Test
  void insightsReadFirstGivesTheSameDataAsEager() {
    try (Sandbox eager = builder().start(); Sandbox lazy = builder().lazy(true).start()) {
      assertThat(lazy.insights().data().documents()).isEqualTo(eager.insights().data().documents());
      assertThat(lazy.insights().data().agents()).isEqualTo(eager.insights().data().agents());
      assertThat(lazy.pathSim().data().sessions()).isEqualTo(eager.pathSim().data().sessions());
      assertThat(lazy.pathSim().data().workspaces()).isEqualTo(eager.pathSim().data().workspaces());
    }
  }

  @Test
  void pathSimReadFirstAndChangedGivesTheSameInsightsAsEager() {
    try (Sandbox eager = builder().start(); Sandbox lazy = builder().lazy(true).start()) {
      assertThat(lazy.pathSim().data().sessions()).isEqualTo(eager.pathSim().data().sessions());
      String workspace = lazy.pathSim().data().workspaces().get(0).id();
      lazy.pathSim().data().addSessions(workspace, 5, NOW.minusSeconds(60));
      assertThat(lazy.insights().data().documents()).isEqualTo(eager.insights().data().documents());
    }
  }

  @Test
  void theSameAnswersOverHttp() throws Exception {
    try (Sandbox eager = builder().start(); Sandbox lazy = builder().lazy(true).start()) {
      String path = "/insights/sessions?from_date=2025-08-01T00:00:00.000Z&to_date=2025-09-01T00:00:00.000Z"
          + "&page_number=0&page_size=50";
      HttpResponse<byte[]> fromLazy = new Http(lazy).insights("GET", path);
      HttpResponse<byte[]> fromEager = new Http(eager).insights("GET", path);
      assertThat(fromLazy.statusCode()).isEqualTo(200);
      assertThat(fromLazy.body()).isEqualTo(fromEager.body());
      HttpResponse<byte[]> workspacesLazy = new Http(lazy).pathSim("GET", "/workspaces");
      assertThat(workspacesLazy.statusCode()).isEqualTo(200);
      assertThat(workspacesLazy.body()).isEqualTo(new Http(eager).pathSim("GET", "/workspaces").body());
    }
  }
}
