package io.convosql.sandbox.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.PathSimClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /sessions/{id}}: the row, the detail fields of each test type, and absent values. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionDetailTest {
  private static final List<String> ROW = List.of("Time", "Test Type", "Objective", "Connected",
      "Virtual Customer", "Target", "Source", "_id", "test_id");

  private Sandbox sandbox;
  private PathSimClient client;
  private PathSimData data;

  @BeforeAll
  void start() {
    sandbox = PathSimClient.start();
    client = new PathSimClient(sandbox);
    data = sandbox.pathSim().data();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  void connectedVoiceSessionHasCallFields() {
    Session s = find(x -> x.testType() == TestType.VOICE && x.connected() == Connection.CONNECTED
        && x.detail().voice().latency() != null && x.detail().voice().userSentiment() != null
        && x.detail().hasRecording());
    JsonNode d = detail(s);
    assertThat(fields(d).subList(0, ROW.size())).isEqualTo(ROW);
    assertThat(d.get("_id").asText()).isEqualTo(s.id());
    assertThat(d.get("duration").asText()).isEqualTo(SessionJson.duration(s.detail().durationSeconds()))
        .matches("(\\d+h )?(\\d+m )?\\d+s");
    assertThat(d.get("recording_url").asText())
        .isEqualTo(sandbox.pathSimUrl() + "/sessions/" + s.id() + "/recording");
    assertThat(d.get("call_successful").asBoolean()).isTrue();
    assertThat(d.get("objective_met").asBoolean()).isEqualTo(s.objective() == Objective.ACHIEVED);
    assertThat(d.get("test_successful").asBoolean()).isEqualTo(s.objective() == Objective.ACHIEVED);
    assertThat(d.get("transcript").asText()).isEqualTo(s.detail().voice().transcript()).startsWith("user: ")
        .contains("\nagent: ");
    assertThat(d.get("to_number").asText()).isEqualTo(s.target());
    assertThat(d.get("disconnection_reason").asText()).isNotBlank();
    assertThat(d.get("user_sentiment").asText()).isIn("Positive", "Neutral", "Negative");
    JsonNode latency = d.get("far_end_latency_stats");
    assertThat(fields(latency)).containsExactly("average_ms", "min_ms", "max_ms", "valid_measurements");
    assertThat(latency.get("min_ms").asInt()).isLessThanOrEqualTo(latency.get("average_ms").asInt());
    assertThat(latency.get("max_ms").isInt()).isTrue();
    assertThat(d.has("steps") || d.has("target_url") || d.has("reached_target_website")).isFalse();
  }

  @Test
  void webSessionHasStepsAndWebFlags() {
    Session s = find(x -> x.testType() == TestType.WEB && x.connected() == Connection.CONNECTED
        && x.objective() == Objective.NOT_ACHIEVED);
    JsonNode d = detail(s);
    assertThat(d.get("reached_target_website").asBoolean()).isTrue();
    assertThat(d.get("intent_achieved").asBoolean()).isFalse();
    assertThat(d.get("target_url").asText()).isEqualTo(s.target());
    JsonNode steps = d.get("steps");
    assertThat(steps.size()).isBetween(3, 8).isEqualTo(s.detail().web().steps().size());
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      assertThat(fields(step))
          .containsExactly("step_number", "action", "target", "value", "status", "timestamp");
      assertThat(step.get("step_number").asInt()).isEqualTo(i + 1);
      assertThat(step.get("timestamp").isIntegralNumber()).isTrue();
      assertThat(step.get("status").asText()).isEqualTo(i == steps.size() - 1 ? "failed" : "completed");
    }
    assertThat(d.has("transcript") || d.has("to_number") || d.has("far_end_latency_stats")).isFalse();
  }

  @Test
  void unfinishedSessionsLeaveOutWhatIsNotKnownYet() {
    Session s = find(x -> x.connected() == Connection.IN_PROGRESS && x.testType() == TestType.VOICE);
    JsonNode d = detail(s);
    assertThat(d.get("Objective").asText()).isEqualTo("--");
    assertThat(d.get("Connected").asText()).isEqualTo("In Progress");
    assertThat(d.has("duration") || d.has("recording_url") || d.has("call_successful")).isFalse();
    assertThat(d.has("disconnection_reason") || d.has("far_end_latency_stats")).isFalse();
    assertThat(d.has("summary")).isTrue();
    assertThat(d.get("summary").isNull()).isTrue();
  }

  @Test
  void someFieldsAreMissingAndSomeNull() {
    JsonNode noSentiment = detail(find(x -> x.connected() == Connection.CONNECTED
        && x.testType() == TestType.VOICE && x.detail().voice().userSentiment() == null));
    assertThat(noSentiment.has("user_sentiment")).isFalse();
    JsonNode nullLatency = detail(find(x -> x.connected() == Connection.CONNECTED
        && x.testType() == TestType.VOICE && x.detail().voice().latency() == null));
    assertThat(nullLatency.get("far_end_latency_stats").isNull()).isTrue();
    JsonNode unknown = detail(find(x -> x.objective() == Objective.NONE
        && x.connected() == Connection.CONNECTED));
    assertThat(unknown.get("objective_met").isNull()).isTrue();
    assertThat(unknown.get("call_successful").asBoolean()).isTrue();
    JsonNode error = detail(find(x -> x.connected() == Connection.SYSTEM_ERROR
        && x.testType() == TestType.VOICE));
    assertThat(error.has("recording_url") || error.has("transcript")).isFalse();
  }

  @Test
  void unknownSessionIsNotFound() {
    Reply reply = client.get("/sessions/000000000000000000000000");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEqualTo("{\"success\":false,\"error\":\"Session not found\"}");
    assertThat(client.get("/sessions/not-an-id").status()).isEqualTo(404);
  }

  private Session find(Predicate<Session> filter) {
    return data.sessions().stream().filter(filter).findFirst().orElseThrow();
  }

  private JsonNode detail(Session s) {
    Reply reply = client.get("/sessions/" + s.id());
    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("success").asBoolean()).isTrue();
    return body.get("data");
  }

  static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
