package io.convosql.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** A cancelled statement stops waiting and cancels its call; the client keeps to its limits. */
class ApiClientCancelTest {
  static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("cancelled by the test");
    }
  }

  @Test
  void cancellingStopsTheWaitAndCancelsTheCallInFlight() throws Exception {
    WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .bindAddress("127.0.0.1"));
    api.start();
    api.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(3500)));
    AtomicBoolean cancel = new AtomicBoolean();
    try (ApiClient client = new ApiClient(ApiClientRetryTest.SPEC,
        HttpUrl.get("http://127.0.0.1:" + api.port()), "k", HttpSettings.defaults().withLimits(0, 4))) {
      CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
        try {
          client.getJson("/slow", Map.of(), false, () -> {
            if (cancel.get()) {
              throw new Cancelled();
            }
          });
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      });
      while (client.callsInFlight() == 0) {
        Thread.sleep(5);
      }
      cancel.set(true);
      assertThat(call.get()).isInstanceOf(Cancelled.class);
      // the call was cancelled, not left to finish in the background
      for (int i = 0; i < 200 && client.callsInFlight() > 0; i++) {
        Thread.sleep(10);
      }
      assertThat(client.callsInFlight()).isZero();
    } finally {
      api.stop();
    }
  }

  @Test
  void aCancelledStatementSendsNothing() {
    try (ApiClient client = new ApiClient(ApiClientRetryTest.SPEC, HttpUrl.get("http://127.0.0.1:9"),
        "k", HttpSettings.defaults())) {
      assertThatThrownBy(() -> client.getJson("/x", Map.of(), false, () -> {
        throw new Cancelled();
      })).isInstanceOf(Cancelled.class);
      assertThat(client.callsInFlight()).isZero();
    }
  }

  @Test
  void noMoreThanMaxConcurrentRequestsAreInFlight() throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now.decrementAndGet();
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (ApiClient client = new ApiClient(ApiClientRetryTest.SPEC,
        HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort()), "k",
        HttpSettings.defaults().withLimits(0, 2).withTimeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(10)))) {
      List<CompletableFuture<Void>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(CompletableFuture.runAsync(
            () -> client.getJson("/x", Map.of(), false, Cancellation.NONE), threads));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get();
    } finally {
      server.stop(0);
      threads.shutdown();
    }
    assertThat(most.get()).isEqualTo(2);
  }
}
