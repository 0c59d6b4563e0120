package io.convosql.sandbox.pathsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.LinkedCall;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated workspaces and sessions: shape, determinism and consistency between columns. */
class PathSimDataTest {
  private static final Instant NOW = PathSimClient.NOW;
  private final PathSimData data = PathSimData.generate(7, 2000, NOW);

  @Test
  void sameSeedGivesSameDataAndOtherSeedsDiffer() {
    PathSimData again = PathSimData.generate(7, 2000, NOW);
    assertThat(again.workspaces()).isEqualTo(data.workspaces());
    assertThat(again.sessions()).isEqualTo(data.sessions());
    assertThat(PathSimData.generate(8, 2000, NOW).sessions()).isNotEqualTo(data.sessions());
  }

  @Test
  void fiveWorkspacesWithOneInactiveOneDefaultAndOneEmpty() {
    List<Workspace> ws = data.workspaces();
    assertThat(ws).hasSize(5);
    assertThat(ws).filteredOn(Workspace::active).hasSize(4);
    assertThat(ws).filteredOn(Workspace::isDefault).hasSize(1);
    assertThat(ws).extracting(Workspace::id).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    assertThat(ws).extracting(Workspace::organizationId).containsOnly(ws.get(0).organizationId());
    assertThat(ws).filteredOn(w -> data.sessions(w.id()).isEmpty()).hasSize(1);
    Map<String, Long> perWorkspace = data.sessions().stream()
        .collect(Collectors.groupingBy(Session::workspaceId, Collectors.counting()));
    assertThat(perWorkspace.values()).containsExactlyInAnyOrder(1000L, 500L, 300L, 200L);
  }

