package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimFixture.clear;
import static io.convosql.adapter.pathsim.PathSimFixture.newestFirst;
import static io.convosql.adapter.pathsim.PathSimFixture.requests;
import static io.convosql.adapter.pathsim.PathSimFixture.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Step;
import io.convosql.sandbox.pathsim.TestType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Detail columns, transcript lines, steps and recordings: fetched only when and where needed. */
class DetailAndChildTablesTest {
  private static Connection connection;
  private static String busiest;

  @BeforeAll
  static void connect() throws SQLException {
    connection = PathSimFixture.connect(true);
    busiest = PathSimFixture.busyWorkspaces().get(0);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @BeforeEach
  void clearLog() {
    clear();
  }

  private static Session voiceWithTranscript() {
    return sessions(s -> s.testType() == TestType.VOICE && s.detail().voice() != null
        && s.detail().voice().transcript() != null && s.detail().voice().transcript().contains(":00")).get(0);
  }

  @Test
  void listColumnsSendNoDetailRequest() throws SQLException {
    Sql.rows(connection, "SELECT id, test_type, objective FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' ORDER BY started_at DESC LIMIT 5");
    // five candidates, then the days of the fifth (SortedSessions)
    assertThat(requests()).hasSize(2).allMatch(r -> r.startsWith("GET /workspaces/"));
  }

  @Test
  void detailColumnsAreFetchedPerRowOnlyForTheRowsReturned() throws SQLException {
    List<Session> newest = newestFirst(sessions(s -> s.workspaceId().equals(busiest))).subList(0, 3);
    List<String> expected = newest.stream().map(s -> s.id() + "; " + s.detail().durationSeconds()
        + "; " + s.detail().summary()).toList();
    assertThat(Sql.rows(connection, "SELECT id, duration_seconds, summary FROM pathsim.sessions WHERE workspace_id = '"
        + busiest + "' ORDER BY started_at DESC LIMIT 3")).isEqualTo(expected);
    List<String> sent = requests();
    assertThat(sent.subList(0, 2)).isEqualTo(List.of(
        "GET /workspaces/" + busiest + "/sessions?limit=3&offset=0&sort=-created_at",
        SessionOrderLimitTest.windowPages(busiest, newest.get(2), true).get(0)));
    assertThat(sent).hasSize(5);
    // the three details are requested at once, so they arrive in any order
    assertThat(sent.subList(2, 5)).containsExactlyInAnyOrder(newest.stream().map(s -> "GET /sessions/" + s.id()).toArray(String[]::new));
  }

  @Test
  void explainListsThePageAndOneDetailRequestPerRow() throws SQLException {
    String sql = "SELECT id, summary FROM pathsim.sessions WHERE workspace_id = '" + busiest
        + "' ORDER BY started_at DESC LIMIT 3";
    assertThat(Sql.explain(connection, sql)).endsWith("request=[GET /workspaces/" + busiest
        + "/sessions?sort=-created_at&limit=3&offset=0 (next pages: offset + pagination.limit while"
        + " pagination.hasMore); then every page with created_from = the day before the LIMIT's last"
        + " started_at; sorted here by started_at; GET /sessions/{id} per row (detail columns)],"
        + " estimate=[per workspace 1 + 1 per 100 sessions of the days the LIMIT reaches + 1 per row"
        + " returned (detail columns) + up to 2 to learn how Time writes dates (once per connection)])");
    assertThat(requests()).isEmpty();
    Sql.rows(connection, sql);
    List<String> sent = requests();
    assertThat(sent.get(0)).isEqualTo("GET /workspaces/" + busiest + "/sessions?limit=3&offset=0&sort=-created_at");
    assertThat(sent.get(1)).contains("/sessions?created_from=");
    assertThat(sent.subList(2, sent.size())).hasSize(3).allMatch(r -> r.startsWith("GET /sessions/"));
  }

  @Test
  void explainOfAChildTableListsEverySessionsRequest() throws SQLException {
    assertThat(Sql.explain(connection, "SELECT text FROM pathsim.transcript_lines"))
        .endsWith("request=[GET /workspaces; GET /workspaces/{each workspace}/sessions?limit=100&offset=0"
            + " (next pages: offset + pagination.limit while pagination.hasMore); GET /sessions/{id}"
            + " per listed session], estimate=[1 + 1 per 100 sessions of each workspace + 1 per session"
            + " + up to 2 to learn how Time writes dates (once per connection)])");
    assertThat(Sql.explain(connection, "SELECT text FROM pathsim.transcript_lines WHERE session_id IN ('a', 'b')"))
        .endsWith("request=[GET /sessions/{id} for session_id in [a, b]], estimate=[2 requests])");
    assertThat(requests()).isEmpty();
  }

  @Test
  void explainOfAChildTableUnderALimitSaysItReadsUntilTheRowsAreFound() throws SQLException {
    // a LIMIT of 2 lines may take more than 2 sessions (one without a transcript line, say)
    assertThat(Sql.explain(connection, "SELECT text FROM pathsim.transcript_lines LIMIT 2"))
        .contains("estimate=[1 + 1 per 100 sessions of each workspace + 1 per session, session by session"
            + " until the LIMIT's rows are found");
    assertThat(requests()).isEmpty();
  }

  @Test
  void latencyColumnsComeFromFarEndStats() throws SQLException {
    Session s = sessions(x -> x.detail().voice() != null && x.detail().voice().latency() != null
        && !x.detail().nullKeys().contains("far_end_latency_stats")).get(0);
    var l = s.detail().voice().latency();
    assertThat(Sql.rows(connection, "SELECT latency_avg_ms, latency_min_ms, latency_max_ms, latency_measurements,"
        + " to_number FROM pathsim.sessions WHERE id = ?", s.id()))
        .containsExactly(l.averageMs() + "; " + l.minMs() + "; " + l.maxMs() + "; " + l.validMeasurements()
            + "; " + s.detail().voice().toNumber());
  }

  @Test
  void transcriptLinesSplitAtTheFirstColonSpace() throws SQLException {
    Session s = voiceWithTranscript();
    List<String> expected = new ArrayList<>();
    int n = 0;
    for (String line : s.detail().voice().transcript().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(": ");
      expected.add(++n + "; " + (colon < 0 ? "null" : line.substring(0, colon).strip()) + "; "
          + (colon < 0 ? line.strip() : line.substring(colon + 2).strip()));
    }
    assertThat(Sql.rows(connection, "SELECT line_no, speaker, text FROM pathsim.transcript_lines"
        + " WHERE session_id = ? ORDER BY line_no", s.id())).isEqualTo(expected);
    assertThat(expected).anyMatch(l -> l.matches(".*; .*\\d:\\d\\d.*")); // a later colon stayed in the text
    assertThat(requests()).containsExactly("GET /sessions/" + s.id());
    assertThat(Sql.explain(connection, "SELECT text FROM pathsim.transcript_lines WHERE session_id IN ('a', 'b')"))
        .contains("request=[GET /sessions/{id} for session_id in [a, b]]");
  }

  @Test
  void stepsOfWebTests() throws SQLException {
    Session s = sessions(x -> x.detail().web() != null && x.detail().web().steps().size() >= 3).get(0);
    List<String> expected = new ArrayList<>();
    for (Step step : s.detail().web().steps()) {
      expected.add(step.stepNumber() + "; " + step.action() + "; " + step.status() + "; "
          + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
              .format(java.time.Instant.ofEpochMilli(step.timestamp()).atZone(java.time.ZoneOffset.UTC)));
    }
    // AT is a reserved word in SQL, so the column is quoted.
    assertThat(Sql.rows(connection, "SELECT step_number, action, status, \"at\" FROM pathsim.steps WHERE session_id = ?"
        + " ORDER BY step_number", s.id())).isEqualTo(expected);
    assertThat(requests()).containsExactly("GET /sessions/" + s.id());
  }

  @Test
  void recordingContentIsDownloadedOnlyWhenSelectedAndWithoutTheKeyOffHost() throws SQLException {
    Session s = sessions(x -> x.detail().hasRecording() && x.testType() == TestType.VOICE).get(0);
    assertThat(Sql.rows(connection, "SELECT file_type FROM pathsim.recordings WHERE session_id = ?", s.id()))
        .containsExactly("audio/wav");
    assertThat(requests()).containsExactly("GET /sessions/" + s.id() + "/recording");
    clear();
    List<String> rows = Sql.rows(connection,
        "SELECT file_type, OCTET_LENGTH(content) > 1000, CAST(SUBSTRING(content FROM 1 FOR 4) AS VARCHAR)"
            + " FROM pathsim.recordings WHERE session_id = ?", s.id());
    assertThat(rows).containsExactly("audio/wav; true; 52494646"); // "RIFF"
    assertThat(requests()).containsExactly("GET /sessions/" + s.id() + "/recording",
        "GET /sessions/" + s.id() + "/recording?download=true");
    List<RecordedRequest> storage = PathSimFixture.SANDBOX.requests().of("storage");
    assertThat(storage).hasSize(1);
    assertThat(storage.get(0).status()).isEqualTo(200);
    assertThat(storage.get(0).hadAuthorization()).isFalse();
  }

  @Test
  void sessionWithoutRecordingHasNoRow() throws SQLException {
    Session s = sessions(x -> !x.detail().hasRecording()).get(0);
    assertThat(Sql.rows(connection, "SELECT file_type FROM pathsim.recordings WHERE session_id = ?", s.id())).isEmpty();
  }

  @Test
  void joinOfSessionsAndTranscriptLines() throws SQLException {
    Session s = voiceWithTranscript();
    long userLines = s.detail().voice().transcript().lines().filter(l -> l.startsWith("user: ")).count();
    assertThat(Sql.rows(connection, "SELECT COUNT(*) FROM pathsim.sessions s JOIN pathsim.transcript_lines t"
        + " ON t.session_id = s.id WHERE s.id = ? AND t.session_id = ? AND t.speaker = 'user'", s.id(), s.id()))
        .containsExactly(Long.toString(userLines));
    assertThat(requests()).containsExactly("GET /sessions/" + s.id(), "GET /sessions/" + s.id());
  }
}
