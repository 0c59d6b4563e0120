package io.convosql.sandbox.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.LinkedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated account: deterministic, shaped like the document's example, linked to PathSim calls. */
class InsightsDataTest {
  private static final Instant NOW = InsightsHttp.NOW;
  private static final LinkedCall UNKNOWN_AGENT =
      new LinkedCall("+1 (555) 010-0199", "+447700900123", Instant.parse("2025-08-30T10:00:00.123Z"), "Ann");

  @Test
  void sameSeedAndNowGiveTheSameDocuments() {
    InsightsData a = InsightsData.generate(7, 300, NOW, List.of(UNKNOWN_AGENT));
    InsightsData b = InsightsData.generate(7, 300, NOW, List.of(UNKNOWN_AGENT));
    InsightsData c = InsightsData.generate(8, 300, NOW, List.of(UNKNOWN_AGENT));
    assertThat(a.documents()).isEqualTo(b.documents());
    assertThat(a.agents()).isEqualTo(b.agents());
    assertThat(ids(a)).doesNotContainAnyElementsOf(ids(c));
  }

  @Test
  void sessionsSpreadOverTheHundredEightyDaysBeforeNow() {
    InsightsData data = InsightsData.generate(7, 1000, NOW, List.of());
    assertThat(data.size()).isEqualTo(1000);
    assertThat(data.documents()).allSatisfy(d -> assertThat(InsightsHttp.start(d))
        .isBefore(NOW).isAfterOrEqualTo(NOW.minus(Duration.ofDays(180))));
    Instant early = NOW.minus(Duration.ofDays(150));
    assertThat(data.documents().stream().map(InsightsHttp::start).filter(t -> t.isBefore(early)))
        .isNotEmpty();
  }

