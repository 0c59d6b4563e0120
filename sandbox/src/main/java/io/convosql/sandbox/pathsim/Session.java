package io.convosql.sandbox.pathsim;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One PathSim test session: the Test History columns (with {@code time} at minute precision, UTC) and
 * the detail only {@code GET /sessions/{id}} shows.
 */
public record Session(
    String id,
    String workspaceId,
    Instant time,
    TestType testType,
    Objective objective,
    Connection connected,
    String virtualCustomer,
    String target,
    Source source,
    String testId,
    SessionDetail detail) {

  /** The API's ascending order: by start time, ties broken by {@code _id}. */
  public static final Comparator<Session> ASCENDING =
      Comparator.comparing(Session::time).thenComparing(Session::id);

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(testType, "testType");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(connected, "connected");
    Objects.requireNonNull(virtualCustomer, "virtualCustomer");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(detail, "detail");
  }

  /** The MIME type of this session's recording: WAV audio for voice tests, MP4 video for web tests. */
  public String recordingType() {
    return testType == TestType.VOICE ? "audio/wav" : "video/mp4";
  }

  /** The file name the storage host serves this session's recording under. */
  public String recordingFileName() {
    return id + (testType == TestType.VOICE ? ".wav" : ".mp4");
  }
}
