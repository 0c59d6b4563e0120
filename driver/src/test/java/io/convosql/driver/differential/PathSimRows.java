package io.convosql.driver.differential;

import io.convosql.sandbox.pathsim.LatencyStats;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.SessionDetail;
import io.convosql.sandbox.pathsim.Step;
import io.convosql.sandbox.pathsim.TestType;
import io.convosql.sandbox.pathsim.VoiceDetail;
import io.convosql.sandbox.pathsim.WebDetail;
import java.io.IOException;
import org.apache.calcite.avatica.util.ByteString;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the PathSim session tables derived straight from the sandbox's stored sessions, as the
 * PathSim API document and docs/tables.md define each column; written apart from the adapter (it
 * shares none of its code), for {@link ReferenceDb}. TIMESTAMP values are epoch milliseconds.
 */
final class PathSimRows {
  private final String baseUrl;
  private final String storageUrl;

  /** {@code baseUrl} is the API root (recording URLs start with it), {@code storageUrl} the file host. */
  PathSimRows(String baseUrl, String storageUrl) {
    this.baseUrl = baseUrl;
    this.storageUrl = storageUrl;
  }

  /** {@code pathsim.sessions}: the Test History columns, then the detail fields of GET /sessions/{id}. */
  Object[] session(Session s) {
    SessionDetail d = s.detail();
    VoiceDetail v = d.voice();
    WebDetail w = d.web();
    LatencyStats l = v == null ? null : v.latency();
    return new Object[] {s.id(), s.testId(), s.workspaceId(), s.time().toEpochMilli(), s.testType().label(),
        s.objective().label(), s.connected().label(), s.virtualCustomer(), s.target(), s.source().label(),
        d.durationSeconds(), d.summary(), d.callSuccessful(), d.testSuccessful(), d.objectiveMet(),
        w == null ? null : w.reachedTargetWebsite(), w == null ? null : w.intentAchieved(),
        v == null ? null : v.toNumber(), v == null ? null : v.disconnectionReason(),
        v == null ? null : v.userSentiment(), l == null ? null : l.averageMs(), l == null ? null : l.minMs(),
        l == null ? null : l.maxMs(), l == null ? null : l.validMeasurements(), w == null ? null : w.targetUrl(),
        d.hasRecording() ? recordingUrl(s) : null, v == null ? null : v.transcript()};
  }

  /** {@code pathsim.transcript_lines}: each non-blank line; the speaker stands before the first ": ". */
  static List<Object[]> transcriptLines(Session s) {
    List<Object[]> out = new ArrayList<>();
    String transcript = s.detail().voice() == null ? null : s.detail().voice().transcript();
    if (transcript == null) {
      return out;
    }
    int line = 0;
    for (String l : transcript.split("\\R")) {
      if (l.isBlank()) {
        continue;
      }
      int colon = l.indexOf(": ");
      out.add(new Object[] {s.id(), ++line, colon < 0 ? null : l.substring(0, colon),
          colon < 0 ? l : l.substring(colon + 2)});
    }
    return out;
  }

  /** {@code pathsim.steps}: the {@code steps} of a web test's detail. */
  static List<Object[]> steps(Session s) {
    List<Object[]> out = new ArrayList<>();
    if (s.detail().web() != null) {
      for (Step st : s.detail().web().steps()) {
        out.add(new Object[] {s.id(), st.stepNumber(), st.action(), st.target(), st.value(), st.status(),
            st.timestamp()});
      }
    }
    return out;
  }

  /**
   * {@code pathsim.recordings}: a row for each session whose detail gives a {@code recording_url}, with
   * the info mode's {@code download_url} and {@code file_type}, and the file as the storage host serves it.
   */
  List<Object[]> recordings(Session s, HttpClient http) {
    if (!s.detail().hasRecording()) {
      return List.of();
    }
    boolean voice = s.testType() == TestType.VOICE; // "audio/wav" // or "video/mp4" for web tests
    String type = voice ? "audio/wav" : "video/mp4";
    String file = s.id() + (voice ? ".wav" : ".mp4");
    return List.<Object[]>of(new Object[] {s.id(), type, recordingUrl(s) + "?download=true",
        new ByteString(download(http, storageUrl + "/recordings/" + file))});
  }

  private String recordingUrl(Session s) {
    return baseUrl + "/sessions/" + s.id() + "/recording";
  }

  private static byte[] download(HttpClient http, String url) {
    try {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + url + ": " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
