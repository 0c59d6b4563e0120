package io.convosql.sandbox.pathsim;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The detail fields every session has, derived from its Connected and Objective columns so the
 * analysis flags and summary never contradict the table.
 */
final class Outcomes {
  private Outcomes() {}

  /** The keys written as JSON null when absent: an unfinished session's summary, an unknown verdict. */
  static Set<String> nullKeys(Connection connected, Objective objective) {
    Set<String> keys = new HashSet<>();
    if (connected == Connection.IN_PROGRESS) {
      keys.add("summary");
    } else if (objective == Objective.NONE) {
      keys.add("objective_met");
    }
    return keys;
  }

  /** Whether the call or page load connected; unknown while the test runs. */
  static Boolean callSuccessful(Connection connected) {
    return connected == Connection.IN_PROGRESS ? null : connected == Connection.CONNECTED;
  }

  /** Whether the test passed; unknown while it runs. */
  static Boolean testSuccessful(Connection connected, Objective objective) {
    return connected == Connection.IN_PROGRESS ? null : objective == Objective.ACHIEVED;
  }

  /** Whether the objective was met; unknown when the Objective column shows {@code --}. */
  static Boolean objectiveMet(Objective objective) {
    return objective == Objective.NONE ? null : objective == Objective.ACHIEVED;
  }

  /** A one-sentence summary of the session, or null when there is none yet (or none was written). */
  static String summary(
      SplittableRandom random, VirtualCustomer customer, Connection connected, Objective objective) {
    boolean voice = customer.type() == TestType.VOICE;
    String opening = voice
        ? "The agent called to " + customer.goal()
        : "The agent opened " + customer.target() + " to " + customer.goal();
    return switch (connected) {
      case IN_PROGRESS -> null;
      case SYSTEM_ERROR -> random.nextBoolean() ? null : "The test stopped because of a system error.";
      case FAILED -> voice
          ? "The call to " + customer.target() + " could not be connected."
          : "The browser could not load " + customer.target() + ".";
      case CONNECTED -> switch (objective) {
        case ACHIEVED -> opening + ". The request was handled and the objective was met.";
        case NOT_ACHIEVED -> opening + ", but the request could not be completed.";
        case NONE -> opening + ". The outcome could not be evaluated.";
      };
    };
  }
}
