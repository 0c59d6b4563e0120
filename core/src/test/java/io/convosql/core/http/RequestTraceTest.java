package io.convosql.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a finished request reports: its items, and its parameters with keys hidden. */
class RequestTraceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static int items(String json) throws Exception {
    JsonNode node = JSON.readTree(json);
    return RequestTrace.count(node);
  }

  @Test
  void rowsAreTheItemsOfTheAnswersList() throws Exception {
    assertThat(items("{\"success\":true,\"data\":[{},{},{}],\"pagination\":{\"hasMore\":true}}")).isEqualTo(3);
    assertThat(items("{\"success\":true,\"data\":{\"_id\":\"s1\"}}")).isEqualTo(1);
    assertThat(items("{\"hits\":[{},{}],\"total\":9}")).isEqualTo(2);
    assertThat(items("{\"hits\":{\"hits\":[{}],\"total\":{\"value\":1}}}")).isEqualTo(1);
    assertThat(items("[{},{},{},{}]")).isEqualTo(4);
    assertThat(items("{\"id\":\"x\",\"session_start_time\":\"2025-01-01\"}")).isEqualTo(1);
    assertThat(items("{}")).isZero();
    assertThat(RequestTrace.count(null)).isZero();
  }

  @Test
  void keyLikeParametersAndTheKeyItselfAreHidden() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("type", "voice");
    params.put("api_key", "k1");
    params.put("X-Amz-Signature", "abc");
    params.put("access_token", "t");
    params.put("search", "the secret-key-123 here");
    List<RequestRecord> seen = new ArrayList<>();
    RequestTrace trace = new RequestTrace("PathSim", "GET", "/sessions/secret-key-123", params);
    trace.attempts.set(3);
    trace.status(200);
    trace.report(seen::add, text -> text.replace("secret-key-123", "****"));
    RequestRecord r = seen.get(0);
    assertThat(r.parameterText())
        .isEqualTo("type=voice&api_key=****&X-Amz-Signature=****&access_token=****&search=the **** here");
    assertThat(r.path()).isEqualTo("/sessions/****");
    assertThat(r.retries()).isEqualTo(2);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.cacheHit()).isFalse();
  }

  @Test
  void aRequestThatNeverWentOutIsNotReported() {
    List<RequestRecord> seen = new ArrayList<>();
    new RequestTrace("PathSim", "GET", "/workspaces", Map.of()).report(seen::add, t -> t);
    assertThat(seen).isEmpty();
  }

  @Test
  void anObserverThatFailsDoesNotFailTheRequest() {
    RequestTrace trace = new RequestTrace("PathSim", "GET", "/workspaces", Map.of());
    trace.attempts.set(1);
    trace.report(r -> {
      throw new IllegalStateException("broken observer");
    }, t -> t);
  }

  @Test
  void theLogKeepsTheLatestRequestsOldestFirst() {
    RecentRequests log = new RecentRequests(2);
    List<String> told = new ArrayList<>();
    log.addListener(r -> told.add(r.path()));
    for (String path : List.of("/a", "/b", "/c")) {
      sent(path).report(log, t -> t);
    }
    assertThat(log.snapshot()).extracting(RequestRecord::path).containsExactly("/b", "/c");
    assertThat(told).containsExactly("/a", "/b", "/c");
    RecentRequests none = new RecentRequests(0);
    sent("/a").report(none, t -> t);
    assertThat(none.snapshot()).isEmpty();
  }

  private static RequestTrace sent(String path) {
    RequestTrace trace = new RequestTrace("PathSim", "GET", path, Map.of());
    trace.attempts.set(1);
    return trace;
  }
}
