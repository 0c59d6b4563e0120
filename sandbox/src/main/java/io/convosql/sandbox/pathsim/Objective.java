package io.convosql.sandbox.pathsim;

import java.util.Optional;

/** A session's "Objective" column; {@code --} (in progress or error) has no filter value. */
public enum Objective {
  ACHIEVED("Achieved", "achieved"),
  NOT_ACHIEVED("Not Achieved", "not_achieved"),
  NONE("--", null);

  private final String label;
  private final String param;

  Objective(String label, String param) {
    this.label = label;
    this.param = param;
  }

  /** The value shown in the "Objective" column. */
  public String label() {
    return label;
  }

  /** The value the {@code objective} query parameter takes, or null when it cannot be filtered on. */
  public String param() {
    return param;
  }

  /** The objective an {@code objective} parameter names, matched case-sensitively. */
  public static Optional<Objective> fromParam(String value) {
    for (Objective o : values()) {
      if (o.param != null && o.param.equals(value)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
