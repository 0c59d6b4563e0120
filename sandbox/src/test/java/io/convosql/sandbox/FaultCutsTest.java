package io.convosql.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cut connections: the client gets an IOException at once, never a hang, the request is logged as a
 * fault with status 0, and the server goes on serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultCutsTest {
  private static final long QUICK_MILLIS = 1_000;

  private Sandbox sandbox;
  private Http http;

  @BeforeAll
  void start() {
    sandbox = Sandbox.builder().seed(3).pathSimSessions(60).insightsSessions(60)
        .now(Instant.parse("2025-09-01T12:00:00Z")).start();
    http = new Http(sandbox);
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @AfterEach
  void reset() {
    sandbox.clearFaults();
    sandbox.requests().clear();
  }

  @Test
  void aCutBeforeTheAnswerClosesTheConnectionWithoutAByte() throws IOException {
    sandbox.setFaults(Faults.of(1, FaultKind.CUT_BEFORE_ANSWER));
    long start = System.nanoTime();
    byte[] received = http.rawPathSimGet("/workspaces");
    assertThat(elapsedMillis(start)).isLessThan(QUICK_MILLIS);
    assertThat(received).isEmpty();
    assertThat(sandbox.requests().of("pathsim")).singleElement().satisfies(r -> {
      assertThat(r.injectedFault()).isTrue();
      assertThat(r.fault()).isEqualTo(FaultKind.CUT_BEFORE_ANSWER);
      assertThat(r.status()).isZero();
      assertThat(r.toString()).isEqualTo("GET /workspaces");
    });
  }

  @Test
  void theJdkClientSeesAnIoExceptionForACutBeforeTheAnswer() {
    sandbox.setFaults(Faults.of(1, FaultKind.CUT_BEFORE_ANSWER));
    long start = System.nanoTime();
    assertThatThrownBy(() -> http.pathSim("GET", "/workspaces")).isInstanceOf(IOException.class);
    assertThat(elapsedMillis(start)).isLessThan(QUICK_MILLIS);
    // The JDK client retries an idempotent request once by itself when a connection ends empty.
    List<RecordedRequest> log = sandbox.requests().of("pathsim");
    assertThat(log).hasSizeBetween(1, 2).allSatisfy(r -> assertThat(r.status()).isZero());
    assertThat(sandbox.faultsInjected(FaultKind.CUT_BEFORE_ANSWER))
        .isGreaterThanOrEqualTo(log.size());
  }

  @Test
  void aCutMidBodySendsTheHeadersAndHalfOfTheTrueAnswer() throws IOException {
    byte[] whole = http.pathSim("GET", "/workspaces").body();
    sandbox.requests().clear();
    sandbox.setFaults(Faults.of(1, FaultKind.CUT_MID_BODY));
    long start = System.nanoTime();
    byte[] received = http.rawPathSimGet("/workspaces");
    assertThat(elapsedMillis(start)).isLessThan(QUICK_MILLIS);
    String text = new String(received, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = text.substring(0, end).toLowerCase();
    assertThat(head).startsWith("http/1.1 200 ").contains("content-length: " + whole.length);
    byte[] body = Arrays.copyOfRange(received, end + 4, received.length);
    assertThat(body).hasSize(whole.length / 2).isEqualTo(Arrays.copyOf(whole, whole.length / 2));
    assertThat(sandbox.requests().of("pathsim")).singleElement()
        .satisfies(r -> assertThat(r.fault()).isEqualTo(FaultKind.CUT_MID_BODY))
        .satisfies(r -> assertThat(r.status()).isZero());
  }

  @Test
  void theJdkClientSeesAnIoExceptionForACutMidBody() {
    sandbox.setFaults(Faults.of(1, FaultKind.CUT_MID_BODY));
    long start = System.nanoTime();
    assertThatThrownBy(() -> http.pathSim("GET", "/workspaces")).isInstanceOf(IOException.class);
    assertThat(elapsedMillis(start)).isLessThan(QUICK_MILLIS);
  }

  @Test
  void aCutAnswerThatIsNotA200CarriesAFiller() throws IOException {
    sandbox.setFaults(Faults.of(1, FaultKind.CUT_MID_BODY));
    byte[] raw = http.rawPathSimGet("/workspaces/none/sessions");
    String text = new String(raw, StandardCharsets.UTF_8);
    assertThat(text).startsWith("HTTP/1.1 200 ").contains("{\"success\":true,\"data\":[");
  }

  @Test
  void aCutDeleteChangesNothing() {
    var data = sandbox.insights().data();
    var victim = data.documents().get(5);
    String id = victim.get("id").asText();
    String day = victim.get("session_start_time").asText().substring(0, 10);
    String path = "/insights/sessions/" + id + "?session_start_time=" + day;
    for (FaultKind kind : List.of(FaultKind.CUT_BEFORE_ANSWER, FaultKind.CUT_MID_BODY)) {
      sandbox.setFaults(Faults.builder().rate(1).kinds(kind).getOnly(false).build());
      assertThatThrownBy(() -> http.insights("DELETE", path)).isInstanceOf(IOException.class);
      assertThat(data.document(id)).isPresent();
    }
    assertThat(sandbox.requests().of("insights")).allSatisfy(r -> {
      assertThat(r.method()).isEqualTo("DELETE");
      assertThat(r.injectedFault()).isTrue();
    });
  }

  @Test
  void theServerKeepsServingAfterCuts() throws IOException {
    sandbox.setFaults(Faults.builder().rate(0.5).seed(11)
        .kinds(FaultKind.CUT_BEFORE_ANSWER, FaultKind.CUT_MID_BODY).build());
    int failed = 0;
    for (int i = 0; i < 40; i++) {
      try {
        http.pathSim("GET", "/workspaces?attempt=" + i);
      } catch (IOException e) {
        failed++;
      }
    }
    assertThat(failed).isPositive();
    assertThat(sandbox.faultsInjected()).isGreaterThanOrEqualTo(failed);
    sandbox.clearFaults();
    for (int i = 0; i < 20; i++) {
      HttpResponse<byte[]> r = http.pathSim("GET", "/workspaces");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isNotEmpty();
    }
    assertThat(http.rawPathSimGet("/workspaces")).isNotEmpty();
    List<RecordedRequest> log = sandbox.requests().of("pathsim");
    assertThat(log.subList(log.size() - 21, log.size()))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
