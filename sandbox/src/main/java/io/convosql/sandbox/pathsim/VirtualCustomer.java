package io.convosql.sandbox.pathsim;

import java.util.List;
import java.util.Objects;

/**
 * A scripted virtual customer: the agent name PathSim shows, what it tests (a phone number or a URL),
 * the goal its summaries describe, and either the transcript lines of a full voice call or the steps
 * of a full web test.
 */
record VirtualCustomer(
    String name, TestType type, String target, String goal, List<String> lines, List<StepTemplate> steps) {

  VirtualCustomer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(goal, "goal");
    lines = List.copyOf(lines);
    steps = List.copyOf(steps);
  }

  static VirtualCustomer voice(String name, String phone, String goal, String... lines) {
    return new VirtualCustomer(name, TestType.VOICE, phone, goal, List.of(lines), List.of());
  }

  static VirtualCustomer web(String name, String url, String goal, StepTemplate... steps) {
    return new VirtualCustomer(name, TestType.WEB, url, goal, List.of(), List.of(steps));
  }

  /** One scripted web-test step: the action, what it acted on, and what it observed when it passed. */
  record StepTemplate(String action, String target, String value) {
    StepTemplate {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(value, "value");
    }
  }
}
