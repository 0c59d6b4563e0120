package io.convosql.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * A refused connection: retried briefly when nothing at the URL has ever answered (a wrong port, a
 * service not started), like any broken connection once it has (a restart).
 */
class ApiClientRefusedTest {
  private static final ApiSpec SPEC = ApiClientRetryTest.SPEC;
  private static final Pattern ATTEMPTS = Pattern.compile("after (\\d+) attempts \\(seen: refused x(\\d+)\\)");

  /** A loopback URL nothing listens on, and that this JVM has not seen answer. */
  private static HttpUrl closed() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    HttpUrl url = HttpUrl.get("http://127.0.0.1:" + port + "/v1");
    FirstContact.forget(url);
    return url;
  }

  private static ApiException failure(HttpUrl root, HttpSettings settings) {
    try (ApiClient client = new ApiClient(SPEC, root, "k", settings)) {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(
          () -> client.getJson("/things", Map.of(), false, Cancellation.NONE));
      assertThat(t).isInstanceOf(ApiException.class);
      return (ApiException) t;
    }
  }

  private static int attempts(ApiException e) {
    Matcher m = ATTEMPTS.matcher(e.getMessage());
    assertThat(m.find()).as(e.getMessage()).isTrue();
    assertThat(m.group(2)).isEqualTo(m.group(1));
    return Integer.parseInt(m.group(1));
  }

  @Test
  void aPortNothingListensOnFailsOnceTheConnectRetryIsOverNotTheBudget() throws IOException {
    HttpUrl root = closed();
    // without the shorter retry of refusals, 100 attempts 10-40 ms apart fit well in the budget
    ApiException e = failure(root, ApiClientRetryTest.fast()
        .withRetries(100, Duration.ofSeconds(60), Duration.ofMillis(20), Duration.ofMillis(40))
        .withConnectRetry(Duration.ofMillis(400)));
    assertThat(attempts(e)).isBetween(2, 99);
    assertThat(e.sqlState()).isEqualTo("08001");
    assertThat(e.getMessage())
        .startsWith("Test API: could not connect after ")
        .contains("(GET /things): Failed to connect to /127.0.0.1:" + root.port() + ".")
        .endsWith("Hint: nothing answers at 127.0.0.1:" + root.port() + ", and nothing has answered"
            + " there since this JVM started: check the URL's host and port, and that the service is"
            + " running (connectRetrySeconds, 0.4 s here, is how long a refused connection is retried)");
  }

  @Test
  void noConnectRetryMeansOneAttempt() throws IOException {
    HttpUrl root = closed();
    ApiException e = failure(root, ApiClientRetryTest.fast().withConnectRetry(Duration.ZERO));
    assertThat(e).hasMessage("Test API: could not connect (GET /things): Failed to connect to /127.0.0.1:"
        + root.port() + ". Hint: nothing answers at 127.0.0.1:" + root.port() + ", and nothing has"
        + " answered there since this JVM started: check the URL's host and port, and that the service"
        + " is running (connectRetrySeconds, 0 s here, is how long a refused connection is retried)");
    assertThat(e.sqlState()).isEqualTo("08001");
  }

  @Test
  void aServiceThatAnsweredAndThenRefusesIsRetriedAsARestart() {
    WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .bindAddress("127.0.0.1"));
    api.start();
    HttpUrl root = HttpUrl.get("http://127.0.0.1:" + api.port());
    FirstContact.forget(root);
    api.stubFor(get(urlPathEqualTo("/things")).willReturn(okJson("{\"n\":1}")));
    // another connection's client saw it answer; this one then meets it down
    HttpSettings noConnectRetry = ApiClientRetryTest.fast().withConnectRetry(Duration.ZERO);
    try (ApiClient before = new ApiClient(SPEC, root, "k", noConnectRetry)) {
      assertThat(before.getJson("/things", Map.of(), false, Cancellation.NONE).get("n").asInt()).isEqualTo(1);
    }
    api.stop();
    ApiException e = failure(root, noConnectRetry);
    assertThat(attempts(e)).isEqualTo(4);
    assertThat(e.sqlState()).isEqualTo("08001");
    assertThat(e).hasMessageStartingWith("Test API: could not connect after 4 attempts (seen: refused x4)"
        + " (GET /things): Failed to connect to")
        .hasMessageEndingWith("Hint: check the URL and the network");
  }
}
