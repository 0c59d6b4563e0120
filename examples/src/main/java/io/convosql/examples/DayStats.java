package io.convosql.examples;

import java.time.LocalDate;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The tests of one virtual customer on one day (UTC): how many ran, how many passed
 * ({@code test_successful}), and the sum and number of their average far-end latencies (voice tests
 * that measured one), so that averages over several days weigh each test once.
 */
record DayStats(String customer, LocalDate day, long tests, long passed, long latencySumMs,
    long latencyTests) {
  DayStats {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(day, "day");
  }

  /** Passed tests as a percentage of all tests. */
  double passRate() {
    return tests == 0 ? 0 : 100.0 * passed / tests;
  }

  /** The mean of the tests' average latencies, or null when no test measured one. */
  @Nullable Double latencyMs() {
    return latencyTests == 0 ? null : (double) latencySumMs / latencyTests;
  }

  /** This and another day's stats of the same customer, added. */
  DayStats plus(DayStats o) {
    return new DayStats(customer, day, tests + o.tests, passed + o.passed, latencySumMs + o.latencySumMs,
        latencyTests + o.latencyTests);
  }
}
