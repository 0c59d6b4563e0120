package io.convosql.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pace learned from 429s, on a fake clock: a client sending as fast as the pace lets it, its
 * answers 40 ms later, held back a second by each 429, against a server that limits a key's rate
 * or one that answers a share of requests 429 at random.
 */
class LearnedPaceTest {
  private static final long MS = Duration.ofMillis(1).toNanos();
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final AtomicLong now = new AtomicLong(100 * SECOND);
  private final LearnedPace pace = new LearnedPace(now::get);

  /** Answers a request arriving at a time: true for 429. */
  private interface Server {
    boolean refuses(long at);
  }

  /** A token bucket per key as the sandbox keeps: {@code perSecond}, bursts of a second's worth. */
  private static Server rateLimit(double perSecond) {
    double[] bucket = {perSecond, Double.NaN};
    return at -> {
      bucket[0] = Double.isNaN(bucket[1]) ? bucket[0]
          : Math.min(perSecond, bucket[0] + (at - bucket[1]) / 1e9 * perSecond);
      bucket[1] = at;
      if (bucket[0] >= 1) {
        bucket[0]--;
        return false;
      }
      return true;
    };
  }

  private static Server randomFaults(double share) {
    Random random = new Random(13);
    return at -> random.nextDouble() < share;
  }

  @Test
  void aRateLimitedKeySettlesBelowTheLimitAndStaysThere() {
    Run run = run(60, 200, rateLimit(20));

    // the first read is what the key sent; every later one, below the limit after each probe
    assertThat(run.cuts.size()).as("cuts " + run.cuts).isBetween(2, 6);
    assertThat(run.cuts.subList(1, run.cuts.size())).as("cuts").allMatch(c -> c < 20);
    assertThat(pace.switchedOff()).isFalse();
    assertThat(pace.rate()).isBetween(16.0, 24.0);
    assertThat(run.refused).as("429s of " + run.sent).isLessThan(run.sent / 20);
    assertThat((run.sent - run.refused) / 60.0).as("answers a second").isGreaterThan(16);
  }

  @Test
  void aKeyJustOverTheLimitSettlesBelowIt() {
    Run run = run(60, 25, rateLimit(20));

    assertThat(run.cuts).isNotEmpty();
    assertThat(pace.switchedOff()).isFalse();
    assertThat(run.refused).as("429s of " + run.sent).isLessThan(run.sent / 50);
    assertThat((run.sent - run.refused) / 60.0).as("answers a second").isGreaterThan(16);
  }

  @Test
  void random429sSwitchPacingOffAfterABoundedNumberOfCuts() {
    // a quarter of faults, a quarter of them 429 (as RetryBudgetTest), then a quarter all 429
    for (double share : new double[] {0.0625, 0.25}) {
      LearnedPace unpaced = new LearnedPace(now::get);
      Run free = run(unpaced, false, 60, 100, randomFaults(share));
      Run run = run(60, 100, randomFaults(share));

      assertThat(run.cuts.size()).as("cuts " + run.cuts).isLessThanOrEqualTo(LearnedPace.UNHELPED);
      assertThat(pace.rate()).isZero();
      assertThat(run.sent - run.refused).as("answers beside unpaced " + (free.sent - free.refused))
          .isGreaterThan((int) (0.85 * (free.sent - free.refused)));
    }
  }

  @Test
  void cutsNeverTakeThePaceBelowHalfTheFirstReadFromA429() {
    Run run = run(20, 100, randomFaults(0.0625));

    assertThat(run.cuts).hasSizeGreaterThan(1);
    double first = run.cuts.get(0);
    assertThat(run.cuts).allMatch(c -> c >= LearnedPace.FLOOR * first, "at least half " + first);
  }

