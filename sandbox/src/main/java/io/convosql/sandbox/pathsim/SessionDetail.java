package io.convosql.sandbox.pathsim;

import java.util.Objects;
import java.util.Set;

/**
 * The fields only a session's detail shows. A null value is left out of the JSON unless its key is in
 * {@code nullKeys}, in which case it is written as JSON {@code null}; exactly one of {@code voice} and
 * {@code web} is present, matching the test type.
 */
public record SessionDetail(
    Integer durationSeconds,
    boolean hasRecording,
    String summary,
    Boolean callSuccessful,
    Boolean testSuccessful,
    Boolean objectiveMet,
    VoiceDetail voice,
    WebDetail web,
    Set<String> nullKeys) {

  public SessionDetail {
    if ((voice == null) == (web == null)) {
      throw new IllegalArgumentException("exactly one of voice and web detail is required");
    }
    nullKeys = Set.copyOf(Objects.requireNonNull(nullKeys, "nullKeys"));
  }
}
