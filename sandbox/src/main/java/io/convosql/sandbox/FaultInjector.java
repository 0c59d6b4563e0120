package io.convosql.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Draws the faults one {@link Faults} setting injects: one draw per request in scope, from a random
 * stream seeded by the setting and read under this object's lock, so sequential requests always
 * meet the same faults. Counts what it injected, to honour the setting's limit.
 */
final class FaultInjector {
  private final Faults faults;
  private final Random random;
  private long injected;

  FaultInjector(Faults faults) {
    this.faults = Objects.requireNonNull(faults, "faults");
    this.random = new Random(faults.seed());
  }

  Faults faults() {
    return faults;
  }

  /** The fault to inject in place of this request's answer, or null to answer it. */
  synchronized FaultKind draw(String api, String method, String path) {
    if (!faults.appliesTo(api, method, path) || injected >= faults.limit()) {
      return null;
    }
    if (random.nextDouble() >= faults.rate()) {
      return null;
    }
    injected++;
    List<FaultKind> kinds = faults.kinds();
    return kinds.get(random.nextInt(kinds.size()));
  }
}