  @Test
  void documentsHaveTheExampleShape() {
    InsightsData data = InsightsData.generate(7, 500, NOW, List.of());
    assertThat(data.agents()).hasSize(5).extracting(InsightsAgent::phoneNumber).doesNotHaveDuplicates();
    for (ObjectNode doc : data.documents()) {
      assertThat(doc.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(doc.get("api_key").asText()).isEqualTo("N/A");
      assertThat(doc.get("account_id").asText()).isEqualTo(data.accountId());
      assertThat(doc.get("session_start_time").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
      assertThat(doc.get("status").asText()).isIn("ended", "in_progress");
      assertThat(doc.get("channel").asText()).isIn("voice", "whatsapp", "http");
      assertThat(doc.get("transcription").size()).isBetween(4, 20);
      assertThat(doc.get("transcription").get(1).has("user")).isTrue();
      assertThat(doc.get("agent_information").fieldNames()).toIterable()
          .containsExactly("version_id", "id", "name", "voice", "language");
      assertThat(doc.get("channel_data").get("status_code").asInt()).isIn(0, 100, 200);
      assertThat(doc.get("flow_path").get(0).get("type").asText()).isEqualTo("start");
      assertThat(doc.get("flow_data").fieldNames()).toIterable()
          .containsExactly("collected_tags", "collected_parameters", "injected_parameters");
      if (doc.has("tags_list")) {
        int counted = 0;
        for (JsonNode t : doc.get("tags_list")) {
          assertThat(doc.get("tags").get(t.get("category").asText()).get(t.get("tag").asText()).asInt())
              .isEqualTo(t.get("count").asInt());
          counted += t.get("count").asInt();
        }
        assertThat(counted).isEqualTo(doc.get("flow_data").get("collected_tags").size());
      }
      doc.get("params").fields().forEachRemaining(p ->
          assertThat(doc.get("params_list").findValuesAsText("name")).contains(p.getKey()));
      List<String> stepRequests = doc.get("flow_path").findValuesAsText("request_id").stream().distinct().toList();
      List<String> requestIds = new ArrayList<>();
      doc.get("request_ids").forEach(r -> requestIds.add(r.asText()));
      assertThat(requestIds).isEqualTo(stepRequests);
    }
  }

  @Test
  void someDocumentsLackFieldsAsRealOnesDo() {
    List<ObjectNode> docs = InsightsData.generate(7, 2000, NOW, List.of()).documents();
    List<ObjectNode> inProgress = docs.stream().filter(d -> d.get("status").asText().equals("in_progress")).toList();
    assertThat(inProgress).isNotEmpty().allSatisfy(d -> {
      assertThat(d.get("channel_data").has("duration")).isFalse();
      assertThat(d.get("channel_data").get("call_status").asText()).isEqualTo("in_progress");
    });
    assertThat(docs).filteredOn(d -> d.get("status").asText().equals("ended"))
        .allSatisfy(d -> assertThat(d.get("channel_data").get("duration").asLong()).isPositive());
    assertThat(docs).filteredOn(d -> !d.has("tags_list")).isNotEmpty();
    assertThat(docs).filteredOn(d -> d.get("language").isNull()).isNotEmpty();
    assertThat(docs).filteredOn(d -> d.get("agent_information").get("voice").isNull())
        .isNotEmpty().allSatisfy(d -> assertThat(d.get("channel").asText()).isNotEqualTo("voice"));
    assertThat(docs).filteredOn(d -> !d.get("session_start_time").asText().contains(".")).isNotEmpty();
    assertThat(docs.stream().flatMap(d -> d.get("flow_path").findValuesAsText("type").stream()).distinct())
        .contains("start", "speak", "send_message", "collect_input", "param_completion", "webhook", "end_call");
    assertThat(docs).filteredOn(d -> d.get("transcription").toString().contains("I want to book an appointment"))
        .isNotEmpty();
  }

  @Test
  void aCompletedParameterIsRecordedAsAnAlteredParameterOfItsNode() {
    List<ObjectNode> docs = InsightsData.generate(7, 300, NOW, List.of()).documents();
    int checked = 0;
    for (ObjectNode d : docs) {
      for (JsonNode node : d.get("flow_path")) {
        JsonNode altered = node.path("context").path("altered_parameters");
        if (!node.get("type").asText().equals("param_completion") || altered.isMissingNode()) {
          assertThat(altered.isMissingNode()).as("only completions alter").isTrue();
          continue;
        }
        JsonNode change = altered.get(0);
        JsonNode collected = null;
        for (JsonNode p : d.get("flow_data").get("collected_parameters")) {
          if (p.get("name").equals(change.get("name"))) {
            collected = p;
          }
        }
        assertThat(collected).as("the parameter is collected").isNotNull();
        assertThat(change.get("alteration_source").asText()).isEqualTo("completed");
        assertThat(change.get("entity")).isEqualTo(collected.get("type"));
        assertThat(change.get("value")).isEqualTo(collected.get("value"));
        assertThat(change.get("value_text")).isEqualTo(collected.get("value_text"));
        assertThat(change.get("audio_url")).isEqualTo(collected.get("audio_url"));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void linkedCallsBecomeSessionsOfTheDialledAgent() {
    InsightsData plain = InsightsData.generate(7, 50, NOW, List.of());
    InsightsAgent known = plain.agents().get(2);
    LinkedCall toKnown =
        new LinkedCall(known.phoneNumber(), "15550001111", Instant.parse("2025-08-01T09:00:00Z"), "Bob");
    InsightsData data = InsightsData.generate(7, 50, NOW, List.of(toKnown, UNKNOWN_AGENT));
    assertThat(data.size()).isEqualTo(52);
    assertThat(data.agents()).hasSize(6);
    InsightsAgent created = data.agents().get(5);
    assertThat(created.phoneNumber()).isEqualTo(UNKNOWN_AGENT.agentPhone());
    for (LinkedCall call : List.of(toKnown, UNKNOWN_AGENT)) {
      List<ObjectNode> matches = data.documents().stream()
          .filter(d -> d.get("source").asText().equals(call.callerPhone()))
          .filter(d -> d.get("destination").asText().equals(call.agentPhone()))
          .toList();
      assertThat(matches).hasSize(1);
      ObjectNode doc = matches.get(0);
      assertThat(doc.get("status").asText()).isEqualTo("ended");
      assertThat(doc.get("channel").asText()).isEqualTo("voice");
      Duration late = Duration.between(call.startedAt(), InsightsHttp.start(doc));
      assertThat(late).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(91));
    }
    assertThat(data.documents()).filteredOn(d -> d.get("source").asText().equals("15550001111"))
        .extracting(d -> d.get("agent_information").get("id").asText()).containsExactly(known.id());
    assertThat(data.documents()).filteredOn(d -> d.get("destination").asText().equals(UNKNOWN_AGENT.agentPhone()))
        .extracting(d -> d.get("agent_information").get("id").asText()).containsExactly(created.id());
  }

  @Test
  void documentsAreCopiesAndAddsAreStored() {
    InsightsData data = InsightsData.generate(7, 20, NOW, List.of());
    ObjectNode first = data.documents().get(0);
    String id = first.get("id").asText();
    first.put("status", "tampered");
    assertThat(data.document(id)).get().extracting(d -> d.get("status").asText()).isNotEqualTo("tampered");

    ObjectNode added = data.addSession(Instant.parse("2025-09-01T13:00:00Z"));
    assertThat(added.get("session_start_time").asText()).startsWith("2025-09-01T13:00:00");
    assertThat(data.size()).isEqualTo(21);
    assertThat(data.documents().get(20).get("id")).isEqualTo(added.get("id"));

    ObjectNode copy = first.deepCopy().put("id", "manual-1");
    assertThat(data.add(copy).get("id").asText()).isEqualTo("manual-1");
    assertThat(data.document("manual-1")).isPresent();
    assertThatThrownBy(() -> data.add(copy)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> data.add(copy.deepCopy().put("id", "x").put("session_start_time", "yesterday")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<String> ids(InsightsData data) {
    return data.documents().stream().map(d -> d.get("id").asText()).collect(Collectors.toSet());
  }
}
