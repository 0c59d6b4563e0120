package io.convosql.sandbox.pathsim;

import java.util.Optional;

/** A session's "Connected" column, with the snake-case value the {@code connected} filter takes. */
public enum Connection {
  CONNECTED("Connected", "connected"),
  FAILED("Failed", "failed"),
  SYSTEM_ERROR("System Error", "system_error"),
  IN_PROGRESS("In Progress", "in_progress");

  private final String label;
  private final String param;

  Connection(String label, String param) {
    this.label = label;
    this.param = param;
  }

  /** The value shown in the "Connected" column. */
  public String label() {
    return label;
  }

  /** The value the {@code connected} query parameter takes. */
  public String param() {
    return param;
  }

  /** The status a {@code connected} parameter names, matched case-sensitively. */
  public static Optional<Connection> fromParam(String value) {
    for (Connection c : values()) {
      if (c.param.equals(value)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
