package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.DateRangeTest.assertRefused;
import static io.convosql.sandbox.insights.InsightsHttp.params;
import static io.convosql.sandbox.insights.InsightsHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.insights.InsightsHttp.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Get by id and day, search by id over all dates, delete by id and day. */
class SessionEndpointsTest {
  private static Sandbox sandbox;
  private static JsonNode doc;
  private static String id;
  private static String day;

  @BeforeAll
  static void start() {
    sandbox = InsightsHttp.start();
    doc = sandbox.insights().data().documents().get(1234);
    id = doc.get("id").asText();
    day = doc.get("session_start_time").asText().substring(0, 10);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Answer call(String method, String path, Map<String, String> params) {
    return send(sandbox, method, path, params, Sandbox.INSIGHTS_KEY);
  }

  @Test
  void getFindsASessionByIdOnItsDay() {
    String exact = doc.get("session_start_time").asText();
    for (String when : new String[] {day, exact, day + "T23:59:59", day + "T00:00:00Z"}) {
      Answer a = call("GET", "/insights/sessions/" + id + "/parameters", params("session_start_time", when));
      assertThat(a.status()).as(when).isEqualTo(200);
      assertThat(a.body()).isEqualTo(doc);
    }
    String otherDay = java.time.LocalDate.parse(day).plusDays(1).toString();
    Answer wrongDay = call("GET", "/insights/sessions/" + id + "/parameters", params("session_start_time", otherDay));
    assertThat(wrongDay.status()).isEqualTo(404);
    assertThat(wrongDay.body().toString()).isEqualTo("{\"detail\":\"Session not found\"}");
    assertThat(call("GET", "/insights/sessions/nope/parameters", params("session_start_time", day)).status())
        .isEqualTo(404);
    assertRefused(call("GET", "/insights/sessions/" + id + "/parameters", Map.of()), "session_start_time is required");
    assertRefused(call("GET", "/insights/sessions/" + id + "/parameters", params("session_start_time", "today")),
        "Invalid session_start_time: expected an ISO date or datetime");
  }

  @Test
  void searchByIdFindsItOnAnyDateSlowly() {
    JsonNode oldest = sandbox.insights().data().documents().get(0);
    long started = System.nanoTime();
    Answer a = call("GET", "/insights/sessions/search/" + oldest.get("id").asText(), Map.of());
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEqualTo(oldest);
    assertThat(tookMs).isGreaterThanOrEqualTo(150);
    Answer missing = call("GET", "/insights/sessions/search/not-a-session", Map.of());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("detail").asText()).isEqualTo("Session not found");
  }

  @Test
  void deleteNeedsTheRightDayAndRemovesTheSession() {
    JsonNode victim = sandbox.insights().data().documents().get(77);
    String victimId = victim.get("id").asText();
    String victimDay = victim.get("session_start_time").asText().substring(0, 10);
    String path = "/insights/sessions/" + victimId;
    int before = sandbox.insights().data().size();
    assertRefused(call("DELETE", path, Map.of()), "session_start_time is required");
    String otherDay = java.time.LocalDate.parse(victimDay).minusDays(1).toString();
    assertThat(call("DELETE", path, params("session_start_time", otherDay)).status()).isEqualTo(404);
    assertThat(sandbox.insights().data().size()).isEqualTo(before);

    Answer deleted = call("DELETE", path, params("session_start_time", victimDay + "T08:00:00"));
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body().toString()).isEqualTo("{\"success\":true}");
    assertThat(sandbox.insights().data().size()).isEqualTo(before - 1);
    assertThat(sandbox.insights().data().document(victimId)).isEmpty();
    assertThat(call("DELETE", path, params("session_start_time", victimDay)).status()).isEqualTo(404);
    assertThat(call("GET", path + "/parameters", params("session_start_time", victimDay)).status()).isEqualTo(404);
    assertThat(call("GET", "/insights/sessions/search/" + victimId, Map.of()).status()).isEqualTo(404);
    Answer day = call("GET", "/insights/sessions",
        params("from_date", victimDay, "to_date", victimDay, "page_size", "100"));
    assertThat(day.ids()).doesNotContain(victimId);
  }

  @Test
  void addedSessionsAreSearchable() {
    JsonNode added = sandbox.insights().data().addSession(java.time.Instant.parse("2025-09-01T12:30:00Z"));
    Answer a = call("GET", "/insights/sessions", params("from_date", "2025-09-01T12:00:00", "to_date", "2025-09-02"));
    assertThat(a.ids()).contains(added.get("id").asText());
  }
}
