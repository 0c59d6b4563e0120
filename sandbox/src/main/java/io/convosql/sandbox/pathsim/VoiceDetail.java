package io.convosql.sandbox.pathsim;

import java.util.Objects;

/**
 * The detail fields of a voice test; {@code callerNumber} is the line the test called from, which the
 * API does not show but the called agent's analytics do.
 */
public record VoiceDetail(
    String transcript,
    String toNumber,
    String callerNumber,
    String disconnectionReason,
    String userSentiment,
    LatencyStats latency) {

  public VoiceDetail {
    Objects.requireNonNull(toNumber, "toNumber");
  }
}
