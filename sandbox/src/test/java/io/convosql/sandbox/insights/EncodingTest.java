package io.convosql.sandbox.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.insights.InsightsHttp.Answer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "If sent without the encoding, your request will return empty": unencoded braces and brackets. */
class EncodingTest {
  @Test
  void unencodedBracketsReturnNothing() {
    Answer encoded = InsightsHttp.search(PagingTest.window("project_fields", "[]", "page_size", "5"));
    assertThat(encoded.total()).isPositive();
    assertThat(encoded.hits()).hasSize(5);
    String raw = "/insights/sessions?from_date=2025-07-03&to_date=2025-08-31&page_size=5&project_fields=[]";
    Answer unencoded = InsightsHttp.get(InsightsHttp.shared(), raw, Map.of());
    assertThat(unencoded.status()).isEqualTo(200);
    assertThat(unencoded.body().toString())
        .isEqualTo("{\"total\":0,\"hits\":[],\"page_size\":\"5\",\"page_number\":\"0\"}");
  }

  @Test
  void unencodedBracketsStillNeedTheKey() {
    String raw = "/insights/sessions?from_date=2025-07-03&to_date=2025-08-31&project_fields=[]";
    assertThat(InsightsHttp.send(InsightsHttp.shared(), "GET", raw, Map.of(), null).status()).isEqualTo(401);
  }

  @Test
  void unencodedBracesAndQuotesNeverReachTheEmulator() throws IOException {
    Sandbox sandbox = InsightsHttp.shared();
    sandbox.requests().clear();
    String line = "GET /vonage/insights/sessions?from_date=2025-07-03&to_date=2025-08-31"
        + "&filter_by={\"must\":[]} HTTP/1.1";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
      socket.getOutputStream().write((line + "\r\nHost: x\r\nX-Vgai-Key: " + Sandbox.INSIGHTS_KEY
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400");
    }
    assertThat(sandbox.requests().of("insights")).isEmpty();
  }
}