  @Test
  void pacingSwitchedOffLearnsAgainAfterItsPause() {
    run(30, 100, randomFaults(0.25));
    assertThat(pace.switchedOff()).isTrue();

    now.addAndGet(LearnedPace.OFF.toNanos());
    Run run = run(60, 200, rateLimit(20));

    assertThat(pace.switchedOff()).isFalse();
    assertThat(pace.rate()).isBetween(16.0, 24.0);
    assertThat(run.refused).as("429s of " + run.sent).isLessThan(run.sent / 20);
  }

  @Test
  void anEarly429AfterSevenAnswersIn50MsDoesNotSetAPaceOfAFewRequestsASecond() {
    answer(7, 7 * MS);
    pace.onRateLimited(now.get() - 40 * MS);
    assertThat(pace.rate()).as("too few answers to read a pace from").isZero();

    now.addAndGet(LearnedPace.QUIET.toNanos() * 2);
    answer(12, 5 * MS);
    pace.onRateLimited(now.get() - 40 * MS);
    assertThat(pace.rate()).as("12 answers in 60 ms, read over at least 200 ms")
        .isCloseTo(LearnedPace.CUT * 12 / 0.2, within(0.5));
  }

  @Test
  void the429sOfRequestsSentBeforeAnEpisodeBelongToIt() {
    long sent = now.get();
    answer(20, 10 * MS);
    pace.onRateLimited(sent);
    double first = pace.rate();
    for (int i = 0; i < 8; i++) {
      pace.onRateLimited(sent + i * MS);
    }
    assertThat(pace.rate()).isEqualTo(first);
  }

  @Test
  void pacingEndsAfterMinutesWithoutA429() {
    answer(20, 50 * MS);
    pace.onRateLimited(now.get());
    assertThat(pace.rate()).isPositive();

    answer((int) (LearnedPace.FORGET.toSeconds() * 10 + 20), 100 * MS);

    assertThat(pace.rate()).isZero();
    assertThat(pace.switchedOff()).isFalse();
  }

  private void answer(int n, long every) {
    for (int i = 0; i < n; i++) {
      pace.onAnswer();
      now.addAndGet(every);
    }
  }

  /** What a run saw: requests sent, those answered 429, and the pace after each cut or learning. */
  private record Run(int sent, int refused, List<Double> cuts) {}

  /**
   * Sends for {@code seconds} at {@code demand} requests a second or the pace if lower (unless not
   * {@code paced}), in 1 ms steps; each answer comes 40 ms after its request, and a 429 holds
   * sending back for a second.
   */
  private Run run(int seconds, double demand, Server server) {
    return run(pace, true, seconds, demand, server);
  }

  private Run run(LearnedPace pace, boolean paced, int seconds, double demand, Server server) {
    ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // {sent at, 1 if refused}
    List<Double> cuts = new ArrayList<>();
    long end = now.get() + seconds * SECOND;
    long heldUntil = Long.MIN_VALUE;
    double credit = 0;
    int sent = 0;
    int refused = 0;
    for (; now.get() < end; now.addAndGet(MS)) {
      while (!inFlight.isEmpty() && inFlight.peek()[0] + 40 * MS <= now.get()) {
        long[] request = inFlight.poll();
        if (request[1] == 0) {
          pace.onAnswer();
          continue;
        }
        double before = pace.rate();
        pace.onRateLimited(request[0]);
        if (pace.rate() != before && pace.rate() > 0) {
          cuts.add(pace.rate());
        }
        heldUntil = now.get() + SECOND;
      }
      if (now.get() < heldUntil) {
        continue;
      }
      double rate = paced && pace.rate() > 0 ? Math.min(demand, pace.rate()) : demand;
      credit = Math.min(credit + rate / 1000, 1);
      if (credit >= 1) {
        credit--;
        sent++;
        boolean no = server.refuses(now.get());
        refused += no ? 1 : 0;
        inFlight.add(new long[] {now.get(), no ? 1 : 0});
      }
    }
    return new Run(sent, refused, cuts);
  }
}