  @Test
  void sessionsSpanTheHundredAndTwentyDaysBeforeNowAtMinutePrecision() {
    List<Session> all = data.sessions();
    assertThat(all).hasSize(2000);
    assertThat(all).allSatisfy(s -> {
      assertThat(s.time()).isBefore(NOW).isAfterOrEqualTo(NOW.minus(Duration.ofDays(120)));
      assertThat(s.time().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(s.time());
    });
    assertThat(all.get(0).time()).isBefore(NOW.minus(Duration.ofDays(110)));
    assertThat(all.get(all.size() - 1).time()).isAfter(NOW.minus(Duration.ofDays(2)));
    assertThat(all).isSortedAccordingTo(Session.ASCENDING);
  }

  @Test
  void idsAndTestIdsHaveTheDocumentedShapes() {
    List<Session> all = data.sessions();
    assertThat(all).extracting(Session::id).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[0-9a-f]{24}"));
    assertThat(all).filteredOn(s -> s.testType() == TestType.VOICE)
        .extracting(Session::testId).allMatch(id -> id.matches("call_[0-9a-f]{27}"));
    assertThat(all).filteredOn(s -> s.testType() == TestType.WEB)
        .allMatch(s -> s.testId().matches("test_\\d{8}_\\d{6}_\\d{6}"));
    Session web = all.stream().filter(s -> s.testType() == TestType.WEB).findFirst().orElseThrow();
    String stamp = Wire.TABLE_TIME.format(web.time());
    assertThat(web.testId()).startsWith("test_" + stamp.substring(6, 10) + stamp.substring(0, 2)
        + stamp.substring(3, 5) + "_" + stamp.substring(11, 13) + stamp.substring(14, 16) + "00_");
  }

  @Test
  void everyColumnValueOccursAndTypesAreMixedSixtyForty() {
    List<Session> all = data.sessions();
    assertThat(values(all, Session::connected)).containsExactlyInAnyOrder(Connection.values());
    assertThat(values(all, Session::objective)).containsExactlyInAnyOrder(Objective.values());
    assertThat(values(all, Session::source)).containsExactlyInAnyOrder(Source.values());
    assertThat(values(all, Session::virtualCustomer)).hasSizeGreaterThanOrEqualTo(14);
    long voice = all.stream().filter(s -> s.testType() == TestType.VOICE).count();
    assertThat(voice).isBetween(1100L, 1300L);
  }

  @Test
  void columnsAndDetailAgree() {
    for (Session s : data.sessions()) {
      SessionDetail d = s.detail();
      if (s.connected() == Connection.IN_PROGRESS) {
        assertThat(s.objective()).isEqualTo(Objective.NONE);
        assertThat(d.durationSeconds()).isNull();
        assertThat(d.hasRecording()).isFalse();
      }
      if (s.connected() == Connection.SYSTEM_ERROR) {
        assertThat(d.hasRecording()).isFalse();
      }
      if (s.connected() == Connection.FAILED) {
        assertThat(s.objective()).isNotEqualTo(Objective.ACHIEVED);
      }
      assertThat(d.objectiveMet()).isEqualTo(
          s.objective() == Objective.NONE ? null : s.objective() == Objective.ACHIEVED);
      assertThat(d.voice() != null).isEqualTo(s.testType() == TestType.VOICE);
      if (d.voice() != null) {
        assertThat(d.voice().toNumber()).isEqualTo(s.target()).matches("\\+1\\d{10}");
        assertThat(d.voice().callerNumber() != null).isEqualTo(s.connected() == Connection.CONNECTED);
      } else {
        assertThat(s.target()).startsWith("https://");
        long start = s.time().toEpochMilli();
        long end = d.durationSeconds() == null ? Long.MAX_VALUE : start + d.durationSeconds() * 1000L;
        assertThat(d.web().steps()).allSatisfy(st -> assertThat(st.timestamp()).isBetween(start, end));
      }
    }
  }

  @Test
  void someTranscriptsHaveLaterColonsOrNoSpeaker() {
    List<String> lines = data.sessions().stream()
        .filter(s -> s.detail().voice() != null && s.detail().voice().transcript() != null)
        .flatMap(s -> s.detail().voice().transcript().lines())
        .toList();
    assertThat(lines).anyMatch(l -> l.startsWith("user: ") && l.indexOf(':', 6) > 0);
    assertThat(lines).anyMatch(l -> l.startsWith("agent: ") && l.indexOf(':', 7) > 0);
    assertThat(lines).anyMatch(l -> !l.isEmpty() && !l.contains(": "));
  }

  @Test
  void linkedCallsAreTheConnectedVoiceSessions() {
    List<LinkedCall> calls = data.linkedCalls();
    long connectedVoice = data.sessions().stream()
        .filter(s -> s.testType() == TestType.VOICE && s.connected() == Connection.CONNECTED)
        .count();
    assertThat(calls).hasSize((int) connectedVoice);
    assertThat(calls).allSatisfy(c -> {
      assertThat(c.agentPhone()).matches("\\+1\\d{10}");
      assertThat(c.callerPhone()).matches("\\+1\\d{10}").isNotEqualTo(c.agentPhone());
    });
  }

  @Test
  void addedSessionsJoinTheirWorkspaceInOrder() {
    PathSimData fresh = PathSimData.generate(7, 200, NOW);
    String workspace = fresh.workspaces().get(0).id();
    Set<String> before = new HashSet<>(ids(fresh.sessions(workspace)));
    Instant mid = NOW.minus(Duration.ofDays(60)).plusSeconds(42);
    Session added = fresh.addSession(workspace, mid);
    assertThat(added.time()).isEqualTo(mid.truncatedTo(ChronoUnit.MINUTES));
    assertThat(before).doesNotContain(added.id());
    assertThat(fresh.sessions(workspace)).hasSize(before.size() + 1).contains(added)
        .isSortedAccordingTo(Session.ASCENDING);
    assertThat(fresh.session(added.id())).contains(added);
    assertThat(PathSimData.generate(7, 200, NOW).addSession(workspace, mid)).isEqualTo(added);
    assertThatThrownBy(() -> fresh.addSession("nope", mid)).isInstanceOf(IllegalArgumentException.class);
  }

  private static <T> Set<T> values(List<Session> sessions, Function<Session, T> column) {
    return sessions.stream().map(column).collect(Collectors.toSet());
  }

  private static List<String> ids(List<Session> sessions) {
    return sessions.stream().map(Session::id).toList();
  }
}
