package io.convosql.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys reach the API's own host only, and never the request log. */
class ApiClientKeysTest {
  static final ApiSpec BEARER = new ApiSpec("Bearer", "Authorization", "Bearer ", "b.apiKey");
  static final ApiSpec CUSTOM = new ApiSpec("Custom", "X-Vgai-Key", "", "c.apiKey");
  static final String KEY = "key-that-must-not-leak";

  private WireMockServer api;
  private WireMockServer storage;

  @BeforeEach
  void start() {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    storage = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    storage.start();
    // "localhost" is another host than "127.0.0.1" to the client, as a storage host would be
    api.stubFor(get(urlPathEqualTo("/rec")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://localhost:" + storage.port() + "/blob")));
    storage.stubFor(get(urlPathEqualTo("/blob")).willReturn(ok("bytes")));
  }

  @AfterEach
  void stop() {
    api.stop();
    storage.stop();
  }

  @Test
  void neitherAuthorizationNorACustomKeyHeaderFollowsARedirectToAnotherHost() {
    for (ApiSpec spec : List.of(BEARER, CUSTOM)) {
      try (ApiClient client = new ApiClient(spec, HttpUrl.get("http://127.0.0.1:" + api.port()), KEY,
          ApiClientRetryTest.fast())) {
        byte[] body = client.download(client.url("/rec", Map.of()), "/rec", Cancellation.NONE);
        assertThat(new String(body)).isEqualTo("bytes");
      }
      api.verify(getRequestedFor(urlPathEqualTo("/rec"))
          .withHeader(spec.keyHeader(), equalTo(spec.keyPrefix() + KEY)));
    }
    storage.verify(2, getRequestedFor(urlPathEqualTo("/blob"))
        .withHeader("Authorization", absent()).withHeader("X-Vgai-Key", absent()));
  }

  @Test
  void theRequestLogShowsRequestsButNeverTheKey() {
    List<String> lines = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    HttpLogging.LOGGER.addHandler(capture);
    api.stubFor(get(urlPathEqualTo("/echo")).willReturn(okJson("{\"you_sent\":\"" + KEY + "\"}")));
    api.stubFor(get(urlPathEqualTo("/denied")).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"bad key " + KEY + "\"}")));
    try (ApiClient client = new ApiClient(CUSTOM, HttpUrl.get("http://127.0.0.1:" + api.port()), KEY,
        ApiClientRetryTest.fast().withLog(HttpLog.BODY))) {
      client.getJson("/echo", Map.of(), false, Cancellation.NONE);
      client.download(client.url("/rec", Map.of()), "/rec", Cancellation.NONE);
      assertThatThrownBy(() -> client.getJson("/denied", Map.of(), false, Cancellation.NONE))
          .hasMessageContaining("bad key ****").hasMessageNotContaining(KEY);
    } finally {
      HttpLogging.LOGGER.removeHandler(capture);
    }
    assertThat(lines).anyMatch(l -> l.startsWith("Custom --> GET http://127.0.0.1:" + api.port() + "/echo"));
    assertThat(lines).anyMatch(l -> l.equals("Custom X-Vgai-Key: ██"));
    assertThat(lines).anyMatch(l -> l.contains("<-- 401"));
    assertThat(String.join("\n", lines)).doesNotContain(KEY);
  }
}
