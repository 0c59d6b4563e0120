package io.convosql.sandbox.pathsim;

import io.convosql.sandbox.pathsim.VirtualCustomer.StepTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Builds the detail of a web session: the browser steps run, timed inside the session. */
final class WebDetails {
  private static final List<String> FAILURES = List.of(
      "Timed out after 30s waiting for the element",
      "Element not found",
      "Unexpected page: 404 Not Found",
      "Assertion failed: expected text not present");

  private WebDetails() {}

  static SessionDetail build(SplittableRandom random, VirtualCustomer customer, Connection connected,
      Objective objective, Instant start) {
    List<StepTemplate> script = customer.steps();
    int count;
    boolean lastFails;
    switch (connected) {
      case CONNECTED -> {
        lastFails = objective == Objective.NOT_ACHIEVED;
        count = lastFails ? 3 + random.nextInt(script.size() - 2) : script.size();
      }
      case FAILED -> {
        count = 1;
        lastFails = true;
      }
      case IN_PROGRESS -> {
        count = 1 + random.nextInt(3);
        lastFails = false;
      }
      default -> {
        count = 0;
        lastFails = false;
      }
    }
    long at = start.toEpochMilli() + 500 + random.nextInt(2500);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StepTemplate t = script.get(i);
      boolean failed = lastFails && i == count - 1;
      String value = failed ? FAILURES.get(random.nextInt(FAILURES.size())) : t.value();
      steps.add(new Step(i + 1, t.action(), t.target(), value, failed ? "failed" : "completed", at));
      at += 1500 + random.nextInt(20_000);
    }
    Integer duration = connected == Connection.IN_PROGRESS
        ? null
        : (int) ((at - start.toEpochMilli()) / 1000) + 2 + random.nextInt(10);
    Set<String> nullKeys = Outcomes.nullKeys(connected, objective);
    boolean finished = connected != Connection.IN_PROGRESS;
    WebDetail web = new WebDetail(
        finished ? connected == Connection.CONNECTED : null,
        finished ? objective == Objective.ACHIEVED : null,
        customer.target(),
        steps);
    return new SessionDetail(
        duration,
        connected == Connection.CONNECTED || connected == Connection.FAILED && random.nextInt(10) < 7,
        Outcomes.summary(random, customer, connected, objective),
        Outcomes.callSuccessful(connected),
        Outcomes.testSuccessful(connected, objective),
        Outcomes.objectiveMet(objective),
        null,
        web,
        nullKeys);
  }
}
