package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.InsightsHttp.params;
import static io.convosql.sandbox.insights.InsightsHttp.search;
import static io.convosql.sandbox.insights.InsightsHttp.shared;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.LinkedCall;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.insights.InsightsHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every PathSim voice call that reached an agent is an Insights session a few seconds later. */
class LinkedCallsTest {
  @Test
  void eachLinkedCallIsFoundBySourceAndDestination() {
    List<LinkedCall> calls = shared().pathSim().data().linkedCalls();
    assertThat(calls).isNotEmpty();
    assertThat(shared().insights().data().size()).isEqualTo(2000 + calls.size());
    for (LinkedCall call : calls.subList(0, Math.min(25, calls.size()))) {
      Instant from = call.startedAt().truncatedTo(ChronoUnit.SECONDS);
      String filter = "{\"must\":[{\"term\":{\"source\":" + InsightsHttp.MAPPER.valueToTree(call.callerPhone())
          + "}},{\"term\":{\"destination\":" + InsightsHttp.MAPPER.valueToTree(call.agentPhone()) + "}}]}";
      Answer a = search(params("from_date", from.toString(), "to_date", from.plus(Duration.ofMinutes(2)).toString(),
          "filter_by", filter));
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.total()).as(call.toString()).isGreaterThanOrEqualTo(1);
      JsonNode session = a.hits().get(0);
      assertThat(session.get("status").asText()).isEqualTo("ended");
      assertThat(Duration.between(call.startedAt(), InsightsHttp.start(session)))
          .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(91));
    }
  }

  @Test
  void withoutLinkedCallsInsightsHoldsOnlyItsOwnSessions() {
    try (Sandbox linked = Sandbox.builder().seed(3).pathSimSessions(300).insightsSessions(40).start();
        Sandbox alone = Sandbox.builder().seed(3).pathSimSessions(300).insightsSessions(40).linkCalls(false)
            .start()) {
      assertThat(linked.insights().data().size()).isGreaterThan(40);
      assertThat(alone.insights().data().size()).isEqualTo(40);
      assertThat(alone.pathSim().data().sessions()).isEqualTo(linked.pathSim().data().sessions());
    }
  }
}
