package io.convosql.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Injected error answers: their statuses and headers, the rate and its seed, and their scope. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsTest {
  private static final List<FaultKind> ERRORS = List.of(FaultKind.TOO_MANY_REQUESTS,
      FaultKind.UNAVAILABLE, FaultKind.BAD_GATEWAY, FaultKind.GATEWAY_TIMEOUT);

  private Sandbox sandbox;
  private Http http;

  @BeforeAll
  void start() {
    sandbox = Sandbox.builder().seed(5).pathSimSessions(60).insightsSessions(60)
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
  void aRateOfZeroInjectsNothing() {
    long before = sandbox.faultsInjected();
    sandbox.setFaults(Faults.of(0));
    for (int i = 0; i < 30; i++) {
      assertThat(http.pathSimStatus("/workspaces")).isEqualTo(200);
    }
    assertThat(sandbox.faultsInjected()).isEqualTo(before);
    assertThat(sandbox.requests().of("pathsim")).noneMatch(RecordedRequest::injectedFault);
  }

  @Test
  void eachErrorKindAnswersItsStatus() throws IOException {
    for (FaultKind kind : ERRORS) {
      long before = sandbox.faultsInjected(kind);
      sandbox.setFaults(Faults.of(1, kind));
      HttpResponse<byte[]> pathSim = http.pathSim("GET", "/workspaces");
      HttpResponse<byte[]> insights = http.insights("GET", "/insights/sessions");
      boolean fromTheApi = kind == FaultKind.TOO_MANY_REQUESTS || kind == FaultKind.UNAVAILABLE;
      for (HttpResponse<byte[]> r : List.of(pathSim, insights)) {
        assertThat(r.statusCode()).isEqualTo(kind.status());
        assertThat(r.headers().firstValue("Retry-After"))
            .isEqualTo(kind == FaultKind.TOO_MANY_REQUESTS ? Optional.of("1") : Optional.empty());
        assertThat(r.headers().firstValue("Content-Type"))
            .hasValue(fromTheApi ? "application/json" : "text/html");
      }
      if (fromTheApi) {
        assertThat(text(pathSim)).startsWith("{\"success\":false,\"error\":");
        assertThat(text(insights)).startsWith("{\"detail\":");
      } else {
        assertThat(text(pathSim)).contains("<h1>" + kind.status() + " ");
      }
      assertThat(sandbox.faultsInjected(kind)).isEqualTo(before + 2);
    }
    List<RecordedRequest> log = sandbox.requests().all();
    assertThat(log).extracting(RecordedRequest::fault)
        .containsExactlyElementsOf(ERRORS.stream().flatMap(k -> Stream.of(k, k)).toList());
    assertThat(log).allSatisfy(r -> assertThat(r.status()).isEqualTo(r.fault().status()));
  }

  @Test
  void retryAfterCanBeSecondsOrAnHttpDate() throws IOException {
    sandbox.setFaults(Faults.builder().rate(1).kinds(FaultKind.TOO_MANY_REQUESTS)
        .retryAfterSeconds(7).build());
    assertThat(retryAfter()).isEqualTo("7");
    Clock clock = Clock.fixed(Instant.parse("2025-09-01T08:30:00.250Z"), ZoneOffset.UTC);
    sandbox.setFaults(Faults.builder().rate(1).kinds(FaultKind.TOO_MANY_REQUESTS)
        .retryAfterSeconds(7).retryAfterAsDate(true).clock(clock).build());
    String date = retryAfter();
    assertThat(date).isEqualTo("Mon, 01 Sep 2025 08:30:08 GMT");
    assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
        .isEqualTo(Instant.parse("2025-09-01T08:30:08Z"));
  }

  @Test
  void aQuarterRateFaultsAboutAQuarterAndTheSameSeedFaultsTheSameRequests() {
    Faults faults = Faults.builder().rate(0.25).seed(2024).kinds(ERRORS).build();
    List<Integer> first = statuses(faults, 400);
    long faulted = first.stream().filter(s -> s != 200).count();
    assertThat(faulted).isBetween(70L, 130L);
    assertThat(first).contains(429, 502, 503, 504);
    assertThat(statuses(faults, 400)).isEqualTo(first);
    assertThat(statuses(Faults.builder().rate(0.25).seed(2025).kinds(ERRORS).build(), 400))
        .isNotEqualTo(first);
  }

  @Test
  void deletesAreNotFaultedUnlessAsked() throws IOException {
    var data = sandbox.insights().data();
    var victim = data.documents().get(3);
    String id = victim.get("id").asText();
    String path = "/insights/sessions/" + id + "?session_start_time="
        + victim.get("session_start_time").asText().substring(0, 10);
    sandbox.setFaults(Faults.builder().rate(1).kinds(FaultKind.UNAVAILABLE).getOnly(false).build());
    assertThat(http.insights("DELETE", path).statusCode()).isEqualTo(503);
    assertThat(data.document(id)).isPresent();
    sandbox.setFaults(Faults.of(1));
    assertThat(http.insights("GET", "/insights/sessions").statusCode()).isNotEqualTo(200);
    assertThat(http.insights("DELETE", path).statusCode()).isEqualTo(200);
    assertThat(data.document(id)).isEmpty();
    assertThat(sandbox.requests().of("insights")).extracting(RecordedRequest::injectedFault)
        .containsExactly(true, true, false);
  }

  @Test
  void storageDownloadsAreNotFaultedUnlessAsked() throws IOException {
    Session recorded = sandbox.pathSim().data().sessions().stream()
        .filter(s -> s.detail().hasRecording()).findFirst().orElseThrow();
    String url = sandbox.storageUrl() + "/recordings/" + recorded.recordingFileName();
    sandbox.setFaults(Faults.of(1, FaultKind.BAD_GATEWAY));
    assertThat(http.send("GET", url).statusCode()).isEqualTo(200);
    sandbox.setFaults(
        Faults.builder().rate(1).kinds(FaultKind.BAD_GATEWAY).apis("storage").build());
    assertThat(http.send("GET", url).statusCode()).isEqualTo(502);
    assertThat(http.pathSim("GET", "/workspaces").statusCode()).isEqualTo(200);
  }

  @Test
  void pathsAndALimitNarrowTheFaults() throws IOException {
    String workspace = sandbox.pathSim().data().workspaces().get(0).id();
    sandbox.setFaults(Faults.builder().rate(1).kinds(FaultKind.UNAVAILABLE)
        .paths("/workspaces/[^/]+/sessions").limit(2).build());
    assertThat(http.pathSim("GET", "/workspaces").statusCode()).isEqualTo(200);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(http.pathSim("GET", "/workspaces/" + workspace + "/sessions").statusCode());
    }
    assertThat(statuses).containsExactly(503, 503, 200, 200);
  }

  @Test
  void theHookSeesFaultsAndTheBuilderCanStartWithThem() throws IOException {
    try (Sandbox faulty = Sandbox.builder().pathSimSessions(10).insightsSessions(10)
        .faults(Faults.of(1, FaultKind.GATEWAY_TIMEOUT)).start()) {
      List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
      faulty.onRequest(seen::add);
      assertThat(new Http(faulty).pathSim("GET", "/workspaces").statusCode()).isEqualTo(504);
      assertThat(seen).singleElement().satisfies(r -> {
        assertThat(r.fault()).isEqualTo(FaultKind.GATEWAY_TIMEOUT);
        assertThat(r.status()).isEqualTo(504);
      });
      assertThat(faulty.faults().rate()).isEqualTo(1.0);
      assertThat(faulty.faultsInjected()).isEqualTo(1);
    }
  }

  /** Resets the faults and sends {@code count} sequential GETs; returns their statuses. */
  private List<Integer> statuses(Faults faults, int count) {
    sandbox.setFaults(faults);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statuses.add(http.pathSimStatus("/workspaces"));
    }
    return statuses;
  }

  private String retryAfter() throws IOException {
    return http.pathSim("GET", "/workspaces").headers().firstValue("Retry-After").orElseThrow();
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }
}
