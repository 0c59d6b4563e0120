package io.convosql.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The response cache behind {@link ApiClient#getJson}: what it keeps, for how long (on a fake clock),
 * what it never keeps, and that a write empties it.
 */
class ResponseCacheTest {
  static final ApiSpec SPEC = new ApiSpec("Test", "X-Vgai-Key", "", "t.apiKey");
  static final String KEY = "cache-key-that-must-not-leak";
  static final CacheSettings SETTINGS =
      new CacheSettings(Duration.ofSeconds(30), Duration.ofSeconds(3600), 1 << 20);

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private static WireMockServer api;
  private ApiClient client;
  private ResponseCache cache;

  @BeforeAll
  static void startApi() {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    api.stubFor(get(urlPathEqualTo("/list")).willReturn(okJson("{\"rows\":[1,2]}")));
    api.stubFor(get(urlPathEqualTo("/sessions/done")).willReturn(okJson("{\"status\":\"ended\"}")));
    api.stubFor(get(urlPathEqualTo("/sessions/open")).willReturn(okJson("{\"status\":\"in_progress\"}")));
    api.stubFor(get(urlPathEqualTo("/sessions/none")).willReturn(notFound()));
    api.stubFor(get(urlPathEqualTo("/fails")).willReturn(aResponse().withStatus(400).withBody("bad")));
    api.stubFor(delete(urlPathEqualTo("/sessions/done")).willReturn(okJson("{}")));
  }

  @AfterAll
  static void stopApi() {
    api.stop();
  }

  @BeforeEach
  void start() {
    api.resetRequests();
    client = new ApiClient(SPEC, HttpUrl.get("http://127.0.0.1:" + api.port()), KEY,
        ApiClientRetryTest.fast());
    cache = new ResponseCache(SETTINGS, ticker);
    client.useCache(cache);
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private String read(String path, Map<String, String> params) {
    return String.valueOf(client.getJson(path, params, true, Cancellation.NONE,
        body -> body.path("status").asText().equals("ended")));
  }

  private int requests(String path) {
    return api.findAll(getRequestedFor(urlPathEqualTo(path))).size();
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void aRepeatedRequestWithinTheLifetimeIsAnsweredWithoutAskingAgain() {
    assertThat(read("/list", Map.of("a", "1"))).isEqualTo("{\"rows\":[1,2]}");
    advance(Duration.ofSeconds(29));
    assertThat(read("/list", Map.of("a", "1"))).isEqualTo("{\"rows\":[1,2]}");
    assertThat(requests("/list")).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void anotherUrlIsAnotherEntry() {
    read("/list", Map.of("a", "1"));
    read("/list", Map.of("a", "2"));
    read("/list", Map.of("a", "1"));
    assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/list"))))
        .extracting(r -> r.getQueryParams().get("a").firstValue()).containsExactly("1", "2");
  }

  @Test
  void anAnswerExpiresAfterItsLifetime() {
    read("/list", Map.of());
    advance(Duration.ofSeconds(31));
    read("/list", Map.of());
    assertThat(requests("/list")).isEqualTo(2);
  }

  @Test
  void aSettledAnswerLivesTheLongerLifetimeAndAnOpenOneTheShorter() {
    read("/sessions/done", Map.of());
    read("/sessions/open", Map.of());
    advance(Duration.ofSeconds(31));
    read("/sessions/done", Map.of());
    read("/sessions/open", Map.of());
    assertThat(requests("/sessions/done")).isEqualTo(1);
    assertThat(requests("/sessions/open")).isEqualTo(2);
    advance(Duration.ofSeconds(3600));
    read("/sessions/done", Map.of());
    assertThat(requests("/sessions/done")).isEqualTo(2);
  }

  @Test
  void aNotFoundTakenAsNoneIsKeptForTheShortLifetimeOnly() {
    assertThat(read("/sessions/none", Map.of())).isEqualTo("null");
    assertThat(read("/sessions/none", Map.of())).isEqualTo("null");
    assertThat(requests("/sessions/none")).isEqualTo(1);
    advance(Duration.ofSeconds(31));
    read("/sessions/none", Map.of());
    assertThat(requests("/sessions/none")).isEqualTo(2);
  }

  @Test
  void errorsAreNeverKept() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> read("/fails", Map.of())).isInstanceOf(ApiException.class)
          .hasMessageContaining("HTTP 400");
    }
    // a 404 the caller does not take as "none" is an error too
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.getJson("/sessions/none", Map.of("x", "1"), false,
          Cancellation.NONE)).isInstanceOf(ApiException.class);
    }
    assertThat(requests("/fails")).isEqualTo(2);
    assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/sessions/none")))).hasSize(2);
    assertThat(cache.keys()).isEmpty();
  }

  @Test
  void theKeyTravelsInItsHeaderAndIsNeverPartOfACacheKey() {
    read("/list", Map.of("q", "x"));
    read("/sessions/done", Map.of());
    assertThat(cache.keys()).containsExactlyInAnyOrder(
        "GET http://127.0.0.1:" + api.port() + "/list?q=x",
        "GET http://127.0.0.1:" + api.port() + "/sessions/done");
    assertThat(cache.keys()).noneMatch(k -> k.contains(KEY));
    api.verify(getRequestedFor(urlPathEqualTo("/list")).withHeader("X-Vgai-Key", equalTo(KEY)));
  }

  @Test
  void aBypassingRequestAsksTheApiAndRefreshesTheEntry() {
    read("/list", Map.of());
    client.getJson("/list", Map.of(), false, CacheControl.bypassing(Cancellation.NONE));
    assertThat(requests("/list")).isEqualTo(2);
    advance(Duration.ofSeconds(20));
    read("/list", Map.of()); // 20 s after the fresh answer, 40 s after the first: still the fresh one
    assertThat(requests("/list")).isEqualTo(2);
  }

  @Test
  void aWriteEmptiesTheCache() {
    read("/list", Map.of());
    read("/sessions/done", Map.of());
    client.sendOnce("DELETE", "/sessions/done", Map.of(), true, Cancellation.NONE);
    assertThat(cache.keys()).isEmpty();
    read("/list", Map.of());
    read("/sessions/done", Map.of());
    assertThat(requests("/list")).isEqualTo(2);
    assertThat(requests("/sessions/done")).isEqualTo(2);
  }

  @Test
  void anAnswerToARequestThatStartedBeforeAWriteIsNotKept() {
    HttpUrl url = client.url("/list", Map.of());
    long before = cache.generation();
    cache.invalidateAll();
    cache.put("GET", url, new Answer(200, null, "{}".getBytes()), false, before);
    assertThat(cache.get("GET", url)).isNull();
  }

  @Test
  void theCacheHoldsNoMoreBytesThanItsBound() {
    ResponseCache small = new ResponseCache(new CacheSettings(Duration.ofSeconds(30),
        Duration.ofSeconds(30), 4096), ticker);
    for (int i = 0; i < 10; i++) {
      small.put("GET", client.url("/big/" + i, Map.of()), new Answer(200, null, new byte[1000]), false,
          small.generation());
    }
    assertThat(small.keys()).hasSizeBetween(1, 3);
  }

  @Test
  void hitsAreReportedToTheListener() {
    List<String> hits = new ArrayList<>();
    client.setCacheHitListener((method, path, url, status) -> hits.add(method + " " + path + " " + status));
    read("/list", Map.of());
    read("/list", Map.of());
    read("/sessions/none", Map.of());
    read("/sessions/none", Map.of());
    assertThat(hits).containsExactly("GET /list 200", "GET /sessions/none 404");
  }

  @Test
  void connectionsShareACacheOnlyForTheSameApiRootKeyAndSettings() {
    HttpUrl root = HttpUrl.get("http://127.0.0.1:" + api.port());
    ResponseCache a = ResponseCaches.acquire(SPEC, root, KEY, SETTINGS);
    ResponseCache b = ResponseCaches.acquire(SPEC, root, KEY, SETTINGS);
    ResponseCache otherKey = ResponseCaches.acquire(SPEC, root, KEY + "2", SETTINGS);
    ResponseCache otherRoot = ResponseCaches.acquire(SPEC, HttpUrl.get("http://127.0.0.2:1"), KEY, SETTINGS);
    try {
      assertThat(a).isSameAs(b).isNotSameAs(otherKey).isNotSameAs(otherRoot);
      assertThat(otherKey).isNotSameAs(otherRoot);
    } finally {
      List.of(a, b, otherKey, otherRoot).forEach(ResponseCaches::release);
    }
  }
}
