package io.convosql.sandbox.pathsim;

import java.util.Optional;

/** A session's "Test Type" column, with the lower-case value the {@code type} filter takes. */
public enum TestType {
  VOICE("Voice", "voice"),
  WEB("Web", "web");

  private final String label;
  private final String param;

  TestType(String label, String param) {
    this.label = label;
    this.param = param;
  }

  /** The value shown in the "Test Type" column. */
  public String label() {
    return label;
  }

  /** The value the {@code type} query parameter takes. */
  public String param() {
    return param;
  }

  /** The type a {@code type} parameter names, matched case-sensitively. */
  public static Optional<TestType> fromParam(String value) {
    for (TestType t : values()) {
      if (t.param.equals(value)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
