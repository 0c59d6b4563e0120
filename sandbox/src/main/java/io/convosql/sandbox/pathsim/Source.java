package io.convosql.sandbox.pathsim;

import java.util.Optional;

/** A session's "Source" column; the {@code source} filter takes the label itself. */
public enum Source {
  CAMPAIGN("Campaign"),
  AD_HOC("Ad-hoc");

  private final String label;

  Source(String label) {
    this.label = label;
  }

  /** The value shown in the "Source" column and taken by the {@code source} parameter. */
  public String label() {
    return label;
  }

  /** The source a {@code source} parameter names, matched case-sensitively. */
  public static Optional<Source> fromParam(String value) {
    for (Source s : values()) {
      if (s.label.equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
