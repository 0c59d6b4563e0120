package io.convosql.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request's first attempt starts on the caller's thread and everything after it elsewhere: retries
 * due at once, rate-limited starts, many requests at once and a closed client all end as they did.
 * A client builds its OkHttp client, threads and policies, and takes its response cache, only at its
 * first request; settings those could not be built with still fail when the client is made.
 */
@Timeout(30)
class ApiClientStartTest {
  private WireMockServer api;
  private ApiClient client;

  @BeforeEach
  void start() {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    client = client(ApiClientRetryTest.fast());
  }

  private ApiClient client(HttpSettings settings) {
    return new ApiClient(ApiClientRetryTest.SPEC, HttpUrl.get("http://127.0.0.1:" + api.port()),
        ApiClientRetryTest.KEY, settings);
  }

  @AfterEach
  void stop() {
    client.close();
    api.stop();
  }

  private int requests(String path) {
    return api.findAll(getRequestedFor(urlPathEqualTo(path))).size();
  }

  @Test
  void retriesDueAtOnceEveryTimeEndAfterTheirAttempts() {
    api.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "0").withBody("{\"error\":\"busy\"}")));
    assertThatThrownBy(() -> client.getJson("/busy", Map.of(), false, Cancellation.NONE))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("after 4 attempts (seen: 429 x4) (GET /busy, HTTP 429)");
    assertThat(requests("/busy")).isEqualTo(4);
  }

  @Test
  void rateLimitedRequestsStartedTogetherAllGetTheirAnswers() {
    client.close();
    client = client(ApiClientRetryTest.fast().withLimits(200, 4));
    api.stubFor(get(urlPathEqualTo("/n")).willReturn(okJson("{\"n\":7}")));
    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(client.getJsonAsync("/n", Map.of("i", Integer.toString(i)), false));
    }
    for (CompletableFuture<JsonNode> a : answers) {
      assertThat(Futures.await(a, Cancellation.NONE).get("n").asInt()).isEqualTo(7);
    }
    assertThat(requests("/n")).isEqualTo(30);
  }

  @Test
  void aClosedClientFailsARequestRatherThanHangs() {
    api.stubFor(get(urlPathEqualTo("/n")).willReturn(okJson("{\"n\":7}")));
    client.close();
    assertThatThrownBy(() -> client.getJson("/n", Map.of(), false, Cancellation.NONE))
        .isInstanceOf(RuntimeException.class);
    assertThat(requests("/n")).isZero();
  }

  @Test
  void nothingIsBuiltOrCachedUntilTheFirstRequestAndManyFirstRequestsShareIt() {
    client.close();
    client = client(ApiClientRetryTest.fast());
    client.useCache(new CacheSettings(Duration.ofSeconds(60), Duration.ofSeconds(60), 1 << 20));
    assertThat(client.started()).isFalse();
    assertThat(client.cacheTaken()).isFalse();
    api.stubFor(get(urlPathEqualTo("/n")).willReturn(okJson("{\"n\":7}")));
    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(CompletableFuture.supplyAsync(() -> client.getJson("/n", Map.of(), false,
          Cancellation.NONE)));
    }
    for (CompletableFuture<JsonNode> a : answers) {
      assertThat(a.join().get("n").asInt()).isEqualTo(7);
    }
    assertThat(client.started()).isTrue();
    assertThat(client.cacheTaken()).isTrue();
    assertThat(requests("/n")).isBetween(1, 8); // the cache answers those that come after the first
  }

  @Test
  void aClientClosedBeforeItsFirstRequestFailsItWithoutSendingIt() {
    api.stubFor(get(urlPathEqualTo("/n")).willReturn(okJson("{\"n\":7}")));
    assertThat(client.started()).isFalse();
    client.close();
    assertThatThrownBy(() -> client.getJson("/n", Map.of(), false, Cancellation.NONE))
        .isInstanceOf(RuntimeException.class);
    assertThat(requests("/n")).isZero();
  }

  @Test
  void aTimeoutOkHttpCannotTakeFailsWhenTheClientIsMadeAsOkHttpFails() {
    for (Duration bad : List.of(Duration.ofMillis(Integer.MAX_VALUE + 1L), Duration.ofMillis(-1),
        Duration.ofSeconds(Long.MAX_VALUE))) {
      Throwable okhttp = catchThrowable(() -> new OkHttpClient.Builder().readTimeout(bad));
      Throwable ours = catchThrowable(() -> client(ApiClientRetryTest.fast()
          .withTimeouts(Duration.ofSeconds(1), bad, Duration.ofSeconds(1))));
      assertThat(ours).as(bad.toString()).isNotNull().hasSameClassAs(okhttp)
          .hasMessage(okhttp.getMessage());
    }
    assertThat(catchThrowable(() -> client(ApiClientRetryTest.fast().withTimeouts(
        Duration.ofMillis(Integer.MAX_VALUE), Duration.ZERO, Duration.ofSeconds(1))).close())).isNull();
  }
}
