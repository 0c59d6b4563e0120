package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.InsightsHttp.params;
import static io.convosql.sandbox.insights.InsightsHttp.send;
import static io.convosql.sandbox.insights.InsightsHttp.shared;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.insights.InsightsHttp.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint needs the X-Vgai-Key header; unknown paths are 404 and wrong methods 405. */
class AuthAndRoutingTest {
  private static final Map<String, String> RANGE = params("from_date", "2025-08-01", "to_date", "2025-08-02");

  @Test
  void missingOrWrongKeyIsRefusedWithoutEchoingIt() {
    Answer missing = send(shared(), "GET", "/insights/sessions", RANGE, null);
    Answer wrong = send(shared(), "GET", "/insights/sessions", RANGE, "guess-the-key-123");
    for (Answer a : new Answer[] {missing, wrong}) {
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.body().toString()).isEqualTo("{\"detail\":\"Invalid API key\"}");
    }
    assertThat(send(shared(), "GET", "/insights/sessions/search/abc", Map.of(), null).status()).isEqualTo(401);
    assertThat(send(shared(), "DELETE", "/insights/sessions/abc", params("session_start_time", "2025-08-01"),
        "nope").status()).isEqualTo(401);
    assertThat(send(shared(), "GET", "/insights/sessions/abc/parameters",
        params("session_start_time", "2025-08-01"), null).status()).isEqualTo(401);
  }

  @Test
  void theRightKeyIsAccepted() {
    assertThat(send(shared(), "GET", "/insights/sessions", RANGE, Sandbox.INSIGHTS_KEY).status()).isEqualTo(200);
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() {
    String key = Sandbox.INSIGHTS_KEY;
    assertThat(send(shared(), "GET", "/insights/session", RANGE, key).status()).isEqualTo(404);
    assertThat(send(shared(), "GET", "/insights/sessions/", RANGE, key).status()).isEqualTo(404);
    assertThat(send(shared(), "GET", "/sessions", RANGE, key).status()).isEqualTo(404);
    assertThat(send(shared(), "GET", "/insights/sessions/a/b/c", RANGE, key).status()).isEqualTo(404);
    Answer post = send(shared(), "POST", "/insights/sessions", RANGE, key);
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.body().get("detail").asText()).isEqualTo("Method Not Allowed");
    assertThat(send(shared(), "GET", "/insights/sessions/abc", RANGE, key).status()).isEqualTo(405);
    assertThat(send(shared(), "DELETE", "/insights/sessions/abc/parameters", RANGE, key).status()).isEqualTo(405);
  }

  @Test
  void requestsAreRecordedWithTheKeyAsPresentOnly() {
    shared().requests().clear();
    send(shared(), "GET", "/insights/sessions", RANGE, Sandbox.INSIGHTS_KEY);
    assertThat(shared().requests().of("insights")).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/insights/sessions");
      assertThat(r.hadInsightsKey()).isTrue();
      assertThat(r.status()).isEqualTo(200);
    });
  }
}
