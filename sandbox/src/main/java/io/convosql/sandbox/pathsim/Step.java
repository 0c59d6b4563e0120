package io.convosql.sandbox.pathsim;

import java.util.Objects;

/** One step a web test ran, with its epoch-millisecond timestamp inside the session. */
public record Step(
    int stepNumber, String action, String target, String value, String status, long timestamp) {

  public Step {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(status, "status");
  }
}
