package io.convosql.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A request target longer than 8,000 bytes is answered 414, as nginx answers a request line past its
 * default 8 KB buffer and most gateways one near it: a client that names many values in a URL
 * (an Insights {@code filter_by} of many ids) must keep it short, here as against a real service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLineLimitTest {
  private Sandbox sandbox;
  private Http http;

  @BeforeAll
  void start() {
    sandbox = Sandbox.builder().seed(5).pathSimSessions(10).insightsSessions(10)
        .now(Instant.parse("2025-09-01T12:00:00Z")).start();
    http = new Http(sandbox);
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  private static String search(int padding) {
    return "/insights/sessions?from_date=2025-08-01&to_date=2025-08-30&filter_by="
        + java.net.URLEncoder.encode("{\"must\":[{\"term\":{\"agent_information.name\":\"" + "x".repeat(padding)
            + "\"}}]}", StandardCharsets.UTF_8);
  }

  @Test
  void aTargetPastEightThousandBytesIs414AndOneWithinItIsAnswered() throws IOException {
    String within = search(7000);
    String past = search(8000);
    String root = java.net.URI.create(sandbox.insightsUrl()).getPath(); // the target's path starts so
    assertThat((root + within).length()).isLessThanOrEqualTo(8000);
    assertThat((root + past).length()).isGreaterThan(8000);
    HttpResponse<byte[]> ok = http.insights("GET", within);
    assertThat(ok.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> refused = http.insights("GET", past);
    assertThat(refused.statusCode()).isEqualTo(414);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("URI Too Long");
    assertThat(sandbox.requests().of("insights")).extracting(RecordedRequest::status)
        .containsExactly(200, 414);
  }
}
